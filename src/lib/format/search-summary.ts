/**
 * The words around a patient's search results: the one-sentence summary that
 * is also announced to screen readers, the sort choices, and the wait used to
 * explain what a median means. Pure, so the sentences are tested as a table.
 */
import type { NearbyRow } from '$lib/data/nearby';
import type { Treatment } from '$lib/data/treatments';
import { shortTreatmentWords } from '$lib/data/patient-data';
import { formatWeeks } from './numbers';
import { MILES_CHOICES, type Miles, type SearchState, type SortOrder } from '$lib/state/search-params';

export const SORT_LABELS: Record<SortOrder, { link: string; sentence: string }> = {
	wait: { link: 'Shortest wait', sentence: 'Sorted by shortest wait.' },
	distance: { link: 'Nearest', sentence: 'Sorted by distance, nearest first.' },
	within18: { link: 'Most seen within 18 weeks', sentence: 'Sorted by the most patients waiting under 18 weeks.' },
	rating: { link: 'Patient rating', sentence: 'Sorted by patient rating, highest first.' }
};

/** One answer to a search, as the results section shows it. */
export interface SearchResults {
	search: SearchState;
	treatment: Treatment;
	/** 'LS1 4AP' or 'your location' */
	place: string;
	/** 'LS1 4' when we measured from a sector's centre, 'LS1' for a district. */
	measuredFrom: string | null;
	rows: NearbyRow[];
	nearestCode: string | null;
	period: string | null;
	unlocated: number;
	origin: { lat: number; lon: number };
}

export function summarySentence(r: Pick<SearchResults, 'rows' | 'search' | 'place' | 'treatment'>): string {
	const n = r.rows.length;
	const where = `within ${r.search.miles} miles of ${r.place}`;
	const all = r.treatment.code === 'C_999';
	const words = shortTreatmentWords(r.treatment);
	if (n === 0)
		return all ? `We found no hospitals ${where} with people waiting for treatment.` : `We found no hospitals ${where} that treat ${words}.`;
	const verb = all ? `${n === 1 ? 'has' : 'have'} people waiting for treatment` : `${n === 1 ? 'treats' : 'treat'} ${words}`;
	return `${n === 1 ? '1 hospital' : `${n} hospitals`} ${where} ${verb}. ${SORT_LABELS[r.search.sort].sentence}`;
}

/** The first hospital's figure as the worked example, so the explanation matches the list. */
export function exampleWeeks(rows: NearbyRow[]): string {
	const first = rows.find((row) => !row.latest.tooFew && row.latest.median !== null && !row.latest.medianOver104);
	return formatWeeks(first?.latest.median ?? 15, 'whole');
}

/** The next wider radius to offer when nothing was found, or null at the widest. */
export const nextMiles = (m: Miles): Miles | null => MILES_CHOICES.find((c) => c > m) ?? null;
