/**
 * From a league query to what the page shows, using the site's own small JSON
 * files (no DuckDB download): providers.json and waits-<treatment>.json.
 * Shared by /league and /embed/league so both show the same numbers.
 */
import type { ProviderRecord } from '../schema/site-data.ts';
import { loadProviders, loadWaits } from '../data/patient-data.ts';
import { treatmentByCode } from '../data/treatments.ts';
import { computeLeague, type League } from './compute.ts';
import { aeUnits, measureById, rttUnits, surveyRows, type LeagueQuery, type Measure, type SurveyRow } from './measures.ts';
import { monthWords } from './words.ts';

export type LoadedLeague =
	| { kind: 'proportion'; measure: Measure; league: League; title: string; note: string; period: string | null; providers: ProviderRecord[] }
	| { kind: 'survey'; measure: Measure; rows: SurveyRow[]; title: string; note: string; providers: ProviderRecord[] }
	| { kind: 'empty'; measure: Measure; title: string; message: string; providers: ProviderRecord[] };

export function areaWords(area: string): string {
	return area ? `area ${area}` : 'England';
}

/** What the loader needs to know about the data: the RTT months (SiteSummary or Manifest both fit). */
export interface LeaguePeriods {
	periods: string[];
	latestPeriod: string | null;
}

export async function loadLeague(query: LeagueQuery, manifest: LeaguePeriods, fetcher?: typeof fetch): Promise<LoadedLeague> {
	const measure = measureById(query.measure);
	const providers = await loadProviders(fetcher);
	const inArea = (area: string | null | undefined) => query.area === '' || area === query.area;
	const where = areaWords(query.area);

	if (measure.id === 'survey') {
		const rows = surveyRows(providers).filter((r) => inArea(r.area));
		const year = rows[0]?.year;
		const title = `Inpatient survey overall experience, ${where}${year ? `, ${year}` : ''}`;
		if (rows.length === 0) return { kind: 'empty', measure, title, message: 'No survey results for this area.', providers };
		return { kind: 'survey', measure, rows, title, note: measure.source, providers };
	}

	if (measure.id === 'ae4h') {
		const { units, period } = aeUnits(providers);
		const title = `A&E seen within 4 hours, ${where}${period ? `, ${monthWords(period)}` : ''}`;
		if (units.length === 0) return { kind: 'empty', measure, title, message: 'No A&E figures to compare.', providers };
		const league = computeLeague(units, { direction: measure.direction, mode: query.limits, include: (u) => inArea(u.area) });
		if (league.rows.length === 0) return { kind: 'empty', measure, title, message: 'No providers with A&E figures in this area.', providers };
		return { kind: 'proportion', measure, league, title, note: `${measure.source} Only the latest month is published on each provider's record.`, period, providers };
	}

	const treatment = treatmentByCode(query.treatment);
	const period = query.period && manifest.periods.includes(query.period) ? query.period : (manifest.latestPeriod ?? manifest.periods.at(-1) ?? '');
	const what = measure.id === 'rtt18' ? 'Waiting under 18 weeks' : 'Waiting over 52 weeks';
	const title = `${what}: ${treatment?.code === 'C_999' ? 'all treatments' : (treatment?.name ?? query.treatment)}, ${where}, ${monthWords(period)}`;
	const waits = await loadWaits(query.treatment, fetcher);
	if (!waits) return { kind: 'empty', measure, title, message: 'No waiting-time figures for this treatment.', providers };
	const { units, tooFew } = rttUnits(measure.id as 'rtt18' | 'over52', waits, providers, period);
	const league = computeLeague(units, { direction: measure.direction, mode: query.limits, include: (u) => inArea(u.area) });
	const shownTooFew = tooFew.filter((t) => inArea(providers.find((p) => p.code === t.code)?.region));
	league.excluded.push(...shownTooFew.map((t) => ({ ...t, reason: 'too few patients to say' })));
	if (league.rows.length === 0) return { kind: 'empty', measure, title, message: 'No providers with figures for this choice.', providers };
	const note = `${measure.source} People waiting at the end of ${monthWords(period)}.`;
	return { kind: 'proportion', measure, league, title, note, period, providers };
}
