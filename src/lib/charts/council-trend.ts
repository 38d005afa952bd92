/**
 * Geometry for a council measure's small trend chart: the council's figure each year as a
 * solid line with points, England's as a dashed line. Pure, so the SVG can be snapshot-
 * tested and the same words serve the table twin and screen readers. A year without a
 * figure (suppressed or not published) breaks the line rather than being drawn as 0.
 */
import { scaleLinear } from 'd3';
import type { CouncilMeasure } from '../schema/council.ts';
import type { TrendPoint } from '../council/page-data.ts';
import { formatMeasureNumber } from '../council/format.ts';

export interface TrendOptions {
	width: number;
	height: number;
	councilName: string;
}

export interface TrendMark {
	year: string;
	x: number;
	y: number;
	description: string;
}

export interface TrendGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	/** One path per unbroken run of years. */
	councilPaths: string[];
	englandPaths: string[];
	points: TrendMark[];
	yTicks: { position: number; label: string }[];
	xLabels: { position: number; label: string }[];
	description: string;
}

// The right margin leaves room for half of the last year label ("2022-23"), centred on its point.
const MARGIN = { top: 10, right: 26, bottom: 24, left: 52 };
const round = (n: number) => Math.round(n * 10) / 10;

function paths(xs: number[], ys: (number | null)[]): string[] {
	const runs: string[] = [];
	let current = '';
	ys.forEach((y, i) => {
		if (y === null) {
			if (current) runs.push(current);
			current = '';
			return;
		}
		current += `${current ? 'L' : 'M'}${round(xs[i])},${round(y)}`;
	});
	if (current) runs.push(current);
	return runs;
}

export function trendGeometry(points: readonly TrendPoint[], measure: Pick<CouncilMeasure, 'unit' | 'decimals' | 'title'>, options: TrendOptions): TrendGeometry {
	const plot = { left: MARGIN.left, top: MARGIN.top, right: options.width - MARGIN.right, bottom: options.height - MARGIN.bottom };
	// A count's England figure is the national total: drawn beside one council it would flatten the line to nothing.
	const withEngland = measure.unit !== 'count';
	const values = points.flatMap((p) => [p.value, withEngland ? p.england : null]).filter((v): v is number => v !== null);
	const low = values.length ? Math.min(...values) : 0;
	const high = values.length ? Math.max(...values) : 1;
	// Percentages start at 0 so a small change does not look like a collapse; other units pad around the data.
	const floor = measure.unit === 'percent' ? 0 : Math.max(0, low - (high - low || Math.abs(high) || 1) * 0.2);
	const y = scaleLinear().domain([floor, high === floor ? floor + 1 : high]).nice(4).range([plot.bottom, plot.top]);
	const step = points.length > 1 ? (plot.right - plot.left) / (points.length - 1) : 0;
	const xs = points.map((_, i) => (points.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2));
	const tickMeasure = { unit: measure.unit, decimals: y.ticks(4).every(Number.isInteger) ? 0 : measure.decimals };
	const labelEvery = Math.max(1, Math.ceil(points.length / 5));
	const marks: TrendMark[] = points.flatMap((p, i) =>
		p.value === null ? [] : [{ year: p.year, x: round(xs[i]), y: round(y(p.value)), description: `${p.year}: ${formatMeasureNumber(p.value, measure)}${p.england !== null ? ` (England ${formatMeasureNumber(p.england, measure)})` : ''}` }]
	);
	const shown = points.filter((p) => p.value !== null);
	const description = shown.length === 0
		? `${measure.title}: no figures for ${options.councilName}.`
		: `${measure.title}, ${options.councilName}, ${shown[0].year} to ${shown.at(-1)!.year}: from ${formatMeasureNumber(shown[0].value, measure)} to ${formatMeasureNumber(shown.at(-1)!.value, measure)}.${withEngland ? ' England’s figure is the dashed line.' : ''}`;
	return {
		width: options.width,
		height: options.height,
		plot,
		councilPaths: paths(xs, points.map((p) => (p.value === null ? null : y(p.value)))),
		englandPaths: withEngland ? paths(xs, points.map((p) => (p.england === null ? null : y(p.england)))) : [],
		points: marks,
		yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: formatMeasureNumber(v, tickMeasure) })),
		xLabels: points.flatMap((p, i) => (i % labelEvery === 0 || i === points.length - 1 ? [{ position: round(xs[i]), label: p.year }] : [])),
		description
	};
}
