import { describe, expect, it } from 'vitest';
import type { TreatmentTrendFile } from '../schema/site-data.ts';
import { providerTrendGeometry, providerTrendSeries, trendMonthWords } from './provider-trend.ts';

const trend: TreatmentTrendFile = {
	treatment: 'C_999',
	periods: ['2026-01', '2025-12', '2026-02', '2026-03'].sort(),
	rows: [{
		provider: 'A',
		median: [10, 10, null, 10], medianLow: [9, 9, null, 9], medianHigh: [11, 11, null, 11],
		medianOver104: [false, false, false, false], tooFew: [false, false, false, true],
		pathways: [100, 400, null, 5], unknownClockStart: [0, 0, null, 0],
		pctWithin18: [50, 75, null, null], within18: [50, 300, null, 5], over52: [2, 4, null, 0]
	}]
};

describe('providerTrendSeries', () => {
	const series = providerTrendSeries('rtt18', trend, 'A')!;
	it('every month, a gap where the provider had no figure or too few to say', () => {
		expect(series.map((m) => [m.period, m.successes, m.trials])).toEqual([['2025-12', 50, 100], ['2026-01', 300, 400], ['2026-02', null, null], ['2026-03', null, null]]);
	});
	it('each month with its Wilson 95% range (50 of 100: 40.4% to 59.6%, worked by hand)', () => {
		expect(series[0].pct).toBe(50);
		expect(series[0].low).toBeCloseTo(40.38, 2);
		expect(series[0].high).toBeCloseTo(59.62, 2);
	});
	it('over 52 weeks counts the people over 52', () => expect(providerTrendSeries('over52', trend, 'A')![1]).toMatchObject({ successes: 4, trials: 400, pct: 1 }));
	it('a provider not in the file: null', () => expect(providerTrendSeries('rtt18', trend, 'Z')).toBeNull());
	it('words', () => {
		expect(trendMonthWords(series[1])).toBe('75.0% (300 of 400)');
		expect(trendMonthWords(series[2])).toBe('no figure');
	});
});

describe('providerTrendGeometry', () => {
	const g = providerTrendGeometry(providerTrendSeries('rtt18', trend, 'A')!, { width: 320, height: 140, what: 'Waiting under 18 weeks', name: 'Trust A' });
	it('matches the snapshot', () => expect(g).toMatchSnapshot());
	it('percent ticks from 0; one run for the two months with figures', () => {
		expect(g.yTicks[0].label).toBe('0%');
		expect(g.linePaths).toHaveLength(1);
		expect(g.rangePaths).toHaveLength(1);
	});
	it('describes itself', () => expect(g.description).toBe('Waiting under 18 weeks, Trust A, December 2025 to January 2026: from 50.0% to 75.0%. The shaded band is the 95% range.'));
});
