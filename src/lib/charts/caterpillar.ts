/**
 * Geometry for a caterpillar plot of ranks: units in rank order across, rank
 * up the side (1 at the top), each with a vertical bar for its 95% rank
 * interval. Long overlapping bars are the point: most ranks are not known to
 * within a few places. Pure, like funnel-plot.ts; caterpillarSvg writes the
 * same picture as a standalone SVG string.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { LeagueRow } from '../league/compute.ts';
import { formatRankInterval } from '../league/compute.ts';
import { BAND_STYLE, COLOURS, escapeXml, pointPath, svgOpening, type Margin, type Tick } from './funnel-plot.ts';
import type { Band } from '../stats/funnel.ts';

export interface CaterpillarBar {
	code: string;
	name: string;
	band: Band;
	x: number;
	yRank: number;
	yLow: number;
	yHigh: number;
	description: string;
}

export interface CaterpillarGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	bars: CaterpillarBar[];
	yTicks: Tick[];
	xLabel: string;
	yLabel: string;
	title: string;
	description: string;
}

const px = (n: number): number => Math.round(n * 100) / 100;
export const CATERPILLAR_MARGIN: Margin = { top: 16, right: 16, bottom: 36, left: 56 };

export function describeRank(row: LeagueRow, total: number): string {
	return `${row.name} (${row.code}): ranked ${row.rank} of ${total}; 95% interval for the rank ${formatRankInterval(row)}.`;
}

export function caterpillarGeometry(rows: readonly LeagueRow[], options: { width: number; height: number; title?: string }): CaterpillarGeometry {
	const { width, height } = options;
	const margin = CATERPILLAR_MARGIN;
	const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
	const ordered = [...rows].sort((a, b) => a.rank - b.rank || a.rankLow - b.rankLow || a.code.localeCompare(b.code));
	const total = ordered.length;
	const x = scaleBand<string>().domain(ordered.map((r) => r.code)).range([plot.left, plot.right]).padding(0.2);
	const y = scaleLinear().domain([1, Math.max(2, total)]).range([plot.top, plot.bottom]);
	const bars = ordered.map((row) => ({
		code: row.code,
		name: row.name,
		band: row.band,
		x: px((x(row.code) ?? plot.left) + x.bandwidth() / 2),
		yRank: px(y(row.rank)),
		yLow: px(y(row.rankLow)),
		yHigh: px(y(row.rankHigh)),
		description: describeRank(row, total)
	}));
	const yTicks = y
		.ticks(Math.max(2, Math.floor((plot.bottom - plot.top) / 40)))
		.filter((v) => Number.isInteger(v))
		.map((v) => ({ value: v, position: px(y(v)), label: String(v) }));
	const sure = ordered.filter((r) => r.rankHigh - r.rankLow <= Math.max(2, total * 0.1)).length;
	const widest = ordered.reduce((w, r) => Math.max(w, r.rankHigh - r.rankLow + 1), 0);
	return {
		width,
		height,
		plot,
		bars,
		yTicks,
		xLabel: 'Units in rank order',
		yLabel: 'Rank (1 = best)',
		title: options.title ?? 'Ranks with 95% intervals',
		description: total === 0
			? 'No units to rank.'
			: `Caterpillar plot of ${total} ranks with 95% intervals. ${sure} of ${total} have a rank known to within ${Math.max(2, Math.round(total * 0.1))} places; the widest interval spans ${widest} places.`
	};
}

export function caterpillarSvg(g: CaterpillarGeometry): string {
	const e = escapeXml;
	const out = svgOpening(g, 'caterpillar');
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.left}" y1="${g.plot.top}" y2="${g.plot.bottom}" stroke="${COLOURS.axis}"/>`);
	out.push(`<text x="${(g.plot.left + g.plot.right) / 2}" y="${g.height - 10}" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.xLabel)}</text>`);
	out.push(`<text transform="translate(16 ${(g.plot.top + g.plot.bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.yLabel)}</text>`);
	for (const b of g.bars) {
		const style = BAND_STYLE[b.band];
		out.push(`<g><title>${e(b.description)}</title><line x1="${b.x}" x2="${b.x}" y1="${b.yLow}" y2="${b.yHigh}" stroke="${style.colour}" stroke-width="2"/><path d="${pointPath(style.shape, b.x, b.yRank, 3)}" fill="${style.colour}"/></g>`);
	}
	out.push('</svg>');
	return out.join('\n');
}
