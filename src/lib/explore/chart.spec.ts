import { describe, expect, it } from 'vitest';
import { chartGeometry, defaultChart, numericColumns } from './chart';

const rows = [
	{ period: '2026-02', median: 14.2, name: 'A' },
	{ period: '2026-03', median: 15, name: 'B' },
	{ period: '2026-04', median: null, name: 'C' }
];

describe('chartGeometry', () => {
	it('draws bars from zero with labels, leaving out missing values', () => {
		const g = chartGeometry('bar', rows, 'name', 'median', 400, 300);
		expect(g.problem).toBeNull();
		expect(g.bars).toHaveLength(2);
		expect(g.bars[0].label).toBe('A');
		expect(g.bars[1].height).toBeGreaterThan(g.bars[0].height);
		expect(g.bars[0].y + g.bars[0].height).toBeCloseTo(300 - g.margin.top - g.margin.bottom);
		expect(g.notes[0]).toContain('1 rows with a missing value');
	});
	it('handles negative bars', () => {
		const g = chartGeometry('bar', [{ k: 'a', v: -2 }, { k: 'b', v: 4 }], 'k', 'v');
		expect(g.bars.every((b) => b.height > 0)).toBe(true);
		expect(g.yTicks.some((t) => t.label === '0')).toBe(true);
	});
	it('draws a line over categories in order', () => {
		const g = chartGeometry('line', rows, 'period', 'median');
		expect(g.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
		expect(g.xTicks.map((t) => t.label)).toEqual(['2026-02', '2026-03']);
	});
	it('refuses a scatter without numbers on x', () => {
		expect(chartGeometry('scatter', rows, 'name', 'median').problem).toContain('needs numbers on both axes');
	});
	it('scatters numbers', () => {
		const g = chartGeometry('scatter', [{ a: 1, b: 2 }, { a: 3, b: 5 }], 'a', 'b');
		expect(g.points).toHaveLength(2);
		expect(g.points[1].x).toBeGreaterThan(g.points[0].x);
		expect(g.points[1].y).toBeLessThan(g.points[0].y);
	});
	it('bins a histogram', () => {
		const data = Array.from({ length: 100 }, (_, i) => ({ v: i }));
		const g = chartGeometry('histogram', data, 'v', '');
		expect(g.bars.reduce((s, b) => s + b.value, 0)).toBe(100);
		expect(g.yLabel).toBe('Rows');
	});
	it('says why there is nothing to draw', () => {
		expect(chartGeometry('bar', [], 'a', 'b').problem).toBe('The result has no rows to draw.');
		expect(chartGeometry('histogram', [{ a: 'x' }], 'a', '').problem).toContain('no numbers');
	});
	it('limits bars', () => {
		const many = Array.from({ length: 100 }, (_, i) => ({ k: `k${i}`, v: i }));
		expect(chartGeometry('bar', many, 'k', 'v').bars).toHaveLength(60);
	});
});

describe('choosing columns', () => {
	it('finds numeric columns and a default chart', () => {
		expect(numericColumns(['period', 'median', 'name'], rows)).toEqual(['median']);
		expect(defaultChart(['period', 'median', 'name'], rows)).toEqual({ kind: 'line', x: 'period', y: 'median' });
		expect(defaultChart(['name', 'median'], rows)).toEqual({ kind: 'bar', x: 'name', y: 'median' });
		expect(defaultChart(['name'], rows)).toBeNull();
	});
});
