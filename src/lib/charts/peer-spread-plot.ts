/**
 * Geometry for a peer comparison: councils in order, best first, across;
 * each council's value up; the peers' median as a line and their usual range
 * (median ± 2 robust standard deviations, 1.4826 × MAD) as a shaded band.
 * Never a funnel: these rates (tonnes, FTE posts) are not counts of
 * independent trials, so there is no binomial limit to draw.
 *
 * Pure, like funnel-plot.ts: PeerSpreadPlot.svelte, the SVG/PNG downloads
 * and the snapshot test draw this same picture. Only the chosen council is
 * labelled (by name); the table twin names every council.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { Band } from '../stats/funnel.ts';
import { formatCouncilValue, formatMadDistance, type PeerComparison, type SpreadVerdict } from '../league/council.ts';
import { BAND_STYLE, COLOURS, escapeXml, focusLabelSvg, focusRingSvg, pointPath, svgOpening, POINT_RADIUS, type Margin, type Tick } from './funnel-plot.ts';

export const VERDICT_BAND: Record<SpreadVerdict, Band> = { better: 'better-95', within: 'within', 'too-few': 'within', worse: 'worse-95' };
export const BAND_FILL = '#e8edee';

export interface SpreadPoint {
	code: string;
	name: string;
	x: number;
	y: number;
	band: Band;
	focus: boolean;
	description: string;
}

export interface SpreadLegendItem {
	kind: 'point' | 'median' | 'band';
	band?: Band;
	x: number;
	y: number;
	label: string;
}

export interface PeerSpreadGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	yTicks: Tick[];
	xLabel: string;
	yLabel: string;
	/** Null when there is nothing to compare with. */
	median: { y: number; label: string } | null;
	band: { top: number; bottom: number } | null;
	points: SpreadPoint[];
	/** The chosen council's name, placed beside its point. */
	focusLabel: { x: number; y: number; anchor: 'start' | 'end'; text: string } | null;
	legend: SpreadLegendItem[];
	title: string;
	description: string;
}

export interface PeerSpreadOptions {
	width: number;
	height: number;
	title?: string;
	/** 'Household waste recycled' */
	valueLabel?: string;
	margin?: Partial<Margin>;
}

const MARGIN: Margin = { top: 44, right: 24, bottom: 40, left: 72 };
const px = (n: number): number => Math.round(n * 100) / 100;
const CHAR_WIDTH = 7.2;

export function describeSpreadPoint(row: PeerComparison['rows'][number], comparison: PeerComparison): string {
	const unit = comparison.measure;
	return `${row.name} (${row.code}): ${formatCouncilValue(row.value, unit)}, ranked ${row.rank} of ${comparison.rows.length}; ${formatMadDistance(row.spread.madDistance)} median absolute deviations from the peers’ median; ${row.words.toLowerCase()}.`;
}

