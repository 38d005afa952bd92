/**
 * Geometry for "how far against how long": each nearby hospital as a point,
 * distance across, median wait up. Pure numbers and words, computed apart from
 * the Svelte component so the chart can be snapshot-tested and its wording
 * reused by the table twin and screen-reader text.
 */
import { scaleLinear } from 'd3';
import type { WaitFigures } from '../schema/site-data.ts';
import { comparableMedian, nearestRow } from '../data/nearby.ts';

/** What the chart needs from a nearby result row (NearbyRow fits). */
export interface DistanceWaitRow {
	provider: { code: string; name: string };
	distanceMiles: number;
	latest: WaitFigures;
	shorterThanNearestWeeks?: number | null;
}

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface DistanceWaitOptions {
	width: number;
	height: number;
	margin?: Partial<Margin>;
	/** Which row is the nearest; worked out from the rows when not given. */
	nearestCode?: string | null;
}

export interface ChartPoint {
	x: number;
	y: number;
	code: string;
	label: string;
	isNearest: boolean;
	/** Drawn on the 104-week line: the true median is somewhere above it. */
	over104: boolean;
	/** One sentence for screen readers and the focus label. */
	description: string;
}

export interface Tick {
	value: number;
	position: number;
	label: string;
}

export interface DistanceWaitGeometry {
	width: number;
	height: number;
	margin: Margin;
	/** The plotting area inside the margins, in SVG units. */
	plot: { left: number; top: number; right: number; bottom: number };
	points: ChartPoint[];
	/** Rows with no median to plot ("too few to say"); the table still lists them. */
	omitted: { code: string; label: string }[];
	xTicks: Tick[];
	yTicks: Tick[];
	xLabel: string;
	yLabel: string;
	/** Where the 104-week ceiling sits when any point is drawn on it. */
	ceiling: { y: number; label: string } | null;
	title: string;
	description: string;
}

export const X_LABEL = 'Distance (miles)';
export const Y_LABEL = 'Half of patients wait (weeks)';
export const DEFAULT_MARGIN: Margin = { top: 16, right: 20, bottom: 48, left: 56 };

/** GOV.UK blue and a dark orange: both ≥ 4.5:1 on white, and apart for colour-blind readers too. */
export const COLOURS = {
	point: '#1d70b8',
	nearest: '#a63c06',
	axis: '#505a5f',
	text: '#0b0c0c',
	background: '#ffffff'
} as const;

const OVER_TOP_BAND = 104;

/** SVG coordinates to a hundredth of a pixel: invisible, and keeps snapshots stable. */
const px = (n: number): number => Math.round(n * 100) / 100;

export function formatMiles(miles: number): string {
	return `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} miles`;
}

export function formatWeeks(weeks: number): string {
	const rounded = Math.round(weeks * 10) / 10;
	return `${rounded} ${rounded === 1 ? 'week' : 'weeks'}`;
}

/** The median as a patient reads it, including the two cases that are not a number. */
export function formatMedian(w: WaitFigures): string {
	if (w.tooFew || (w.median === null && !w.medianOver104)) return 'too few patients to say';
	if (w.medianOver104) return 'more than 104 weeks';
	return `${formatWeeks(w.median as number)} or less`;
}

export function formatP92(w: WaitFigures): string {
	if (w.tooFew || (w.p92 === null && !w.p92Over104)) return 'too few patients to say';
	if (w.p92Over104) return 'more than 104 weeks';
	return `${formatWeeks(w.p92 as number)} or less`;
}

export function formatPercent(pct: number | null, tooFew = false): string {
	return pct === null || tooFew ? 'too few patients to say' : `${Math.round(pct)}%`;
}

function describePoint(row: DistanceWaitRow, isNearest: boolean): string {
	const who = isNearest ? `${row.provider.name} (nearest)` : row.provider.name;
	return `${who}: ${formatMiles(row.distanceMiles)} away; half of patients wait ${formatMedian(row.latest)}.`;
}

