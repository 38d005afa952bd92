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
import { PATIENT_FILE, trendFigures, type TrendFiguresMap } from './month-trend.ts';

/** Every month's trend as one map, months oldest first; a treatment's name is the first month's (as mergePatientFigures). */
export function mergeTrends(months: Pick<RttMonth, 'period' | 'trend'>[]): TrendFiguresMap {
	const merged: TrendFiguresMap = new Map();
	for (const { period, trend } of [...months].sort((a, b) => a.period.localeCompare(b.period))) {
		for (const { treatment, name, providers } of trend) {
			const entry = merged.get(treatment) ?? { name, providers: new Map() };
			merged.set(treatment, entry);
			for (const [provider, values] of providers) {
				const list = entry.providers.get(provider);
				if (list) list.push(trendFigures(period, values));
				else entry.providers.set(provider, [trendFigures(period, values)]);
			}
		}
	}
	return merged;
}

/**
 * The months whose whole figures the outputs read: the first answer's months, the latest two
 * (the "what changed" feed), and each of `feedProviders`' last FEED_MONTHS + 1 months with
 * figures for a treatment (a provider that skipped months reaches further back).
 */
export function monthsNeeded(trends: TrendFiguresMap, feedProviders: ReadonlySet<string>, periods: readonly string[]): Set<string> {
	const needed = new Set([...firstAnswerPeriods(periods), ...[...periods].sort().slice(-2)]);
	for (const { providers } of trends.values()) {
		for (const [provider, months] of providers) {
			if (!feedProviders.has(provider)) continue;
			for (const m of months.slice(-(FEED_MONTHS + 1))) needed.add(m.period);
		}
	}
	return needed;
}

/**
 * The patient figures of the `needed` months, whole, read from their entries; every treatment
 * of any month is there, named as in its first month, so the files made from them are the
 * files every month's figures would make.
 */
export async function neededPatientFigures(entries: CacheEntry<RttMonth>[], trends: TrendFiguresMap, needed: ReadonlySet<string>): Promise<PatientFigures> {
	const read = entries.filter((e) => needed.has(e.result.period));
	const months = await Promise.all(
		read.map(async (e) => ({ period: e.result.period, patient: JSON.parse(await readFile(join(e.dir, PATIENT_FILE), 'utf8')) as MonthPatientFigures }))
	);
	const patient = mergePatientFigures(months);
	for (const [treatment, { name }] of trends) {
		const entry = patient.get(treatment);
		if (entry) entry.name = name;
		else patient.set(treatment, { name, providers: new Map() });
	}
	return patient;
}

/** What the outputs read: every month's trend, and the whole figures of the months they need (see above). */
export async function outputFigures(entries: CacheEntry<RttMonth>[], periods: readonly string[]): Promise<{ patient: PatientFigures; trends: TrendFiguresMap }> {
	const trends = mergeTrends(entries.map((e) => e.result));
	const latest = [...periods].sort().at(-1);
	// The feeds are written for the latest month's providers (outputs.ts, buildProviders).
	const feedProviders = new Set(entries.find((e) => e.result.period === latest)?.result.providers.map((p) => p.code) ?? []);
	return { patient: await neededPatientFigures(entries, trends, monthsNeeded(trends, feedProviders, periods)), trends };
}
