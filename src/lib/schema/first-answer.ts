/**
 * The first answer's files: what a patient's search downloads for
 * one treatment (the months it compares, in full), and the trend file with a
 * few numbers for every month built, fetched after the answer is shown.
 * Part of the build↔browser contract; site-data.ts re-exports it.
 */

/** Compact per-month wait figures for one provider and treatment (Part_2, waiting now). */
export interface WaitFigures {
	period: string;
	pathways: number; // people waiting with a known clock start
	unknownClockStart: number;
	/** Weeks; null when too few to say or when the value is over 104 weeks (see medianOver104). */
	median: number | null;
	/** 95% interval for the median (binomial order statistics), weeks; null when not a number. */
	medianLow: number | null;
	medianHigh: number | null;
	p92: number | null;
	/** True when that percentile falls in the open top band ("more than 104 weeks"). */
	medianOver104: boolean;
	p92Over104: boolean;
	pctWithin18: number | null; // 0–100
	pctWithin18Low: number | null;
	pctWithin18High: number | null;
	/** People waiting 18 weeks or less (bands 0–17): exact, for league tables. */
	within18: number;
	over52: number;
	tooFew: boolean;
	/**
	 * Waits of the people whose treatment started this month (completed
	 * pathways): Part_1A admitted, Part_1B not admitted. Null when the month
	 * has no such rows; absent in files built before these were added.
	 */
	admitted?: TreatedWaits | null;
	nonAdmitted?: TreatedWaits | null;
	/** Part_3 new clock starts (referrals) in the month; null when none published. */
	referrals?: number | null;
}

/** Waits of people treated in a month (one completed-pathway part), from the same statistics core. */
export interface TreatedWaits {
	pathways: number; // known clock start: the sum of the week bands
	unknownClockStart: number;
	median: number | null; // weeks, 1 decimal; null when too few or over 104 weeks
	p92: number | null;
	medianOver104: boolean;
	p92Over104: boolean;
	tooFew: boolean;
}

export interface ProviderWaits {
	provider: string; // ODS code
	months: WaitFigures[]; // oldest first
	/** The part of the treatment's trend that holds this provider's series (TREND_FILE's {part}). */
	trendPart: number;
}

/**
 * `data/patient/waits-<treatment>.json`: everything the first answer needs for one treatment.
 * Full figures only for the months the first answer compares (firstAnswerPeriods): the latest,
 * the month built before it and the same month a year earlier, so the file does not grow with
 * history. `periods` lists those months; every month's compact series is in the trend file.
 */
export interface TreatmentWaitsFile {
	treatment: string; // e.g. 'C_110'
	treatmentName: string;
	periods: string[];
	rows: ProviderWaits[];
	/** How many parts the treatment's trend is cut into (parts 0 … trendParts − 1). */
	trendParts: number;
}

/** Where each part of a treatment's trend is written, relative to static/data. */
export const TREND_FILE = 'patient/trend-{treatment}-{part}.json';

/**
 * A treatment's trend: every month built, a few numbers each, fetched after the first answer is
 * shown (the trend charts; a league month the waits file does not keep has its own file,
 * league-month.ts). It is written in parts of a few
 * dozen neighbouring providers (TrendPartFile), so a page fetches the parts of the providers it
 * shows; the browser joins what it fetched into one of these.
 */
export interface TreatmentTrendFile {
	treatment: string;
	periods: string[]; // every month built, oldest first
	rows: ProviderTrend[];
}

/** `data/patient/trend-<treatment>-<part>.json`: the rows of one part; the waits file says which part holds a provider. */
export interface TrendPartFile extends TreatmentTrendFile {
	part: number;
	parts: number;
}

/** Where one part of a treatment's trend is, relative to static/data. */
export function trendPartPath(treatment: string, part: number): string {
	return TREND_FILE.replace('{treatment}', treatment).replace('{part}', String(part));
}

/**
 * One provider's series, each array aligned with the file's `periods`; null (or false) where the
 * provider has no figure that month. Meanings as in WaitFigures.
 */
export interface ProviderTrend {
	provider: string;
	median: (number | null)[];
	medianLow: (number | null)[];
	medianHigh: (number | null)[];
	medianOver104: boolean[];
	tooFew: boolean[];
	/** People waiting with a known clock start; null when the provider has no figure that month. */
	pathways: (number | null)[];
	unknownClockStart: (number | null)[];
	pctWithin18: (number | null)[];
	within18: (number | null)[];
	over52: (number | null)[];
}

/** One month of a ProviderTrend: the WaitFigures fields the trend carries. */
export type TrendFigures = Pick<
	WaitFigures,
	'period' | 'pathways' | 'unknownClockStart' | 'median' | 'medianLow' | 'medianHigh' | 'medianOver104' | 'pctWithin18' | 'within18' | 'over52' | 'tooFew'
>;

/** The months a waits file keeps in full: the latest, the one built before it, and the same month a year earlier. */
export function firstAnswerPeriods(periods: readonly string[]): string[] {
	const sorted = [...periods].sort();
	const latest = sorted.at(-1);
	if (!latest) return [];
	const yearBefore = `${Number(latest.slice(0, 4)) - 1}${latest.slice(4)}`;
	return sorted.filter((p, i) => i >= sorted.length - 2 || p === yearBefore);
}

/** The series of one provider as months, oldest first; months without a figure are left out. */
export function trendMonths(periods: readonly string[], row: ProviderTrend): TrendFigures[] {
	return periods.flatMap((period, i) =>
		row.pathways[i] === null || row.pathways[i] === undefined
			? []
			: [{
				period,
				pathways: row.pathways[i] as number,
				unknownClockStart: row.unknownClockStart[i] ?? 0,
				median: row.median[i],
				medianLow: row.medianLow[i],
				medianHigh: row.medianHigh[i],
				medianOver104: row.medianOver104[i],
				pctWithin18: row.pctWithin18[i],
				within18: row.within18[i] ?? 0,
				over52: row.over52[i] ?? 0,
				tooFew: row.tooFew[i]
			}]
	);
}
