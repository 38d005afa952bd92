import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { TrendFigures } from '../schema/site-data.ts';
import { drawnMedian, medianWords, shortMonth, waitTrendGeometry } from './wait-trend.ts';
import WaitTrend from './WaitTrend.svelte';

const month = (period: string, median: number | null, over: Partial<TrendFigures> = {}): TrendFigures => ({
	period,
	pathways: 1000,
	unknownClockStart: 10,
	median,
	medianLow: median === null ? null : median - 1,
	medianHigh: median === null ? null : median + 1,
	medianOver104: false,
	pctWithin18: 60,
	within18: 600,
	over52: 5,
	tooFew: false,
	...over
});
const periods = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const months = [month('2025-11', 14), month('2025-12', null, { tooFew: true }), month('2026-01', 13), month('2026-03', 12.5), month('2026-04', 11)];
const options = { width: 320, height: 140, name: 'Hospital A' };

describe('waitTrendGeometry', () => {
	const g = waitTrendGeometry(periods, months, options);
	it('matches the snapshot', () => expect(g).toMatchSnapshot());
	it('breaks the line and the range at a month too few to say and a month not reported', () => {
		expect(g.linePaths).toHaveLength(3);
		expect(g.rangePaths).toHaveLength(3);
		expect(g.points.map((p) => p.label)).toEqual(['2025-11', '2026-01', '2026-03', '2026-04']);
	});
	it('weeks start at 0; the range lies inside the plot', () => {
		expect(g.yTicks[0].label).toBe('0');
		for (const d of g.rangePaths) for (const [, y] of d.matchAll(/,([\d.]+)/g)) expect(Number(y)).toBeLessThanOrEqual(g.plot.bottom);
	});
	it('describes the chart in words', () =>
		expect(g.description).toBe('Middle wait in weeks at Hospital A, November 2025 to April 2026: from 14.0 weeks to 11.0 weeks. The shaded band is the 95% range.'));
	it('no month to draw', () => expect(waitTrendGeometry(['2026-04'], [month('2026-04', null, { tooFew: true })], options).description).toBe('Middle wait at Hospital A: no month with a figure to draw.'));
	it('60 months: one dot (the last), four labels or five, none overlapping', () => {
		const long = Array.from({ length: 60 }, (_, i) => `${2021 + Math.floor((i + 4) / 12)}-${String(((i + 4) % 12) + 1).padStart(2, '0')}`);
		const big = waitTrendGeometry(long, long.map((p, i) => month(p, 10 + (i % 12) / 2)), options);
		expect(big.points.map((p) => p.label)).toEqual(['2026-04']);
		expect(big.xLabels.length).toBeLessThanOrEqual(5);
		expect(big.xLabels.at(-1)!.label).toBe('Apr 2026');
		const gaps = big.xLabels.slice(1).map((l, i) => l.position - big.xLabels[i].position);
		expect(Math.min(...gaps)).toBeGreaterThan(50); // 'Apr 2026' at 11px is about 45px wide
	});
});

describe('month words', () => {
	const cases: [TrendFigures, string, number | null][] = [
		[month('2026-04', 12.25), '12.3 weeks', 12.25],
		[month('2026-04', null, { tooFew: true }), 'too few to say', null],
		[month('2026-04', null, { medianOver104: true }), 'more than 104 weeks', null]
	];
	it.each(cases)('%#', (m, words, drawn) => {
		expect(medianWords(m)).toBe(words);
		expect(drawnMedian(m)).toBe(drawn);
	});
	it('short month', () => expect(shortMonth('2026-04')).toBe('Apr 2026'));
});

describe('WaitTrend (Svelte)', () => {
	const { body } = render(WaitTrend, { props: { periods, months, name: '<b>A</b>', id: 'w1' } });
	it('draws the chart (snapshot of its SVG) and its table twin from the same months, names as text', () => {
		expect(body.match(/<svg[\s\S]*<\/svg>/)![0].replace(/ class="svelte-[a-z0-9]+"/g, '').replace(/svelte-[a-z0-9]+/g, '')).toMatchSnapshot();
		expect(body).not.toContain('<b>A</b>');
		expect(body.match(/<tr>/g)?.length).toBe(months.length + 1);
		expect(body).toContain('aria-labelledby="w1-desc"');
		expect(body).toContain('too few to say');
	});
	it('says the change beyond chance (14 → 11 weeks, ranges [13, 15] and [10, 12] apart)', () =>
		expect(body).toContain('The middle wait changed beyond what chance would explain: shorter in April 2026 (11.0 weeks) than in November 2025 (14.0 weeks).'));
});