export function peerSpreadGeometry(comparison: PeerComparison, options: PeerSpreadOptions): PeerSpreadGeometry {
	const { width, height } = options;
	const margin = { ...MARGIN, ...options.margin };
	const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
	const unit = comparison.measure;
	const valueLabel = options.valueLabel ?? unit.title;
	const rows = comparison.rows;
	const ref = comparison.reference;

	const values = [...rows.map((r) => r.value), ...(ref ? [ref.low, ref.high, ref.median] : [])];
	const lo = values.length ? Math.min(...values) : 0;
	const hi = values.length ? Math.max(...values) : 1;
	const pad = Math.max(hi - lo, 1) * 0.06;
	const floor = unit.unit === 'percent' || lo >= 0 ? 0 : -Infinity;
	const ceiling = unit.unit === 'percent' ? 100 : Infinity;
	const y = scaleLinear().domain([Math.max(floor, lo - pad), Math.min(ceiling, hi + pad)]).nice().range([plot.bottom, plot.top]);
	const [yMin, yMax] = y.domain() as [number, number];
	const clampY = (v: number) => px(y(Math.min(yMax, Math.max(yMin, v))));
	const x = scaleBand<string>().domain(rows.map((r) => r.code)).range([plot.left, plot.right]).padding(0.2);

	const points = rows.map((row): SpreadPoint => ({
		code: row.code,
		name: row.name,
		x: px((x(row.code) ?? plot.left) + x.bandwidth() / 2),
		y: clampY(row.value),
		band: VERDICT_BAND[row.verdict],
		focus: row.code === comparison.focus,
		description: describeSpreadPoint(row, comparison)
	}));
	const focused = points.find((p) => p.focus) ?? null;
	const focusLabel = focused
		? (() => {
				const anchor: 'start' | 'end' = focused.x > (plot.left + plot.right) / 2 ? 'end' : 'start';
				return { x: px(focused.x + (anchor === 'end' ? -10 : 10)), y: px(focused.y - 10), anchor, text: focused.name };
			})()
		: null;

	const yTicks: Tick[] = y
		.ticks(Math.max(2, Math.floor((plot.bottom - plot.top) / 45)))
		.map((v) => ({ value: v, position: px(y(v)), label: formatCouncilValue(v, { unit: unit.unit, decimals: 0 }) }));

	const items: Omit<SpreadLegendItem, 'x' | 'y'>[] = [
		{ kind: 'point', band: 'better-95', label: 'Clearly better' },
		{ kind: 'point', band: 'within', label: 'Within' },
		{ kind: 'point', band: 'worse-95', label: 'Clearly worse' },
		{ kind: 'median', label: 'Peers’ median' },
		{ kind: 'band', label: 'Usual range (±2 robust SD)' }
	];
	let legendX = plot.left;
	const legend = items.map((item) => {
		const placed = { ...item, x: px(legendX), y: 16 };
		legendX += (item.kind === 'point' ? 16 : 28) + item.label.length * CHAR_WIDTH + 14;
		return placed;
	});

	const count = (v: SpreadVerdict) => rows.filter((r) => r.verdict === v).length;
	const fmt = (v: number) => formatCouncilValue(v, unit);
	const focusRow = rows.find((r) => r.code === comparison.focus);
	const description = rows.length === 0
		? 'No councils to show.'
		: `Peer comparison of ${rows.length} ${rows.length === 1 ? 'council' : 'councils'}, best first across, ${valueLabel.toLowerCase()} up. ` +
			(ref ? `Peers’ median ${fmt(ref.median)}; usual range ${fmt(ref.low)} to ${fmt(ref.high)}. ` : '') +
			`${count('better')} clearly better and ${count('worse')} clearly worse than the peers.` +
			(focusRow ? ` ${focusRow.name}: ${fmt(focusRow.value)}, ${focusRow.words.toLowerCase()}.` : '');

	return {
		width,
		height,
		plot,
		yTicks,
		xLabel: 'Councils, best first',
		yLabel: valueLabel,
		median: ref ? { y: clampY(ref.median), label: `Median ${fmt(ref.median)}` } : null,
		band: ref ? { top: clampY(ref.high), bottom: clampY(ref.low) } : null,
		points,
		focusLabel,
		legend,
		title: options.title ?? 'Peer comparison',
		description
	};
}

/** The same picture as PeerSpreadPlot.svelte, as one self-contained SVG document. */
export function peerSpreadSvg(g: PeerSpreadGeometry): string {
	const e = escapeXml;
	const out = svgOpening(g, 'peers');
	if (g.band) out.push(`<rect x="${g.plot.left}" y="${g.band.top}" width="${px(g.plot.right - g.plot.left)}" height="${px(g.band.bottom - g.band.top)}" fill="${BAND_FILL}"/>`);
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.plot.bottom}" y2="${g.plot.bottom}" stroke="${COLOURS.axis}"/>`);
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.left}" y1="${g.plot.top}" y2="${g.plot.bottom}" stroke="${COLOURS.axis}"/>`);
	out.push(`<text x="${(g.plot.left + g.plot.right) / 2}" y="${g.height - 10}" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.xLabel)}</text>`);
	out.push(`<text transform="translate(16 ${(g.plot.top + g.plot.bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.yLabel)}</text>`);
	if (g.median) {
		out.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.median.y}" y2="${g.median.y}" stroke="${COLOURS.centre}" stroke-width="1.5"/>`);
		out.push(`<text x="${g.plot.left + 6}" y="${g.median.y - 5}" fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke">${e(g.median.label)}</text>`);
	}
	for (const p of g.points) {
		const style = BAND_STYLE[p.band];
		if (p.focus) out.push(focusRingSvg(p));
		out.push(`<path d="${pointPath(style.shape, p.x, p.y, POINT_RADIUS)}" fill="${style.colour}" stroke="${COLOURS.background}" stroke-width="1"><title>${e(p.description)}</title></path>`);
	}
	if (g.focusLabel) out.push(focusLabelSvg(g.focusLabel));
	for (const item of g.legend) out.push(...legendSvg(item));
	out.push('</svg>');
	return out.join('\n');
}

function legendSvg(item: SpreadLegendItem): string[] {
	const label = `<text x="${item.x + (item.kind === 'point' ? 14 : 28)}" y="${item.y}" fill="${COLOURS.text}">${escapeXml(item.label)}</text>`;
	if (item.kind === 'point') {
		const style = BAND_STYLE[item.band!];
		return [`<path d="${pointPath(style.shape, item.x + 5, item.y - 4, POINT_RADIUS)}" fill="${style.colour}"/>`, label];
	}
	if (item.kind === 'band') return [`<rect x="${item.x}" y="${item.y - 10}" width="22" height="12" fill="${BAND_FILL}"/>`, label];
	return [`<line x1="${item.x}" x2="${item.x + 22}" y1="${item.y - 4}" y2="${item.y - 4}" stroke="${COLOURS.centre}" stroke-width="1.5"/>`, label];
}
