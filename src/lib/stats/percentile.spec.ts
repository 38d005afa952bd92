import { describe, expect, it } from 'vitest';
import { bandsFromCounts, emptyBands } from './bands.ts';
import { percentileOrder, waitAtPosition, waitPercentile, type WaitPercentile } from './percentile.ts';

const weeks = (w: number): WaitPercentile => ({ kind: 'weeks', weeks: w });
const over104: WaitPercentile = { kind: 'over104' };
const none: WaitPercentile = { kind: 'none' };

describe('waitPercentile, worked by hand', () => {
	// [what, bands, q, expected]; working: N, T = qN, band k, k + (T − C_{k−1}) / b_k
	const cases: [string, number[], number, WaitPercentile][] = [
		['empty list', emptyBands(), 0.5, none],
		['one patient in band 3: T = 0.5 → 3 + 0.5/1', bandsFromCounts({ 3: 1 }), 0.5, weeks(3.5)],
		['one patient, 95th: T = 0.95 → 3.95', bandsFromCounts({ 3: 1 }), 0.95, weeks(3.95)],
		['q = 0 is the bottom of the first non-empty band', bandsFromCounts({ 3: 1, 9: 4 }), 0, weeks(3)],
		['q = 1 is the top of the last non-empty band', bandsFromCounts({ 3: 1, 9: 4 }), 1, weeks(10)],
		['all 10 in band 0, median: T = 5 → 0 + 5/10', bandsFromCounts({ 0: 10 }), 0.5, weeks(0.5)],
		['all 10 in band 0, 92nd: T = 9.2 → 0.92', bandsFromCounts({ 0: 10 }), 0.92, weeks(0.92)],
		['all in the top band', bandsFromCounts({ 104: 7 }), 0.5, over104],
		['all in the top band, q = 0', bandsFromCounts({ 104: 7 }), 0, over104],
		// T = 5 = C_0: the top of band 0 (1 week), not the bottom of band 2.
		['target exactly on a band edge, gap after', bandsFromCounts({ 0: 5, 2: 5 }), 0.5, weeks(1)],
		['target on an edge between adjacent bands', bandsFromCounts({ 4: 2, 5: 2 }), 0.5, weeks(5)],
		// 0.92 × 25 = 23.000000000000004 in floating point; the edge is 23 = C_0.
		['92nd on an edge despite floating point', bandsFromCounts({ 0: 23, 5: 2 }), 0.92, weeks(1)],
		['empty bands are skipped: T = 6 → 7 + (6 − 4)/4', bandsFromCounts({ 2: 4, 7: 4 }), 0.75, weeks(7.5)],
		['edge at 104 weeks stays a number', bandsFromCounts({ 103: 1, 104: 1 }), 0.5, weeks(104)],
		['just past 104 weeks is over104', bandsFromCounts({ 103: 1, 104: 1 }), 0.51, over104],
		// N = 40, T = 20; C_9 = 12, b_10 = 16 → 10 + 8/16.
		['typical list', bandsFromCounts({ 2: 4, 9: 8, 10: 16, 30: 12 }), 0.5, weeks(10.5)]
	];
	for (const [name, bands, q, expected] of cases) {
		it(name, () => {
			const got = waitPercentile(bands, q);
			if (expected.kind === 'weeks' && got.kind === 'weeks') expect(got.weeks).toBeCloseTo(expected.weeks, 12);
			else expect(got).toEqual(expected);
		});
	}
});

describe('waitPercentile rejects nonsense', () => {
	const bad: [string, () => unknown][] = [
		['q below 0', () => waitPercentile(bandsFromCounts({ 0: 1 }), -0.1)],
		['q above 1', () => waitPercentile(bandsFromCounts({ 0: 1 }), 1.1)],
		['q not a number', () => waitPercentile(bandsFromCounts({ 0: 1 }), Number.NaN)],
		['wrong length', () => waitPercentile([1, 2, 3], 0.5)],
		['position past N', () => waitAtPosition(bandsFromCounts({ 0: 1 }), 2)]
	];
	for (const [name, run] of bad) it(name, () => expect(run).toThrow(RangeError));
});

describe('waitAtPosition', () => {
	// The j-th of b_k waits in band k sits at k + j/b_k.
	const bands = bandsFromCounts({ 2: 4, 5: 2 });
	const cases: [number, WaitPercentile][] = [[0, weeks(2)], [1, weeks(2.25)], [4, weeks(3)], [5, weeks(5.5)], [6, weeks(6)]];
	for (const [position, expected] of cases) {
		it(`position ${position}`, () => expect(waitAtPosition(bands, position)).toEqual(expected));
	}
});

describe('percentileOrder', () => {
	const cases: [WaitPercentile, number | null][] = [[weeks(3), 3], [over104, Infinity], [none, null]];
	for (const [value, expected] of cases) it(value.kind, () => expect(percentileOrder(value)).toBe(expected));
});
