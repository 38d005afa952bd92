/**
 * Geometry for a funnel plot: each unit's proportion (up) against its number
 * of cases (across), the target as a centre line and the 95% and 99.8%
 * control limits as curves. Pure numbers and words, so the Svelte component,
 * the downloadable SVG/PNG and scripts/league.ts draw the very same picture
 * (funnelSvg in funnel-plot-svg.ts writes it as a standalone SVG string with
 * inline presentation attributes: no stylesheet needed).
 */
import { line, scaleLinear, scaleLog } from 'd3';
import type { League, LeagueRow } from '../league/compute.ts';
import { formatPercent } from '../league/compute.ts';
import { funnelCurve, type Band } from '../stats/funnel.ts';
import { POINT_RADIUS, px, type Margin, type Tick } from './funnel-plot-svg.ts';

export { BAND_STYLE, COLOURS, escapeXml, FOCUS_RING, focusLabelSvg, focusRingSvg, funnelSvg, POINT_RADIUS, pointPath, svgOpening, type Margin, type Tick } from './funnel-plot-svg.ts';

export interface FunnelPoint {
	code: string;
	name: string;
	x: number;
	y: number;
	band: Band;
	/** Outside the 95% limits (either side). */
	outside: boolean;
	/** Drawn with its code next to it: only flagged units (outside the limits) that have room. */
	labelled: boolean;
	/** The chosen unit (a council picked on the page): ringed and named. */
	focus: boolean;
	labelX: number;
	labelY: number;
	labelAnchor: 'start' | 'end';
	description: string;
}

export interface FunnelGeometry {
	width: number;
	height: number;
	margin: Margin;
	plot: { left: number; top: number; right: number; bottom: number };
	logX: boolean;
	xTicks: Tick[];
	yTicks: Tick[];
	xLabel: string;
	yLabel: string;
	centre: { y: number; label: string };
	limits: { upper95: string; lower95: string; upper998: string; lower998: string };
	points: FunnelPoint[];
	/** The chosen unit's name beside its point, when one is chosen. */
	focusLabel: { x: number; y: number; anchor: 'start' | 'end'; text: string } | null;
	/** The key, drawn along the top so a downloaded picture explains itself. */
	legend: LegendItem[];
	title: string;
	description: string;
}

export interface LegendItem {
	kind: 'point' | 'centre' | 'limit95' | 'limit998';
	band?: Band;
	x: number;
	y: number;
	label: string;
}

export interface FunnelOptions {
	width: number;
	height: number;
	logX?: boolean;
	margin?: Partial<Margin>;
	title?: string;
	/** 'People waiting' */
	nLabel?: string;
	/** 'Waiting under 18 weeks' */
	valueLabel?: string;
	/** 'England' */
	targetLabel?: string;
	/** Code of the unit to ring and name (e.g. the council chosen on the page). */
	focus?: string | null;
}

/**
 * Real data put hundreds of units outside the plain limits, and a code beside
 * each made an unreadable mass. So only flagged units are labelled, at most
 * this many, most extreme first, and only where the label covers no other
 * label or point; the table twin names every unit.
 */
export const MAX_FUNNEL_LABELS = 12;

export const DEFAULT_MARGIN: Margin = { top: 44, right: 24, bottom: 52, left: 64 };

const CHAR_WIDTH = 7.2;
const CODE_CHAR_WIDTH = 8.4;

export function formatCount(n: number): string {
	return Math.round(n).toLocaleString('en-GB');
}

function shortCount(n: number): string {
	if (n >= 1_000_000) return `${n / 1_000_000}m`;
	if (n >= 1000) return `${n / 1000}k`;
	return String(n);
}

export function describeFunnelPoint(row: LeagueRow, nLabel: string): string {
	return `${row.name} (${row.code}): ${formatPercent(row.value)} (95% interval ${formatPercent(row.low)} to ${formatPercent(row.high)}), ${formatCount(row.n)} ${nLabel.toLowerCase()}; ${row.bandWords.toLowerCase()}.`;
}

