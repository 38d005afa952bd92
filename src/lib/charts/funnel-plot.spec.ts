import { describe, expect, it } from 'vitest';
import { contrastRatio as contrast } from '../../../tests/support/contrast.ts';
import { render } from 'svelte/server';
import { computeLeague, type LeagueUnit } from '../league/compute.ts';
import { BAND_STYLE, COLOURS, MAX_FUNNEL_LABELS, POINT_RADIUS, funnelGeometry, funnelSvg } from './funnel-plot.ts';
import { caterpillarGeometry, caterpillarSvg } from './caterpillar.ts';
import FunnelPlot from './FunnelPlot.svelte';
import CaterpillarPlot from './CaterpillarPlot.svelte';

const UNITS: LeagueUnit[] = [
	{ code: 'AA1', name: 'Alder <Trust>', successes: 800, trials: 1000 },
	{ code: 'BB2', name: 'Birch', successes: 6900, trials: 10000 },
	{ code: 'CC3', name: 'Cedar', successes: 7050, trials: 10000 },
	{ code: 'DD4', name: 'Damson', successes: 60, trials: 100 },
	{ code: 'EE5', name: 'Elm', successes: 14, trials: 20 },
	{ code: 'FF6', name: 'Fir', successes: 35000, trials: 50000 }
];
const league = computeLeague(UNITS, { direction: 'higher-is-better', draws: 300, seed: 9 });
const options = { width: 640, height: 400, title: 'Test funnel', nLabel: 'Cases', valueLabel: 'Value', targetLabel: 'All' };

describe('funnelGeometry', () => {
	const g = funnelGeometry(league, options);
	it('matches the snapshot', () => expect(g).toMatchSnapshot());
	it('one point per unit, inside the plot', () => {
		expect(g.points.map((p) => p.code).sort()).toEqual(UNITS.map((u) => u.code).sort());
		for (const p of g.points) {
			expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
			expect(p.x).toBeLessThanOrEqual(g.plot.right);
			expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
			expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
		}
	});
	it('labels the units outside the limits, and only those', () => {
		for (const p of g.points) if (p.labelled) expect(p.outside).toBe(true);
		expect(g.points.find((p) => p.code === 'AA1')).toMatchObject({ outside: true, labelled: true, band: 'better-998' });
	});
	it('on crowded, over-dispersed data: a few flagged labels, none over a point or another label; the focus ringed and named', () => {
		// 400 units far apart (as RTT's φ of 100+), so plain limits flag most of them.
		const crowd: LeagueUnit[] = Array.from({ length: 400 }, (_, i) => {
			const trials = 2000 + ((i * 7919) % 90000);
			return { code: `U${String(i).padStart(3, '0')}`, name: `Unit ${i}`, successes: Math.round(trials * (0.45 + ((i * 37) % 40) / 100)), trials };
		});
		const exact = computeLeague(crowd, { direction: 'higher-is-better', mode: 'exact', draws: 50 });
		const crowded = funnelGeometry(exact, { ...options, focus: 'U123' });
		const labelled = crowded.points.filter((p) => p.labelled);
		expect(crowded.points.filter((p) => p.outside).length).toBeGreaterThan(300);
		expect(labelled.length).toBeGreaterThan(0);
		expect(labelled.length).toBeLessThanOrEqual(MAX_FUNNEL_LABELS);
		for (const p of labelled) {
			expect(p.outside).toBe(true);
			const w = p.code.length * 8.4;
			const [left, right] = p.labelAnchor === 'end' ? [p.labelX - w, p.labelX] : [p.labelX, p.labelX + w];
			const covered = crowded.points.filter((q) => q !== p && q.x + POINT_RADIUS > left && q.x - POINT_RADIUS < right && q.y + POINT_RADIUS > p.labelY - 12 && q.y - POINT_RADIUS < p.labelY + 2);
			expect(covered).toEqual([]);
		}
		expect(crowded.points.filter((p) => p.focus).map((p) => [p.code, p.labelled])).toEqual([['U123', false]]);
		expect(crowded.focusLabel?.text).toBe('Unit 123');
		expect(crowded.description).toMatch(/ Ringed: Unit 123\.$/);
		expect(funnelSvg(crowded)).toContain('font-weight="bold" fill="#0b0c0c" stroke="#ffffff" stroke-width="3" paint-order="stroke">Unit 123</text>');
	});
	it('describes each point and the whole chart in words', () => {
		expect(g.points.find((p) => p.code === 'AA1')!.description).toBe(
			'Alder <Trust> (AA1): 80.0% (95% interval 77.4% to 82.4%), 1,000 cases; better than expected (99.8% limit).'
		);
		expect(g.description).toMatch(/^Funnel plot of 6 units: cases across \(log scale\), value up\. Centre line: All 70\.\d%\./);
	});
	it('draws four limit curves and a centre line at the target', () => {
		for (const d of Object.values(g.limits)) expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
		expect(g.centre.label).toBe(`All ${(league.target * 100).toFixed(1)}%`);
	});
	it('a linear scale starts at zero', () => {
		const linear = funnelGeometry(league, { ...options, logX: false });
		expect(linear.xTicks[0]).toMatchObject({ value: 0, position: linear.plot.left });
		expect(linear.xLabel).toBe('Cases');
	});
	it('copes with an empty league', () => {
		const empty = funnelGeometry(computeLeague([], { direction: 'higher-is-better' }), options);
		expect(empty.points).toEqual([]);
		expect(empty.description).toBe('No units to show.');
	});
});

describe('standalone SVG', () => {
	const svg = funnelSvg(funnelGeometry(league, options));
	it('is one self-contained, escaped SVG document', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('Alder &lt;Trust&gt;');
		expect(svg).not.toContain('<Trust>');
		expect(svg).not.toMatch(/class=|<style|<script|href=/);
		expect(svg).toMatchSnapshot();
	});
	it('caterpillar SVG too', () => {
		const c = caterpillarSvg(caterpillarGeometry(league.rows, { width: 640, height: 260 }));
		expect(c).toContain('ranked 1 of 6');
		expect(c).toMatchSnapshot();
	});
});

describe('caterpillarGeometry', () => {
	const g = caterpillarGeometry(league.rows, { width: 640, height: 260 });
	it('one bar per unit in rank order, interval around the rank', () => {
		expect(g.bars.map((b) => b.code)).toEqual(league.rows.map((r) => r.code));
		for (const b of g.bars) {
			expect(b.yLow).toBeLessThanOrEqual(b.yRank);
			expect(b.yHigh).toBeGreaterThanOrEqual(b.yRank);
		}
		expect(g.description).toMatch(/^Caterpillar plot of 6 ranks with 95% intervals\./);
	});
});

describe('colours', () => {
	for (const [band, style] of Object.entries(BAND_STYLE)) {
		it(`${band} ${style.colour} ≥ 4.5:1 on white`, () => expect(contrast(style.colour, COLOURS.background)).toBeGreaterThanOrEqual(4.5));
	}
});

describe('Svelte components', () => {
	it('the funnel plot renders focusable, labelled points', () => {
		const { body } = render(FunnelPlot, { props: { league, ...options } });
		expect(body.match(/tabindex="0"/g)).toHaveLength(6);
		expect(body).toContain('aria-label="Alder &lt;Trust> (AA1): 80.0%');
		expect(body).toMatchSnapshot();
	});
	it('the caterpillar plot is one described image', () => {
		const { body } = render(CaterpillarPlot, { props: { rows: league.rows } });
		expect(body).toContain('role="img"');
		expect(body).toMatchSnapshot();
	});
});