function describeChart(plotted: DistanceWaitRow[], nearest: DistanceWaitRow | null, omitted: number): string {
	if (plotted.length === 0 && omitted === 0) return 'No hospitals to show.';
	const parts = [
		`Scatter chart of ${plotted.length} ${plotted.length === 1 ? 'hospital' : 'hospitals'}: distance from you across, how long half of patients wait up.`
	];
	if (nearest) parts.push(`The nearest is ${nearest.provider.name}, ${formatMiles(nearest.distanceMiles)} away, where half of patients wait ${formatMedian(nearest.latest)}.`);
	const numeric = plotted.filter((r) => comparableMedian(r.latest) !== null);
	if (numeric.length > 0) {
		const shortest = numeric.reduce((a, b) =>
			(comparableMedian(b.latest) as number) < (comparableMedian(a.latest) as number) ? b : a
		);
		parts.push(`The shortest wait is at ${shortest.provider.name}, ${formatMiles(shortest.distanceMiles)} away: ${formatMedian(shortest.latest)}.`);
	}
	if (omitted > 0) parts.push(`${omitted} not shown because there were too few patients to say; see the table.`);
	return parts.join(' ');
}

function ticks(scale: ReturnType<typeof scaleLinear<number, number>>, count: number): Tick[] {
	return scale.ticks(count).map((value) => ({ value, position: px(scale(value)), label: String(value) }));
}

export function distanceWaitGeometry(rows: readonly DistanceWaitRow[], options: DistanceWaitOptions): DistanceWaitGeometry {
	const { width, height } = options;
	const margin: Margin = { ...DEFAULT_MARGIN, ...options.margin };
	const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };

	const nearestCode = options.nearestCode !== undefined ? options.nearestCode : (nearestRow(rows)?.provider.code ?? null);
	const nearest = rows.find((r) => r.provider.code === nearestCode) ?? null;
	// Unknown medians must not be drawn at zero, where they would look best.
	const plotted = rows.filter((r) => comparableMedian(r.latest) !== null || (!r.latest.tooFew && r.latest.medianOver104));
	const omitted = rows.filter((r) => !plotted.includes(r)).map((r) => ({ code: r.provider.code, label: r.provider.name }));
	const weeksOf = (r: DistanceWaitRow): number => comparableMedian(r.latest) ?? OVER_TOP_BAND;

	// Start both axes at zero: "how far" and "how long" are only honest from nothing.
	const maxMiles = Math.max(1, ...plotted.map((r) => r.distanceMiles));
	const maxWeeks = Math.max(4, ...plotted.map(weeksOf));
	const x = scaleLinear().domain([0, maxMiles]).nice().range([plot.left, plot.right]);
	const y = scaleLinear().domain([0, maxWeeks]).nice().range([plot.bottom, plot.top]);

	const points: ChartPoint[] = plotted
		.map((row) => {
			const isNearest = row.provider.code === nearestCode;
			return {
				x: px(x(row.distanceMiles)),
				y: px(y(weeksOf(row))),
				code: row.provider.code,
				label: row.provider.name,
				isNearest,
				over104: comparableMedian(row.latest) === null,
				description: describePoint(row, isNearest)
			};
		})
		// Reading and tabbing order follows distance, nearest first.
		.sort((a, b) => a.x - b.x || a.code.localeCompare(b.code));

	return {
		width,
		height,
		margin,
		plot,
		points,
		omitted,
		xTicks: ticks(x, Math.max(2, Math.floor((plot.right - plot.left) / 80))),
		yTicks: ticks(y, Math.max(2, Math.floor((plot.bottom - plot.top) / 50))),
		xLabel: X_LABEL,
		yLabel: Y_LABEL,
		ceiling: points.some((p) => p.over104) ? { y: px(y(OVER_TOP_BAND)), label: 'more than 104 weeks' } : null,
		title: 'Distance and waiting time at hospitals near you',
		description: describeChart(plotted, nearest && plotted.includes(nearest) ? nearest : null, omitted.length)
	};
}

/** The data behind the chart, as CSV columns with units in their names (formula-safe via format/csv). */
export function distanceWaitRecords(rows: readonly DistanceWaitRow[], period: string | null) {
	return rows.map((row) => ({
		provider_code: row.provider.code,
		provider_name: row.provider.name,
		period,
		distance_miles: Math.round(row.distanceMiles * 10) / 10,
		median_weeks: row.latest.median,
		median_over_104_weeks: row.latest.medianOver104,
		p92_weeks: row.latest.p92,
		pct_within_18_weeks: row.latest.pctWithin18,
		people_waiting: row.latest.pathways,
		too_few_to_say: row.latest.tooFew
	}));
}

export const DISTANCE_WAIT_COLUMNS = [
	'provider_code', 'provider_name', 'period', 'distance_miles', 'median_weeks', 'median_over_104_weeks',
	'p92_weeks', 'pct_within_18_weeks', 'people_waiting', 'too_few_to_say'
] as const;
