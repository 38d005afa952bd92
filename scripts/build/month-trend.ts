/**
 * What a month keeps of its patient figures (month-patient.ts says why): the whole
 * figures in their own file, and a compact trend in its results. Kept apart from
 * month-patient.ts so the month build's code (and its cache fingerprint) does not take in the feeds.
 *
 * Trends are kept column-wise, a month's as every build merges them: per treatment, its
 * providers and one array per TREND_FIELDS entry. A build reads every month's trend; row-wise
 * (an array per provider, then an object per provider and month) 60 months of the real data
 * would make over 300,000 small objects for the garbage collector, column-wise a few dozen per treatment.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrendFigures } from '../../src/lib/schema/site-data.ts';
import type { MonthPatientFigures } from './rtt-month.ts';

export const PATIENT_FILE = 'patient.json';

/** The figures a trend file takes from each provider and month, in the order its rows list them. */
export const TREND_FIELDS = ['median', 'medianLow', 'medianHigh', 'medianOver104', 'tooFew', 'pathways', 'unknownClockStart', 'pctWithin18', 'within18', 'over52'] as const;
export type TrendField = (typeof TREND_FIELDS)[number];
export type TrendValue = TrendFigures[TrendField];

/** What a trend file shows for a month without a figure: false for the two flags, else null. */
export const ABSENT: readonly TrendValue[] = TREND_FIELDS.map((field) => (field === 'medianOver104' || field === 'tooFew' ? false : null));

/** A month's trend: per treatment, `values[f][j]` is TREND_FIELDS[f] of `providers[j]`. */
export type MonthTrend = { treatment: string; name: string; providers: string[]; values: TrendValue[][] }[];

/** One provider's months for one treatment: `values[f][i]` is TREND_FIELDS[f] in the history's i-th period (ABSENT where `present[i]` is false). */
export interface TrendSeries {
	present: boolean[];
	values: TrendValue[][];
}

/** Every month's trend, months oldest first; a treatment's name is the first month's (as mergePatientFigures). */
export interface TrendHistory {
	periods: string[];
	treatments: Map<string, { name: string; providers: Map<string, TrendSeries> }>;
}

export function monthTrend(patient: MonthPatientFigures): MonthTrend {
	return patient.map(({ treatment, name, providers }) => ({
		treatment,
		name,
		providers: providers.map(([provider]) => provider),
		values: TREND_FIELDS.map((field) => providers.map(([, figures]) => figures[field]))
	}));
}

/** Writes the month's whole figures beside its results (rtt-month.ts, into the cache entry being built). */
export async function writeMonthPatient(dir: string, patient: MonthPatientFigures): Promise<void> {
	await writeFile(join(dir, PATIENT_FILE), JSON.stringify(patient));
}
