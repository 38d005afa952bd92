/**
 * What a month keeps of its patient figures (month-patient.ts says why): the whole
 * figures in their own file, and a compact trend in its results. Kept apart from
 * month-patient.ts so the month build's code (and its cache fingerprint) does not take in the feeds.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WaitFigures } from '../../src/lib/schema/site-data.ts';
import type { MonthPatientFigures } from './rtt-month.ts';

export const PATIENT_FILE = 'patient.json';

/** The figures a trend file takes from each provider and month, in the order a month's trend lists them. */
export const TREND_FIELDS = ['median', 'medianLow', 'medianHigh', 'medianOver104', 'tooFew', 'pathways', 'unknownClockStart', 'pctWithin18', 'within18', 'over52'] as const;
export type TrendFigures = Pick<WaitFigures, 'period' | (typeof TREND_FIELDS)[number]>;
/** Treatment → name and provider → months (oldest first): PatientFigures with only the trend's figures. */
export type TrendFiguresMap = Map<string, { name: string; providers: Map<string, TrendFigures[]> }>;

/**
 * One month's TrendFigures from its TREND_FIELDS values, as one object literal: a build
 * of many months makes one per provider, treatment and month, and literal objects of one
 * shape are cheaper to make and to collect than objects filled field by field.
 */
export function trendFigures(period: string, v: TrendValues): TrendFigures {
	return {
		period,
		median: v[0] as number | null,
		medianLow: v[1] as number | null,
		medianHigh: v[2] as number | null,
		medianOver104: v[3] as boolean,
		tooFew: v[4] as boolean,
		pathways: v[5] as number,
		unknownClockStart: v[6] as number,
		pctWithin18: v[7] as number | null,
		within18: v[8] as number,
		over52: v[9] as number
	};
}

/** A month's trend: per treatment, per provider, the TREND_FIELDS values as one array. */
export type MonthTrend = { treatment: string; name: string; providers: [string, TrendValues][] }[];
type TrendValues = (number | boolean | null)[];

export function monthTrend(patient: MonthPatientFigures): MonthTrend {
	return patient.map(({ treatment, name, providers }) => ({
		treatment,
		name,
		providers: providers.map(([provider, figures]): [string, TrendValues] => [provider, TREND_FIELDS.map((field) => figures[field])])
	}));
}

/** Writes the month's whole figures beside its results (rtt-month.ts, into the cache entry being built). */
export async function writeMonthPatient(dir: string, patient: MonthPatientFigures): Promise<void> {
	await writeFile(join(dir, PATIENT_FILE), JSON.stringify(patient));
}
