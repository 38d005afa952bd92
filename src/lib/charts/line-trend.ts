/**
 * The frame every small trend chart shares (council measures by year, waits by month): one
 * series as a solid line with points, an optional reference series (dashed) and an optional
 * shaded range (a 95% interval). Pure, so the SVG can be snapshot-tested. A period without a
 * figure breaks the line rather than being drawn as 0.
 */
import { scaleLinear } from 'd3';

export interface LinePoint {
	label: string;
	value: number | null;
	reference?: number | null;
	low?: number | null;
	high?: number | null;
	/** This point in words (screen readers, tooltips). */
	description: string;
}

export interface LineTrendOptions {
	width: number;
	height: number;
	/** Start the axis at 0 (percentages, weeks) or pad around the data (counts). */
	fromZero: boolean;
	/** A tick's label; `whole` is true when every tick is a whole number. */
	tickLabel: (value: number, whole: boolean) => string;
	/** Draw a dot at every point; with many periods only the last has one. */
	dots?: 'all' | 'last';
	/** Text of the x-axis label at a point (defaults to its label). */
	axisLabel?: (label: string) => string;
	/** At most this many x-axis labels, about evenly spaced (default 5). */
	maxLabels?: number;
}

export interface LineMark {
	label: string;
	x: number;
	y: number;
	description: string;
}

export interface LineTrendGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	/** One path per unbroken run of periods. */
	linePaths: string[];
	referencePaths: string[];
	/** Closed areas between low and high, one per unbroken run. */
	rangePaths: string[];
	points: LineMark[];
	yTicks: { position: number; label: string }[];
	xLabels: { position: number; label: string }[];
}

// The right margin leaves room for half of the last label ("2022-23"), centred on its point.
const MARGIN = { top: 10, right: 26, bottom: 24, left: 52 };
const round = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of each unbroken run of points. */
function runs(xs: number[], ys: (number | null)[]): { x: number; y: number }[][] {
	const found: { x: number; y: number }[][] = [];
	let current: { x: number; y: number }[] = [];
	ys.forEach((y, i) => {
		if (y === null) {
			if (current.length) found.push(current);
			current = [];
			return;
		}
		current.push({ x: round(xs[i]), y: round(y) });
	});
	if (current.length) found.push(current);
	return found;
}

const linePath = (run: { x: number; y: number }[]) => run.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join('');

export function lineTrendGeometry(points: readonly LinePoint[], options: LineTrendOptions): LineTrendGeometry {
	const plot = { left: MARGIN.left, top: MARGIN.top, right: options.width - MARGIN.right, bottom: options.height - MARGIN.bottom };
	const values = points.flatMap((p) => [p.value, p.reference ?? null, p.low ?? null, p.high ?? null]).filter((v): v is number => v !== null && Number.isFinite(v));
	const low = values.length ? Math.min(...values) : 0;
	const high = values.length ? Math.max(...values) : 1;
	// From 0 so a small change does not look like a collapse; otherwise pad around the data.
	const floor = options.fromZero ? 0 : Math.max(0, low - (high - low || Math.abs(high) || 1) * 0.2);
	const y = scaleLinear().domain([floor, high === floor ? floor + 1 : high]).nice(4).range([plot.bottom, plot.top]);
	const step = points.length > 1 ? (plot.right - plot.left) / (points.length - 1) : 0;
	const xs = points.map((_, i) => (points.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2));
	const ticks = y.ticks(4);
	const whole = ticks.every(Number.isInteger);
	const labelEvery = Math.max(1, Math.ceil(points.length / (options.maxLabels ?? 5)));
	const scaled = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : y(v));
	const lastShown = points.findLastIndex((p) => p.value !== null);
	const marks: LineMark[] = points.flatMap((p, i) =>
		p.value === null || (options.dots === 'last' && i !== lastShown) ? [] : [{ label: p.label, x: round(xs[i]), y: round(y(p.value)), description: p.description }]
	);
	const lows = runs(xs, points.map((p) => (scaled(p.low) === null || scaled(p.high) === null ? null : scaled(p.low))));
	const highs = runs(xs, points.map((p) => (scaled(p.low) === null || scaled(p.high) === null ? null : scaled(p.high))));
	const axisLabel = options.axisLabel ?? ((label: string) => label);
	// The last period is always labelled; a regular label too close to it is dropped.
	const labelled = points.map((_, i) => i).filter((i) => i === points.length - 1 || (i % labelEvery === 0 && points.length - 1 - i >= labelEvery / 2));
	return {
		width: options.width,
		height: options.height,
		plot,
		linePaths: runs(xs, points.map((p) => scaled(p.value))).map(linePath),
		referencePaths: runs(xs, points.map((p) => scaled(p.reference))).map(linePath),
		rangePaths: highs.map((run, r) => `${linePath(run)}${[...lows[r]].reverse().map((p) => `L${p.x},${p.y}`).join('')}Z`),
		points: marks,
		yTicks: ticks.map((v) => ({ position: round(y(v)), label: options.tickLabel(v, whole) })),
		xLabels: labelled.map((i) => ({ position: round(xs[i]), label: axisLabel(points[i].label) }))
	};
}
