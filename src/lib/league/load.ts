/**
 * From a league query to what the page shows, using the site's own small JSON
 * files (no DuckDB download): providers.json, waits-<treatment>.json (and, for a month it
 * does not keep, league/rtt-<month>.json) and league/ae-<month>.json.
 * Shared by /league and /embed/league so both show the same numbers.
 */
import { AE_MONTH_FILE, aeTrendPath, leagueMonthRows, RTT_MONTH_FILE, type AeMonthFile, type AeTrendFile, type ProviderRecord, type RttLeagueMonthFile, type TreatmentWaitsFile } from '../schema/site-data.ts';
import { loadPatientJson, loadProviders, loadWaits, type Fetcher } from '../data/patient-data.ts';
import { treatmentByCode } from '../data/treatments.ts';
import { parseProviderCode } from '../state/provider-code.ts';
import { computeLeague, type League } from './compute.ts';
import { measureById, type LeagueQuery, type Measure } from './measures.ts';
import { aeUnits, areasOf, rttUnits, surveyRows, type RttMonths, type SurveyRow } from './units.ts';
import { comparisonPeriod } from './trend.ts';
import { monthWords } from './words.ts';
import { loadCouncilLeague, type CouncilLeague } from './council-load.ts';

/** NHS leagues carry the providers (for the area choice); council leagues their CouncilChoice. */
export type NhsLeague =
	| { kind: 'proportion'; measure: Measure; league: League; title: string; note: string; period: string | null; providers: ProviderRecord[]; council?: undefined }
	| { kind: 'survey'; measure: Measure; rows: SurveyRow[]; title: string; note: string; providers: ProviderRecord[]; council?: undefined }
	| { kind: 'empty'; measure: Measure; title: string; message: string; providers: ProviderRecord[]; council?: undefined };

export type LoadedLeague = NhsLeague | CouncilLeague;

/** The area's name for titles ('NHS Devon Integrated Care Board'), or England. */
export function areaWords(area: string, providers: readonly ProviderRecord[]): string {
	if (!area) return 'England';
	return areasOf(providers).find((a) => a.code === area)?.name ?? `area ${area}`;
}

/** What the loader needs to know about the data: the months built (SiteSummary or Manifest both fit). */
export interface LeaguePeriods {
	periods: string[];
	latestPeriod: string | null;
	/** Absent in data built before A&E months were published one file each. */
	aePeriods?: string[];
}

/** The months a measure can be shown for, oldest first. */
export function periodsFor(measure: Measure, data: LeaguePeriods): string[] {
	if (measure.periods === 'rtt') return data.periods;
	if (measure.periods === 'ae') return data.aePeriods ?? [];
	return [];
}

/** The month asked for when it is built, else the latest built. */
export function chosenPeriod(asked: string, built: readonly string[]): string | null {
	return asked && built.includes(asked) ? asked : (built.at(-1) ?? null);
}

/**
 * A month's league file, only for months the site says it built (the path is never made from
 * arbitrary text). One this browser has not stored cannot load offline: that is said in words,
 * not as the browser's network error.
 */
async function loadMonthFile<T>(path: string, period: string, built: readonly string[], fetcher?: Fetcher): Promise<T | null> {
	if (!built.includes(period) || !/^\d{4}-\d{2}$/.test(period)) return null;
	return loadOrSayOffline<T>(path.replace('{period}', period), `The figures for ${monthWords(period)}`, fetcher);
}

/** A league file, or, when the browser has not stored it and cannot fetch it, an error saying so in words. */
async function loadOrSayOffline<T>(path: string, what: string, fetcher?: Fetcher): Promise<T | null> {
	try {
		return await loadPatientJson<T>(path, fetcher);
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		throw new Error(`${what} have not been downloaded to this browser yet, and fetching them needs a connection.`);
	}
}

/** One provider's every A&E month (league/ae-trend/<code>.json); null when it has none. The code is checked before it becomes a path. */
export function loadAeTrend(code: string, fetcher?: Fetcher): Promise<AeTrendFile | null> {
	const checked = parseProviderCode(code);
	if (!checked) return Promise.resolve(null);
	return loadOrSayOffline<AeTrendFile>(aeTrendPath(checked), `The A&E figures for ${checked}`, fetcher);
}

const loadAeMonth = (period: string, built: readonly string[], fetcher?: Fetcher) => loadMonthFile<AeMonthFile>(AE_MONTH_FILE, period, built, fetcher);

/**
 * The waits file holds only the months a patient's first answer compares; any other month the
 * league needs comes from that month's league file (the same counts), fetched only then: two
 * files at most, however many months are built.
 */
