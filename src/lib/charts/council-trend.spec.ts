import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { TrendPoint } from '../council/page-data.ts';
import { councilFixture } from '../../../tests/support/council-fixture.ts';
import { trendGeometry } from './council-trend.ts';
import CouncilTrend from './CouncilTrend.svelte';

const percent = { unit: 'percent', decimals: 1, title: 'Household waste recycled' } as const;
const options = { width: 320, height: 150, councilName: 'Fixture Vale' };
const points: TrendPoint[] = [
	{ year: '2019-20', value: 40.2, suppressed: false, england: 44.1 },
	{ year: '2020-21', value: null, suppressed: true, england: 43.8 },
	{ year: '2021-22', value: 45.0, suppressed: false, england: 42.5 },
	{ year: '2022-23', value: 47.3, suppressed: false, england: 41.7 }
];

describe('trendGeometry', () => {
	const g = trendGeometry(points, percent, options);
	it('matches the snapshot', () => expect(g).toMatchSnapshot());
	it('breaks the line at a year without a figure instead of drawing it as 0', () => {
		expect(g.linePaths).toHaveLength(2);
		expect(g.referencePaths).toHaveLength(1);
		expect(g.points.map((p) => p.label)).toEqual(['2019-20', '2021-22', '2022-23']);
	});
	it('percentages start at 0; points lie inside the plot', () => {
		expect(g.yTicks[0].label).toBe('0%');
		for (const p of g.points) {
			expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
			expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
		}
	});
	it('describes the chart and each point in words, at the publisher’s decimals', () => {
		expect(g.description).toBe('Household waste recycled, Fixture Vale, 2019-20 to 2022-23: from 40.2% to 47.3%. England’s figure is the dashed line.');
		expect(g.points[2].description).toBe('2022-23: 47.3% (England 41.7%)');
	});
	const edge: [string, TrendPoint[], string][] = [
		['no figures', [{ year: '2025', value: null, suppressed: false, england: 20 }], 'Household waste recycled: no figures for Fixture Vale.'],
		['one year', [{ year: '2025', value: 20, suppressed: false, england: null }], 'Household waste recycled, Fixture Vale, 2025 to 2025: from 20.0% to 20.0%. England’s figure is the dashed line.']
	];
	for (const [name, input, words] of edge) it(name, () => expect(trendGeometry(input, percent, options).description).toBe(words));
	it('a count does not start at 0 and its ticks have no decimals', () => {
		const counts = trendGeometry([{ year: 'a', value: 5000, suppressed: false, england: 900_000 }, { year: 'b', value: 5400, suppressed: false, england: 950_000 }], { unit: 'count', decimals: 0, title: 'Incidents' }, options);
		expect(counts.yTicks[0].label).not.toBe('0');
		expect(counts.referencePaths).toEqual([]); // England's count is the national total, not drawn
		expect(counts.description).not.toContain('dashed');
		expect(counts.yTicks.every((t) => /^[\d,]+$/.test(t.label))).toBe(true);
	});
});

describe('CouncilTrend (Svelte)', () => {
	it('draws the chart and its table twin from the same points, names as text', () => {
		const measure = councilFixture().measures[0].measure;
		const { body } = render(CouncilTrend, { props: { points, measure, councilName: '<b>Vale</b>', id: 't1' } });
		expect(body).toContain('&lt;b>Vale&lt;/b>');
		expect(body).not.toContain('<b>Vale</b>');
		expect(body.match(/<tr>/g)?.length).toBe(points.length + 1);
		expect(body).toContain('Suppressed');
		expect(body).toContain('aria-labelledby="t1-desc"');
	});
});
