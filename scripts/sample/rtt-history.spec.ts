import { describe, expect, it } from 'vitest';
import { consecutiveMonths, historyFactors, listTrendLog, rttMonthIndex } from './rtt-history.ts';

describe('consecutiveMonths', () => {
	const cases: [string, number, string[]][] = [
		['2026-04', 1, ['2026-04']],
		['2026-04', 3, ['2026-02', '2026-03', '2026-04']],
		['2026-02', 4, ['2025-11', '2025-12', '2026-01', '2026-02']]
	];
	for (const [last, count, expected] of cases) {
		it(`${count} months to ${last}`, () => expect(consecutiveMonths(last, count)).toEqual(expected));
	}
	it('60 months to 2026-04 start in 2021-05, with no gap', () => {
		const months = consecutiveMonths('2026-04', 60);
		expect(months[0]).toBe('2021-05');
		months.slice(1).forEach((m, i) => expect(rttMonthIndex(m) - rttMonthIndex(months[i])).toBe(1));
	});
	for (const bad of [0, -1, 2.5, Number.NaN]) {
		it(`refuses ${bad} months`, () => expect(() => consecutiveMonths('2026-04', bad)).toThrow(/whole number/));
	}
});

describe('historyFactors', () => {
	it('is exactly 1 from 2026-02 on, so the default months never change', () => {
		for (const [period, index] of [['2026-02', 0], ['2026-03', 1], ['2026-04', 2]] as const) {
			expect(historyFactors(period, index, 0.01)).toEqual({ list: 1, activity: 1, wait: 1 });
		}
	});
	it('the national list rises to a peak about 20 months back, then eases to today', () => {
		const shape = Array.from({ length: 60 }, (_, i) => listTrendLog(i - 59));
		const peak = shape.indexOf(Math.max(...shape));
		expect(peak).toBeGreaterThan(30);
		expect(peak).toBeLessThan(50);
		expect(shape[0]).toBeLessThan(-0.25);
		expect(listTrendLog(-1)).toBeGreaterThan(0);
		expect(listTrendLog(-1)).toBeLessThan(0.01);
	});
	it('December has the least activity and the longest seasonal list', () => {
		const year = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];
		// Far from month 0 (no fade), no provider drift; the list's trend is removed by comparing with listTrendLog.
		const factors = year.map((p) => historyFactors(p, rttMonthIndex(p), 0));
		const activity = factors.map((f) => f.activity);
		expect(activity.indexOf(Math.min(...activity))).toBe(11);
		const season = factors.map((f, i) => Math.log(f.list) - listTrendLog(rttMonthIndex(year[i])));
		expect(season.indexOf(Math.max(...season))).toBe(11);
		expect(season[5]).toBeLessThan(0); // June
	});
	it('waits lengthen with the list', () => {
		const low = historyFactors('2021-06', rttMonthIndex('2021-06'), 0);
		const high = historyFactors('2024-06', rttMonthIndex('2024-06'), 0);
		expect(high.wait).toBeGreaterThan(low.wait);
		expect(high.list).toBeGreaterThan(low.list);
	});
});