async function rttMonthsFor(waits: TreatmentWaitsFile, needed: (string | null)[], treatment: string, built: readonly string[], fetcher?: Fetcher): Promise<RttMonths> {
	const missing = needed.filter((p): p is string => p !== null && !waits.periods.includes(p));
	if (missing.length === 0) return waits;
	const files = await Promise.all(missing.map((period) => loadMonthFile<RttLeagueMonthFile>(RTT_MONTH_FILE, period, built, fetcher)));
	return withMonths(waits, files.flatMap((file) => (file ? [leagueMonthRows(file, treatment)] : [])));
}

/** Each provider's months from the waits file with those of the month files added. */
export function withMonths(waits: RttMonths, extra: RttMonths['rows'][]): RttMonths {
	const months = new Map(waits.rows.map((row) => [row.provider, [...row.months]]));
	for (const rows of extra) {
		for (const row of rows) {
			const list = months.get(row.provider);
			if (list) list.push(...row.months);
			else months.set(row.provider, [...row.months]);
		}
	}
	return { rows: [...months].map(([provider, list]) => ({ provider, months: list })) };
}

export async function loadLeague(query: LeagueQuery, data: LeaguePeriods, fetcher?: Fetcher): Promise<LoadedLeague> {
	const measure = measureById(query.measure);
	// A council measure needs no hospital list: only its own two files, fetched now.
	if (measure.council) return loadCouncilLeague(query, measure, fetcher);
	const providers = await loadProviders(fetcher);
	const inArea = (area: string | null | undefined) => query.area === '' || area === query.area;
	const where = areaWords(query.area, providers);
	const built = periodsFor(measure, data);
	const period = chosenPeriod(query.period, built);

	if (measure.id === 'survey') {
		const rows = surveyRows(providers).filter((r) => inArea(r.area));
		const year = rows[0]?.year;
		const title = `Inpatient survey overall experience, ${where}${year ? `, ${year}` : ''}`;
		if (rows.length === 0) return { kind: 'empty', measure, title, message: 'No survey results for this area.', providers };
		return { kind: 'survey', measure, rows, title, note: measure.source, providers };
	}

	if (measure.id === 'ae4h') {
		const title = `A&E seen within 4 hours, ${where}${period ? `, ${monthWords(period)}` : ''}`;
		const month = period ? await loadAeMonth(period, built, fetcher) : null;
		if (!month || month.rows.length === 0) return { kind: 'empty', measure, title, message: 'No A&E figures to compare.', providers };
		const since = comparisonPeriod(month.period, built, 'year-then-month');
		const earlier = since ? await loadAeMonth(since, built, fetcher) : null;
		const league = computeLeague(aeUnits(month, earlier, providers), {
			direction: measure.direction, mode: query.limits ?? 'auto', unitWords: 'providers', include: (u) => inArea(u.area), trend: { since: since ? monthWords(since) : null }
		});
		if (league.rows.length === 0) return { kind: 'empty', measure, title, message: 'No providers with A&E figures in this area.', providers };
		const note = `${measure.source} Providers with a major (Type 1) A&E department in NHS England's return for ${monthWords(month.period)}, with their attendances of every type; areas are those of providers with waiting-list figures. Change is against ${since ? monthWords(since) : 'no earlier month (none is built)'}.`;
		return { kind: 'proportion', measure, league, title, note, period: month.period, providers };
	}

	const rttPeriod = period ?? '';
	const treatment = treatmentByCode(query.treatment);
	const what = measure.id === 'rtt18' ? 'Waiting under 18 weeks' : 'Waiting over 52 weeks';
	const title = `${what}: ${treatment?.code === 'C_999' ? 'all treatments' : (treatment?.name ?? query.treatment)}, ${where}, ${monthWords(rttPeriod)}`;
	const waits = await loadWaits(query.treatment, fetcher);
	if (!waits) return { kind: 'empty', measure, title, message: 'No waiting-time figures for this treatment.', providers };
	const since = comparisonPeriod(rttPeriod, built, 'previous-built');
	const months = await rttMonthsFor(waits, [rttPeriod, since], query.treatment, built, fetcher);
	const { units, tooFew } = rttUnits(measure.id as 'rtt18' | 'over52', months, providers, rttPeriod, since);
	const league = computeLeague(units, {
		direction: measure.direction, mode: query.limits ?? 'auto', unitWords: 'providers', include: (u) => inArea(u.area), trend: { since: since ? monthWords(since) : null }
	});
	const shownTooFew = tooFew.filter((t) => inArea(providers.find((p) => p.code === t.code)?.region));
	league.excluded.push(...shownTooFew.map((t) => ({ ...t, reason: 'too few patients to say' })));
	if (league.rows.length === 0) return { kind: 'empty', measure, title, message: 'No providers with figures for this choice.', providers };
	const note = `${measure.source} People waiting at the end of ${monthWords(rttPeriod)}; change is against ${since ? monthWords(since) : 'no earlier month (none is built)'}.`;
	return { kind: 'proportion', measure, league, title, note, period: rttPeriod, providers };
}