export function funnelGeometry(league: League, options: FunnelOptions): FunnelGeometry {
	const { width, height } = options;
	const logX = options.logX ?? true;
	const margin: Margin = { ...DEFAULT_MARGIN, ...options.margin };
	const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
	const nLabel = options.nLabel ?? 'Cases';
	const valueLabel = options.valueLabel ?? 'Proportion';
	const targetLabel = options.targetLabel ?? 'Target';
	const rows = league.rows;

	const ns = rows.map((r) => r.n);
	const minN = Math.max(1, Math.min(...(ns.length ? ns : [10])));
	const maxN = Math.max(minN * 10, ...(ns.length ? ns : [1000]));
	const x = logX
		? scaleLog().domain([Math.max(1, minN / 1.6), maxN * 1.3]).range([plot.left, plot.right])
		: scaleLinear().domain([0, maxN * 1.05]).nice().range([plot.left, plot.right]);
	const [fromN, toN] = x.domain() as [number, number];

	// y covers every point and the limits at the smallest unit, never beyond 0–100%.
	const atMin = league.limitsAt(minN);
	const values = [...rows.flatMap((r) => [r.value]), league.target, atMin.lower998, atMin.upper998];
	const lo = Math.max(0, Math.min(...values));
	const hi = Math.min(1, Math.max(...values));
	const pad = Math.max(0.01, (hi - lo) * 0.06);
	const y = scaleLinear().domain([Math.max(0, lo - pad), Math.min(1, hi + pad)]).nice().range([plot.bottom, plot.top]);
	const [yMin, yMax] = y.domain() as [number, number];
	const clampY = (v: number) => y(Math.min(yMax, Math.max(yMin, v)));

	const curve = funnelCurve(league.target, Math.max(1, logX ? fromN : Math.max(1, minN / 2)), toN, 160, league.limitsAt);
	const path = (key: 'upper95' | 'lower95' | 'upper998' | 'lower998') =>
		line<(typeof curve)[number]>()
			.x((d) => px(x(d.n)))
			.y((d) => px(clampY(d[key])))(curve) ?? '';

	const placed: { left: number; right: number; top: number; bottom: number }[] = [];
	const points = rows
		.map((row): FunnelPoint => {
			const cx = px(x(Math.max(fromN, row.n)));
			const cy = px(clampY(row.value));
			const outside = row.band !== 'within';
			const anchor: 'start' | 'end' = cx > (plot.left + plot.right) / 2 ? 'end' : 'start';
			return {
				code: row.code,
				name: row.name,
				x: cx,
				y: cy,
				band: row.band,
				outside,
				labelled: false,
				focus: row.code === options.focus,
				labelX: px(cx + (anchor === 'end' ? -8 : 8)),
				labelY: px(cy - 6),
				labelAnchor: anchor,
				description: describeFunnelPoint(row, nLabel)
			};
		})
		.sort((a, b) => a.x - b.x || a.code.localeCompare(b.code));

	// Label flagged units, most extreme first, where the label covers no other label or point (see MAX_FUNNEL_LABELS).
	const extremity = (p: FunnelPoint) => (p.band.endsWith('998') ? 2 : 1) * 1000 + Math.abs(p.y - px(y(league.target)));
	const hitsPoint = (box: { left: number; right: number; top: number; bottom: number }, self: FunnelPoint) =>
		points.some((q) => q !== self && q.x + POINT_RADIUS > box.left && q.x - POINT_RADIUS < box.right && q.y + POINT_RADIUS > box.top && q.y - POINT_RADIUS < box.bottom);
	for (const p of [...points].filter((q) => q.outside && !q.focus).sort((a, b) => extremity(b) - extremity(a))) {
		if (placed.length >= MAX_FUNNEL_LABELS) break;
		// Codes are capitals and digits, wider than the average character at 12px Arial.
		const w = p.code.length * CODE_CHAR_WIDTH;
		const box = { left: p.labelAnchor === 'end' ? p.labelX - w : p.labelX, right: p.labelAnchor === 'end' ? p.labelX : p.labelX + w, top: p.labelY - 12, bottom: p.labelY + 2 };
		if (box.left < plot.left || box.right > width || box.top < 0) continue;
		// A few pixels apart, so two codes never read as one.
		const GAP = 4;
		if (placed.some((b) => b.left - GAP < box.right && box.left < b.right + GAP && b.top < box.bottom && box.top < b.bottom) || hitsPoint(box, p)) continue;
		placed.push(box);
		p.labelled = true;
	}
	const focused = points.find((p) => p.focus) ?? null;
	const focusLabel = focused
		? { x: px(focused.x + (focused.labelAnchor === 'end' ? -12 : 12)), y: px(focused.y + 18), anchor: focused.labelAnchor, text: focused.name }
		: null;

	const xTicks: Tick[] = logX
		? (x.ticks() as number[])
				.filter((v) => [1, 2, 5].includes(Number(String(v)[0])) && /^[125]0*$/.test(String(v)))
				.map((v) => ({ value: v, position: px(x(v)), label: shortCount(v) }))
		: (x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 90))) as number[]).map((v) => ({ value: v, position: px(x(v)), label: shortCount(v) }));
	const yTicks: Tick[] = y.ticks(Math.max(2, Math.floor((plot.bottom - plot.top) / 45))).map((v) => ({ value: v, position: px(y(v)), label: `${Math.round(v * 1000) / 10}%` }));

	const legendItems: Omit<LegendItem, 'x' | 'y'>[] = [
		{ kind: 'point', band: 'better-95', label: 'Better' },
		{ kind: 'point', band: 'within', label: 'Within' },
		{ kind: 'point', band: 'worse-95', label: 'Worse' },
		{ kind: 'centre', label: targetLabel },
		{ kind: 'limit95', label: '95% limits' },
		{ kind: 'limit998', label: '99.8% limits' }
	];
	let legendX = plot.left;
	const legend: LegendItem[] = legendItems.map((item) => {
		const placedItem = { ...item, x: px(legendX), y: 16 };
		legendX += (item.kind === 'point' ? 16 : 28) + item.label.length * CHAR_WIDTH + 14;
		return placedItem;
	});

	const outsideCount = points.filter((p) => p.outside).length;
	const description = rows.length === 0
		? 'No units to show.'
		: `Funnel plot of ${rows.length} ${rows.length === 1 ? 'unit' : 'units'}: ${nLabel.toLowerCase()} across${logX ? ' (log scale)' : ''}, ${valueLabel.toLowerCase()} up. ` +
			`Centre line: ${targetLabel} ${formatPercent(league.target)}. ` +
			`${outsideCount} outside the 95% limits (${league.bandCounts['better-95'] + league.bandCounts['better-998']} better, ${league.bandCounts['worse-95'] + league.bandCounts['worse-998']} worse than expected), ` +
			`${league.bandCounts['better-998'] + league.bandCounts['worse-998']} of them outside the 99.8% limits.` +
			(focused ? ` Ringed: ${focused.name}.` : '');

	return {
		width,
		height,
		margin,
		plot,
		logX,
		xTicks,
		yTicks,
		xLabel: `${nLabel}${logX ? ' (log scale)' : ''}`,
		yLabel: `${valueLabel} (%)`,
		centre: { y: px(y(league.target)), label: `${targetLabel} ${formatPercent(league.target)}` },
		limits: { upper95: path('upper95'), lower95: path('lower95'), upper998: path('upper998'), lower998: path('lower998') },
		points,
		focusLabel,
		legend,
		title: options.title ?? 'Funnel plot',
		description
	};
}
