/**
 * A month's patient figures are most of its cached results (about 400 kB of JSON
 * a month on the demonstration data), yet a build needs them whole only for a few
 * months: the feeds list each provider's last 13 months (and the month before),
 * the first answer the months firstAnswerPeriods keeps. Every month is needed
 * only by the trend files, which take ten numbers per provider and month. So a
 * month keeps its whole figures in their own file in its cache entry
 * (patient.json) and a compact trend in its results; a build reads every month's
 * trend and the whole figures of the months it needs, and writes the same files
 * as if it had read every month whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstAnswerPeriods } from '../../src/lib/schema/site-data.ts';
import type { CacheEntry } from './month-cache.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import { mergePatientFigures, type MonthPatientFigures, type RttMonth } from './rtt-month.ts';
import { FEED_MONTHS } from './feeds.ts';
import { ABSENT, PATIENT_FILE, TREND_FIELDS, type MonthTrend, type TrendHistory, type TrendSeries, type TrendValue } from './month-trend.ts';

/** Every month's trend as one history (months in any order; each month once). */
export function mergeTrends(months: readonly { period: string; trend: MonthTrend }[]): TrendHistory {
	const sorted = [...months].sort((a, b) => a.period.localeCompare(b.period));
	const periods = sorted.map((m) => m.period);
	const twice = periods.find((p, i) => p === periods[i - 1]);
	if (twice) throw new Error(`The trend has month ${twice} twice`);
	const treatments: TrendHistory['treatments'] = new Map();
	sorted.forEach(({ trend }, i) => {
		for (const { treatment, name, providers, values } of trend) {
			let entry = treatments.get(treatment);
			if (!entry) treatments.set(treatment, (entry = { name, providers: new Map() }));
			for (let j = 0; j < providers.length; j++) {
				let series = entry.providers.get(providers[j]);
				if (!series) entry.providers.set(providers[j], (series = absentSeries(periods.length)));
				series.present[i] = true;
				for (let f = 0; f < TREND_FIELDS.length; f++) series.values[f][i] = values[f][j];
			}
		}
	});
	return { periods, treatments };
}

/** A provider's series before any month is filled in: every month absent. */
function absentSeries(months: number): TrendSeries {
	return { present: new Array<boolean>(months).fill(false), values: ABSENT.map((absent) => new Array<TrendValue>(months).fill(absent)) };
}

/**
 * The months whose whole figures the outputs read: the first answer's months, the latest two
 * (the "what changed" feed), and each of `feedProviders`' last FEED_MONTHS + 1 months with
 * figures for a treatment (a provider that skipped months reaches further back).
 */
export function monthsNeeded(trends: TrendHistory, feedProviders: ReadonlySet<string>, periods: readonly string[]): Set<string> {
	const needed = new Set([...firstAnswerPeriods(periods), ...[...periods].sort().slice(-2)]);
	for (const { providers } of trends.treatments.values()) {
		for (const [provider, { present }] of providers) {
			if (!feedProviders.has(provider)) continue;
			for (let i = present.length - 1, left = FEED_MONTHS + 1; i >= 0 && left > 0; i--) {
				if (!present[i]) continue;
				needed.add(trends.periods[i]);
				left--;
			}
		}
	}
	return needed;
}

/**
 * The patient figures of the `needed` months, whole, read from their entries; every treatment
 * of any month is there, named as in its first month, so the files made from them are the
 * files every month's figures would make.
 */
export async function neededPatientFigures(entries: CacheEntry<RttMonth>[], trends: TrendHistory, needed: ReadonlySet<string>): Promise<PatientFigures> {
	const read = entries.filter((e) => needed.has(e.result.period));
	const months = await Promise.all(
		read.map(async (e) => ({ period: e.result.period, patient: JSON.parse(await readFile(join(e.dir, PATIENT_FILE), 'utf8')) as MonthPatientFigures }))
	);
	const patient = mergePatientFigures(months);
	for (const [treatment, { name }] of trends.treatments) {
		const entry = patient.get(treatment);
		if (entry) entry.name = name;
		else patient.set(treatment, { name, providers: new Map() });
	}
	return patient;
}

/** What the outputs read: every month's trend, and the whole figures of the months they need (see above). */
export async function outputFigures(entries: CacheEntry<RttMonth>[], periods: readonly string[], latestProviders: readonly { code: string }[]): Promise<{ patient: PatientFigures; trends: TrendHistory }> {
	const trends = mergeTrends(entries.map((e) => e.result));
	// The feeds are written for the latest month's providers (outputs.ts, buildProviders).
	const feedProviders = new Set(latestProviders.map((p) => p.code));
	return { patient: await neededPatientFigures(entries, trends, monthsNeeded(trends, feedProviders, periods)), trends };
}
