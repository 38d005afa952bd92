import { describe, expect, it } from 'vitest';
import { workedExample } from './worked-example.ts';

describe('the worked example on /about/methods', () => {
	const { rows, summary } = workedExample();
	it('has the cumulative counts the page shows', () => {
		expect(rows.map((r) => r.cumulative)).toEqual([4, 10, 20, 28, 34, 38, 40]);
	});
	it('gives the figures worked by hand on the page', () => {
		// N = 40, median target 20: band 2–3 weeks ends exactly at 20 → 2 + (20 − 10) / 10 = 3.0 weeks.
		expect(summary.median).toEqual({ kind: 'weeks', weeks: 3 });
		// 92nd: target 36.8, in band 20–21 (cumulative before 34, count 4) → 20 + 2.8 / 4 = 20.7 weeks.
		expect(summary.p92.kind).toBe('weeks');
		expect((summary.p92 as { weeks: number }).weeks).toBeCloseTo(20.7, 10);
		// Within 18 weeks: 34 of 40 = 85%.
		expect(summary.pctWithin18).toBeCloseTo(85, 10);
		expect(summary.unknownClockStart).toBe(1);
		expect(summary.over52).toBe(2);
	});
});
