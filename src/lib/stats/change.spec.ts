import { describe, expect, it } from 'vitest';
import { bandsFromCounts } from './bands.ts';
import { compareMedians, comparePctWithin18, compareProportions, compareWaits, periodMonthsBefore } from './change.ts';
import { summariseWaits } from './wait-summary.ts';

// Lists built so the answer is plain: n patients all in one band, median k + 0.5.
// With n = 1000 the median's range is ranks 469–532: k + 0.469 to k + 0.532.
const list = (band: number, n = 1000) => summariseWaits(bandsFromCounts({ [band]: n }));

describe('compareMedians', () => {
	const cases: [string, ReturnType<typeof list>, ReturnType<typeof list>, string, boolean][] = [
		['clearly longer: 5.5 → 10.5 weeks', list(5), list(10), 'longer', true],
		['clearly shorter: 10.5 → 5.5 weeks', list(10), list(5), 'shorter', true],
		['next band up is beyond noise for 1000 patients', list(5), list(6), 'longer', true],
		['same list', list(5), list(5), 'about the same', false],
		['too few before', list(5, 10), list(10), 'unknown', false],
		['both more than 104 weeks', summariseWaits(bandsFromCounts({ 104: 100 })), summariseWaits(bandsFromCounts({ 104: 200 })), 'about the same', false]
	];
	for (const [name, before, after, direction, beyondNoise] of cases) {
		it(name, () => expect(compareMedians(before, after)).toMatchObject({ direction, beyondNoise }));
	}
	it('small lists whose ranges overlap are about the same', () => {
		// 30 patients: median 6 → 7 weeks, but each range spans several weeks.
		const before = summariseWaits(bandsFromCounts({ 5: 15, 9: 15 }));
		const after = summariseWaits(bandsFromCounts({ 6: 15, 9: 15 }));
		expect(compareMedians(before, after).direction).toBe('about the same');
	});
	it('into the top band is longer', () => {
		const before = summariseWaits(bandsFromCounts({ 10: 900, 104: 100 }));
		const after = summariseWaits(bandsFromCounts({ 10: 100, 104: 900 }));
		expect(compareMedians(before, after)).toMatchObject({ direction: 'longer', after: Infinity });
	});
});

describe('comparePctWithin18', () => {
	const pct = (within: number, n: number) => summariseWaits(bandsFromCounts({ 3: within, 40: n - within }));
	const cases: [string, number, number, number, number, string][] = [
		// Wilson 95%: 700/1000 → 67.1–72.8%; 800/1000 → 77.4–82.4%: apart.
		['70% → 80% of 1000 is shorter', 700, 1000, 800, 1000, 'shorter'],
		['80% → 70% of 1000 is longer', 800, 1000, 700, 1000, 'longer'],
		// 70% → 80% of 30: 52.1–83.3% and 62.7–90.5% overlap.
		['70% → 80% of 30 is about the same', 21, 30, 24, 30, 'about the same'],
		['too few', 5, 10, 9, 10, 'unknown']
	];
	for (const [name, x1, n1, x2, n2, direction] of cases) {
		it(name, () => expect(comparePctWithin18(pct(x1, n1), pct(x2, n2)).direction).toBe(direction));
	}
});

describe('compareProportions', () => {
	const cases: [string, [number, number], [number, number], string, boolean][] = [
		// The same Wilson ranges as above: 67.1–72.8% and 77.4–82.4% do not touch.
		['700/1000 → 800/1000 is higher', [700, 1000], [800, 1000], 'higher', true],
		['800/1000 → 700/1000 is lower', [800, 1000], [700, 1000], 'lower', true],
		// 52.1–83.3% and 62.7–90.5% overlap.
		['21/30 → 24/30 is about the same', [21, 30], [24, 30], 'about the same', false],
		// Large lists: 74% and 75% of 100,000 have ranges 73.7–74.3% and 74.7–75.3%.
		['74,000/100,000 → 75,000/100,000 is higher', [74000, 100000], [75000, 100000], 'higher', true],
		['no cases before', [0, 0], [5, 10], 'unknown', false]
	];
	for (const [name, [x1, n1], [x2, n2], direction, beyondNoise] of cases) {
		it(name, () => expect(compareProportions({ successes: x1, trials: n1 }, { successes: x2, trials: n2 })).toMatchObject({ direction, beyondNoise }));
	}
	it('gives both percentages', () => expect(compareProportions({ successes: 1, trials: 4 }, { successes: 3, trials: 4 })).toMatchObject({ before: 25, after: 75 }));
});

describe('compareWaits overall', () => {
	it('one measure moved, the other did not → that direction', () => {
		// Median 5.5 → 2.5 weeks; % within 18 stays 100%.
		const change = compareWaits('2026-03', list(5), list(2));
		expect([change.median.direction, change.pctWithin18.direction]).toEqual(['shorter', 'about the same']);
		expect(change).toMatchObject({ since: '2026-03', overall: 'shorter' });
	});
	it('nothing moved → about the same', () => expect(compareWaits('2026-03', list(5), list(5)).overall).toBe('about the same'));
	it('both moved the same way', () => {
		// Median 5.5 → 30.5 weeks and % within 18 100% → 0%.
		expect(compareWaits('2026-03', list(5), list(30)).overall).toBe('longer');
	});
	it('opposite ways → about the same', () => {
		// Before: 300 in band 2, 400 in band 10, 300 in band 40: median T = 500 → 10 + 200/400 = 10.5; 70% within 18.
		// After: 800 in band 15, 200 in band 40: median 15 + 500/800 = 15.6 (longer); 80% within 18 (shorter).
		const before = summariseWaits(bandsFromCounts({ 2: 300, 10: 400, 40: 300 }));
		const after = summariseWaits(bandsFromCounts({ 15: 800, 40: 200 }));
		const change = compareWaits('2026-03', before, after);
		expect([change.median.direction, change.pctWithin18.direction, change.overall]).toEqual(['longer', 'shorter', 'about the same']);
	});
	it('too few → unknown', () => expect(compareWaits('2026-03', list(5, 10), list(5)).overall).toBe('unknown'));
});

describe('periodMonthsBefore', () => {
	const cases: [string, number, string][] = [
		['2026-04', 1, '2026-03'],
		['2026-01', 1, '2025-12'],
		['2026-04', 12, '2025-04'],
		['2026-03', 0, '2026-03']
	];
	for (const [period, months, expected] of cases) it(`${period} − ${months}`, () => expect(periodMonthsBefore(period, months)).toBe(expected));
	it('rejects other text', () => expect(() => periodMonthsBefore('April 2026', 1)).toThrow(RangeError));
});
