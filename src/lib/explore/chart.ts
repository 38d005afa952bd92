/**
 * Chart geometry from any query result: pure, so it can be tested and the
 * component only draws. Bar (category → number), line (x in order → number),
 * scatter (number → number), histogram (one number column).
 */
import { bin, extent, max, min, scaleBand, scaleLinear, scalePoint } from 'd3';
import type { ChartKind } from './share';

export interface Tick {
	at: number;
	label: string;
}
export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	label: string;
	value: number;
}
export interface Point {
	x: number;
	y: number;
	label: string;
}

export interface ChartGeometry {
	kind: ChartKind;
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	xTicks: Tick[];
	yTicks: Tick[];
	xLabel: string;
	yLabel: string;
	bars: Bar[];
	points: Point[];
	path: string | null;
	/** Things the reader should know: rows left out, categories cut. */
	notes: string[];
	/** Why nothing can be drawn, or null. */
	problem: string | null;
}

export const MAX_BARS = 60;
export const MAX_POINTS = 20_000;

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
function tickLabel(value: number): string {
	return Math.abs(value) >= 100_000 ? compact.format(value) : number.format(value);
}

function asNumber(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'boolean') return Number(value);
	return null;
}

function shorten(text: string, length = 14): string {
	return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Columns whose values are numbers (for y, scatter x and histograms). */
export function numericColumns(columns: string[], rows: Record<string, unknown>[]): string[] {
	return columns.filter((c) => rows.some((r) => asNumber(r[c]) !== null) && rows.every((r) => r[c] === null || r[c] === undefined || asNumber(r[c]) !== null));
}

/** A reasonable first chart for a result. */
export function defaultChart(columns: string[], rows: Record<string, unknown>[]): { kind: ChartKind; x: string; y: string } | null {
	const numeric = numericColumns(columns, rows);
	if (!numeric.length) return null;
	const text = columns.filter((c) => !numeric.includes(c));
	const x = text[0] ?? columns[0];
	const y = numeric.find((c) => c !== x) ?? numeric[0];
	const timeLike = /period|month|date|year/i.test(x);
	return { kind: timeLike ? 'line' : text.length ? 'bar' : 'scatter', x, y };
}

export function chartGeometry(kind: ChartKind, rows: Record<string, unknown>[], x: string, y: string, width = 720, height = 400): ChartGeometry {
	const margin = { top: 16, right: 24, bottom: kind === 'bar' ? 96 : 56, left: 72 };
	const innerW = width - margin.left - margin.right;
	const innerH = height - margin.top - margin.bottom;
	const g: ChartGeometry = { kind, width, height, margin, xTicks: [], yTicks: [], xLabel: x, yLabel: kind === 'histogram' ? 'Rows' : y, bars: [], points: [], path: null, notes: [], problem: null };
	if (!rows.length) return { ...g, problem: 'The result has no rows to draw.' };

	const yScaleFor = (lo: number, hi: number) => {
		const s = scaleLinear().domain([Math.min(0, lo), Math.max(0, hi)]).nice().range([innerH, 0]);
		g.yTicks = s.ticks(6).map((t) => ({ at: s(t), label: tickLabel(t) }));
		return s;
	};

	if (kind === 'histogram') {
		const values = rows.map((r) => asNumber(r[x])).filter((v): v is number => v !== null);
		if (!values.length) return { ...g, problem: `Column "${x}" has no numbers to count.` };
		if (values.length < rows.length) g.notes.push(`${rows.length - values.length} rows without a number in "${x}" are left out.`);
		const [lo, hi] = extent(values) as [number, number];
		const xs = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice().range([0, innerW]);
		const bins = bin().domain(xs.domain() as [number, number]).thresholds(xs.ticks(20))(values);
		const ys = yScaleFor(0, max(bins, (b) => b.length) ?? 1);
		g.xTicks = xs.ticks(8).map((t) => ({ at: xs(t), label: tickLabel(t) }));
		g.bars = bins.map((b) => ({
			x: xs(b.x0 ?? 0),
			y: ys(b.length),
			width: Math.max(0, xs(b.x1 ?? 0) - xs(b.x0 ?? 0) - 1),
			height: innerH - ys(b.length),
			label: `${tickLabel(b.x0 ?? 0)} to ${tickLabel(b.x1 ?? 0)}`,
			value: b.length
		}));
		return g;
	}

	const pairs = rows
		.map((r) => ({ xv: r[x], yv: asNumber(r[y]) }))
		.filter((p): p is { xv: unknown; yv: number } => p.yv !== null && p.xv !== null && p.xv !== undefined);
	if (!pairs.length) return { ...g, problem: `Column "${y}" has no numbers to draw.` };
	if (pairs.length < rows.length) g.notes.push(`${rows.length - pairs.length} rows with a missing value are left out.`);

	if (kind === 'bar') {
		let shown = pairs;
		if (pairs.length > MAX_BARS) {
			shown = pairs.slice(0, MAX_BARS);
			g.notes.push(`Only the first ${MAX_BARS} rows are drawn as bars; sort or filter the query to choose them.`);
		}
		const xs = scaleBand<number>().domain(shown.map((_, i) => i)).range([0, innerW]).padding(0.15);
		const ys = yScaleFor(min(shown, (p) => p.yv) ?? 0, max(shown, (p) => p.yv) ?? 0);
		g.bars = shown.map((p, i) => ({
			x: xs(i) ?? 0,
			y: Math.min(ys(p.yv), ys(0)),
			width: xs.bandwidth(),
			height: Math.abs(ys(0) - ys(p.yv)),
			label: String(p.xv),
			value: p.yv
		}));
		const every = Math.ceil(shown.length / 30);
		g.xTicks = shown.flatMap((p, i) => (i % every === 0 ? [{ at: (xs(i) ?? 0) + xs.bandwidth() / 2, label: shorten(String(p.xv)) }] : []));
		return g;
	}

	let shown = pairs;
	if (pairs.length > MAX_POINTS) {
		shown = pairs.slice(0, MAX_POINTS);
		g.notes.push(`Only the first ${MAX_POINTS.toLocaleString('en-GB')} rows are drawn.`);
	}
	const ys = (() => {
		const [lo, hi] = extent(shown, (p) => p.yv) as [number, number];
		return kind === 'scatter' ? (() => {
			const s = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice().range([innerH, 0]);
			g.yTicks = s.ticks(6).map((t) => ({ at: s(t), label: tickLabel(t) }));
			return s;
		})() : yScaleFor(lo, hi);
	})();
	const numericX = shown.every((p) => asNumber(p.xv) !== null);
	let xPos: (v: unknown) => number;
	if (numericX) {
		const [lo, hi] = extent(shown, (p) => asNumber(p.xv) as number) as [number, number];
		const xs = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice().range([0, innerW]);
		g.xTicks = xs.ticks(8).map((t) => ({ at: xs(t), label: tickLabel(t) }));
		xPos = (v) => xs(asNumber(v) as number);
	} else {
		if (kind === 'scatter') return { ...g, problem: `A scatter chart needs numbers on both axes; "${x}" is not a number column.` };
		const domain = [...new Set(shown.map((p) => String(p.xv)))];
		const xs = scalePoint<string>().domain(domain).range([0, innerW]).padding(0.3);
		const every = Math.ceil(domain.length / 12);
		g.xTicks = domain.flatMap((d, i) => (i % every === 0 ? [{ at: xs(d) ?? 0, label: shorten(d) }] : []));
		xPos = (v) => xs(String(v)) ?? 0;
	}
	g.points = shown.map((p) => ({ x: xPos(p.xv), y: ys(p.yv), label: `${String(p.xv)}: ${number.format(p.yv)}` }));
	if (kind === 'line') {
		const ordered = numericX ? [...g.points].sort((a, b) => a.x - b.x) : g.points;
		g.path = ordered.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
	}
	return g;
}
