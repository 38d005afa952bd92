import { describe, expect, it } from 'vitest';
import type { AeTrendFile, TreatmentTrendFile } from '../schema/site-data.ts';
import { aeTrendSentence, aeTrendSeries, providerTrendGeometry, providerTrendSeries, trendMonthWords } from './provider-trend.ts';

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

describe('aeTrendSeries', () => {
	const file: AeTrendFile = { code: 'RA1', name: 'Trust A', months: [['2025-12', 1000, 760], ['2026-02', 200, 100]] };
	const series = aeTrendSeries(file, ['2026-02', '2026-01', '2025-12']);
	it('every A&E month built, oldest first, a gap where the provider had no figure', () => {
		expect(series.map((m) => [m.period, m.successes, m.trials])).toEqual([['2025-12', 760, 1000], ['2026-01', null, null], ['2026-02', 100, 200]]);
	});
	it('seen within 4 hours as a percentage with its Wilson 95% range (100 of 200: 43.1% to 56.9%, worked by hand)', () => {
		expect(series[2].pct).toBe(50);
		expect(series[2].low).toBeCloseTo(43.14, 2);
		expect(series[2].high).toBeCloseTo(56.86, 2);
	});
	it('a month of the file the site did not build is not shown', () => expect(aeTrendSeries(file, ['2026-02']).map((m) => m.period)).toEqual(['2026-02']));
});

describe('aeTrendSentence', () => {
	const file = (months: AeTrendFile['months']): AeTrendFile => ({ code: 'RA1', name: 'Trust A', months });
	const periods = ['2025-01', '2025-02', '2026-01', '2026-02'];
	const say = (months: AeTrendFile['months']) => aeTrendSentence(aeTrendSeries(file(months), periods));
	it.each([
		// 760 of 1,000 (73.3% to 78.5%) against 700 of 1,000 (67.1% to 72.8%): the ranges do not overlap.
		['the same month a year before, beyond chance', [['2025-02', 1000, 700], ['2026-01', 1000, 760], ['2026-02', 1000, 760]], 'More people were seen within 4 hours in February 2026 (76.0%) than in February 2025 (70.0%), a change beyond what chance would explain.'],
		['lower, beyond chance', [['2025-02', 1000, 760], ['2026-02', 1000, 700]], 'Fewer people were seen within 4 hours in February 2026 (70.0%) than in February 2025 (76.0%), a change beyond what chance would explain.'],
		// 72 of 100 (62.5% to 79.9%) against 70 of 100 (60.4% to 78.1%): the ranges overlap.
		['overlapping ranges: about the same', [['2025-02', 100, 70], ['2026-02', 100, 72]], 'In February 2026, 72.0% were seen within 4 hours: about the same as in February 2025 (70.0%), allowing for chance.'],
		['no year-earlier month: the month before', [['2026-01', 100, 70], ['2026-02', 100, 72]], 'In February 2026, 72.0% were seen within 4 hours: about the same as in January 2026 (70.0%), allowing for chance.'],
		['one month only', [['2026-02', 100, 72]], 'There is no earlier month of A&E figures to compare with yet.'],
		['a gap where the earlier months would be', [['2025-01', 100, 70], ['2026-02', 100, 72]], 'There is no earlier month of A&E figures to compare with yet.']
	] as [string, AeTrendFile['months'], string][])('%s', (_, months, words) => expect(say(months)).toBe(words));
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
