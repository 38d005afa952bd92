import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerRecord, waitFigures } from '../../src/lib/schema/test-fixtures.ts';
import { changesFeed, FEED_MONTHS, providerFeeds } from './feeds.ts';
import type { CacheEntry } from './month-cache.ts';
import { monthsNeeded, mergeTrends, outputFigures } from './month-patient.ts';
import { monthTrend, TREND_FIELDS, writeMonthPatient } from './month-trend.ts';
import { treatmentTrendFiles, treatmentWaitFiles } from './patient-files.ts';
import { splitTrendFiles } from './trend-parts.ts';
import { rowWiseTrendFiles } from './trend-history.fixture.ts';
import { mergePatientFigures, type MonthPatientFigures, type RttMonth } from './rtt-month.ts';

/** 24 months, 2024-05 … 2026-04. */
const PERIODS = Array.from({ length: 24 }, (_, i) => {
	const m = 4 + i; // months since 2024-01, zero-based
	return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

/**
 * Who reports what, and when: AAA every month; BBB skips most of the last year for
 * C_130 (its feed reaches back past the last 14 months); CCC closed a year ago (not in the
 * latest month, so no feed); C_502 was reported only in the first months; C_110 was renamed.
 */
function monthPatient(period: string, i: number): MonthPatientFigures {
	const figures = (n: number) => waitFigures({ period, pathways: 1000 + 37 * n + 11 * i, median: n % 3 === 0 ? null : 5 + ((n + i) % 17) / 3, medianOver104: n % 7 === 0, referrals: 40 + i });
	const treatments: MonthPatientFigures = [
		{ treatment: 'C_999', name: 'Total', providers: [['AAA', figures(1)], ...(i % 2 ? [['BBB', figures(2)] as [string, ReturnType<typeof figures>]] : []), ...(i < 12 ? [['CCC', figures(3)] as [string, ReturnType<typeof figures>]] : [])] },
		{ treatment: 'C_110', name: i < 5 ? 'Trauma and Orthopaedic Service' : 'Trauma & Orthopaedics', providers: [['AAA', figures(4)]] }
	];
	if (i < 6 || i === 23 || i === 2) treatments.push({ treatment: 'C_130', name: 'Ophthalmology', providers: [['BBB', figures(5)]] });
	if (i < 3) treatments.push({ treatment: 'C_502', name: 'Gynaecology', providers: [['CCC', figures(6)]] });
	return treatments;
}

async function cachedMonths(): Promise<{ entries: CacheEntry<RttMonth>[]; wholes: { period: string; patient: MonthPatientFigures }[] }> {
	const root = mkdtempSync(join(tmpdir(), 'month-patient-'));
	const entries: CacheEntry<RttMonth>[] = [];
	const wholes = PERIODS.map((period, i) => ({ period, patient: monthPatient(period, i) }));
	for (const { period, patient } of wholes) {
		const dir = join(root, period);
		mkdirSync(dir);
		await writeMonthPatient(dir, patient);
		// Through JSON, as the cache keeps a month's results.
		const result = JSON.parse(JSON.stringify({ period, trend: monthTrend(patient) })) as RttMonth;
		entries.push({ dir, result, files: [] });
	}
	return { entries, wholes };
}

describe('patient figures of the months the outputs need', () => {
	const providers = ['AAA', 'BBB'].map((code) => providerRecord(code, [53.8, -1.55]));

	it('make the files every month read whole makes: first answer, trends, feeds', async () => {
		const { entries, wholes } = await cachedMonths();
		const everything = mergePatientFigures(JSON.parse(JSON.stringify(wholes)));
		const { patient, trends } = await outputFigures(entries, PERIODS, [{ code: 'AAA' }, { code: 'BBB' }]);
		const splits = splitTrendFiles(treatmentTrendFiles(trends, PERIODS), (code) => (code === 'AAA' ? [53.8, -1.55] : null));
		const files = (p: typeof patient) => ({
			waits: treatmentWaitFiles(p, PERIODS, splits),
			feeds: providerFeeds(p, providers).sort((a, b) => a.path.localeCompare(b.path)),
			changes: changesFeed(p, providers, PERIODS)
		});
		const expected = files(everything);
		expect(files(patient)).toEqual(expected);
		// The trend files as JSON, byte for byte: the column-wise history against the row-wise reference.
		expect(JSON.stringify(treatmentTrendFiles(trends, PERIODS))).toBe(JSON.stringify(rowWiseTrendFiles(everything, PERIODS)));
		// The cases above are really there: a renamed treatment, one only in old months, a feed reaching back.
		expect(expected.waits.map((w) => [w.treatment, w.treatmentName])).toContainEqual(['C_110', 'Trauma and Orthopaedic Service']);
		expect(expected.waits.find((w) => w.treatment === 'C_502')!.rows).toEqual([]);
		expect(expected.feeds.find((f) => f.path === 'feeds/provider/BBB/C_130.xml')!.xml).toContain('May 2024');
	});

	it('reads whole only the first answer, the latest two and each feed provider\'s last months', async () => {
		const { entries } = await cachedMonths();
		const needed = monthsNeeded(mergeTrends(entries.map((e) => e.result)), new Set(['AAA', 'BBB']), PERIODS);
		const lastFeedMonths = PERIODS.slice(-(FEED_MONTHS + 1));
		// BBB's C_130 (months 0–5 and 23) and its C_999 (odd months only) reach back past the last 14 months.
		expect([...needed].sort()).toEqual(PERIODS.filter((p, i) => i <= 5 || i % 2 === 1 || lastFeedMonths.includes(p)));
		// CCC (closed, no feed) pulls in none of its old months on its own.
		expect(monthsNeeded(mergeTrends(entries.map((e) => e.result)), new Set(['AAA']), PERIODS)).toEqual(new Set(lastFeedMonths));
	});

	it('keeps the trend figures exactly through the month results, column by column', async () => {
		const { entries, wholes } = await cachedMonths();
		const trends = mergeTrends(entries.map((e) => e.result));
		expect(trends.periods).toEqual(PERIODS);
		const everything = mergePatientFigures(wholes);
		for (const [treatment, { providers: rows }] of everything) {
			for (const [provider, months] of rows) {
				const kept = trends.treatments.get(treatment)!.providers.get(provider)!;
				const index = months.map((m) => PERIODS.indexOf(m.period));
				expect(kept.present.flatMap((here, i) => (here ? [PERIODS[i]] : []))).toEqual(months.map((m) => m.period));
				for (const [f, field] of TREND_FIELDS.entries()) {
					expect(index.map((i) => kept.values[f][i]), field).toEqual(months.map((m) => m[field] ?? null));
				}
			}
		}
	});

	it('refuses a month twice', () => {
		const month = { period: '2026-04', trend: monthTrend([]) };
		expect(() => mergeTrends([month, month])).toThrow(/2026-04 twice/);
	});
});
