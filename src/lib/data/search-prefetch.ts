/**
 * Fetching ahead while the patient fills in the form: the files a search needs
 * (the list of hospitals, the postcode area, the treatment's waits) start to
 * load as soon as the form says which they are, so Search answers from memory.
 * Only files the search itself would fetch, each once (patient-data.ts caches
 * them); a half-typed word never fetches a guess.
 */
import { normalisePostcode } from '../geo/postcode.ts';
import { exactTreatment } from './treatments.ts';
import { loadPostcodeArea, loadProviders, loadWaits } from './patient-data.ts';

export interface TypedSearchFiles {
	/** Postcode area ('B', 'LS') once the text reads as a postcode or its first part. */
	area: string | null;
	/** Treatment code once the text names one whole. */
	treatment: string | null;
}

export function typedSearchFiles(postcodeText: string, treatmentText: string): TypedSearchFiles {
	return {
		area: normalisePostcode(postcodeText)?.area ?? null,
		treatment: exactTreatment(treatmentText)?.code ?? null
	};
}

/** Starts the fetches; failures are left for the search itself to report (the cache forgets them). */
export function prefetchSearch(files: { area: string | null; treatment: string | null }): void {
	const quiet = () => {};
	loadProviders().catch(quiet);
	if (files.area) loadPostcodeArea(files.area).catch(quiet);
	if (files.treatment) loadWaits(files.treatment).catch(quiet);
}
