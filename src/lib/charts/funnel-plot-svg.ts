/**
 * The drawing kit the league charts share (margins, ticks, band colours and
 * shapes, XML escaping, the opening of a standalone SVG) and funnelSvg, which
 * writes a funnel plot's geometry as one self-contained SVG document.
 * funnel-plot.ts re-exports all of it, so charts may import from either.
 */
import type { Band } from '../stats/funnel.ts';
import type { FunnelGeometry } from './funnel-plot.ts';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface Tick {
	value: number;
	position: number;
	label: string;
}

/** Colours and shapes by band; each colour ≥ 4.5:1 on white, and shapes differ too. */
export const BAND_STYLE: Record<Band, { colour: string; shape: 'circle' | 'square' | 'triangle'; key: string }> = {
	'better-998': { colour: '#005eb8', shape: 'square', key: 'Better than expected' },
	'better-95': { colour: '#005eb8', shape: 'square', key: 'Better than expected' },
	within: { colour: '#4c6272', shape: 'circle', key: 'Within expected range' },
	'worse-95': { colour: '#b3261e', shape: 'triangle', key: 'Worse than expected' },
	'worse-998': { colour: '#b3261e', shape: 'triangle', key: 'Worse than expected' }
};

export const COLOURS = { text: '#0b0c0c', axis: '#505a5f', grid: '#e5e6e7', centre: '#0b0c0c', limit95: '#505a5f', limit998: '#0b0c0c', background: '#ffffff' } as const;

export const px = (n: number): number => Math.round(n * 100) / 100;

export function pointPath(shape: 'circle' | 'square' | 'triangle', x: number, y: number, r: number): string {
	if (shape === 'square') return `M${px(x - r)},${px(y - r)}h${px(2 * r)}v${px(2 * r)}h${px(-2 * r)}Z`;
	if (shape === 'triangle') return `M${px(x)},${px(y - r * 1.25)}L${px(x + r * 1.2)},${px(y + r)}L${px(x - r * 1.2)},${px(y + r)}Z`;
	return `M${px(x - r)},${px(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

// ------------------------------------------------------------ standalone SVG

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const POINT_RADIUS = 4.5;
/** Radius of the ring around the chosen unit. */
export const FOCUS_RING = POINT_RADIUS + 4;

/** The chosen unit's ring, and its name in bold on a white halo, for the standalone SVGs. */
export function focusRingSvg(p: { x: number; y: number }): string {
	return `<circle cx="${p.x}" cy="${p.y}" r="${FOCUS_RING}" fill="none" stroke="${COLOURS.text}" stroke-width="2"/>`;
}
export function focusLabelSvg(l: { x: number; y: number; anchor: 'start' | 'end'; text: string }): string {
	return `<text x="${l.x}" y="${l.y}" text-anchor="${l.anchor}" font-weight="bold" fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke">${escapeXml(l.text)}</text>`;
}

/**
 * The start of a standalone chart SVG, the same for every league chart: the
 * root element labelled by its title and description (ids `<id>-title` and
 * `<id>-desc`), the white background, and the horizontal grid lines with
 * their labels.
 */
export function svgOpening(
	g: { width: number; height: number; title: string; description: string; yTicks: Tick[]; plot: { left: number; right: number } },
	id: string
): string[] {
	const e = escapeXml;
	const out: string[] = [];
	out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="12">`);
	out.push(`<title id="${id}-title">${e(g.title)}</title><desc id="${id}-desc">${e(g.description)}</desc>`);
	out.push(`<rect width="${g.width}" height="${g.height}" fill="${COLOURS.background}"/>`);
	for (const t of g.yTicks) {
		out.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${t.position}" y2="${t.position}" stroke="${COLOURS.grid}"/>`);
		out.push(`<text x="${g.plot.left - 8}" y="${t.position}" text-anchor="end" dominant-baseline="middle" fill="${COLOURS.text}">${e(t.label)}</text>`);
	}
	return out;
}

/** The same picture as FunnelPlot.svelte, as one self-contained SVG document. */
export function funnelSvg(g: FunnelGeometry): string {
	const e = escapeXml;
	const out = svgOpening(g, 'funnel');
	for (const t of g.xTicks) {
		out.push(`<line x1="${t.position}" x2="${t.position}" y1="${g.plot.bottom}" y2="${g.plot.bottom + 5}" stroke="${COLOURS.axis}"/>`);
		out.push(`<text x="${t.position}" y="${g.plot.bottom + 18}" text-anchor="middle" fill="${COLOURS.text}">${e(t.label)}</text>`);
	}
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.plot.bottom}" y2="${g.plot.bottom}" stroke="${COLOURS.axis}"/>`);
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.left}" y1="${g.plot.top}" y2="${g.plot.bottom}" stroke="${COLOURS.axis}"/>`);
	out.push(`<text x="${(g.plot.left + g.plot.right) / 2}" y="${g.height - 10}" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.xLabel)}</text>`);
	out.push(`<text transform="translate(16 ${(g.plot.top + g.plot.bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${e(g.yLabel)}</text>`);
	out.push(`<path d="${g.limits.upper998}" fill="none" stroke="${COLOURS.limit998}" stroke-width="1.5" stroke-dasharray="6 3"/>`);
	out.push(`<path d="${g.limits.lower998}" fill="none" stroke="${COLOURS.limit998}" stroke-width="1.5" stroke-dasharray="6 3"/>`);
	out.push(`<path d="${g.limits.upper95}" fill="none" stroke="${COLOURS.limit95}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
	out.push(`<path d="${g.limits.lower95}" fill="none" stroke="${COLOURS.limit95}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
	out.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.centre.y}" y2="${g.centre.y}" stroke="${COLOURS.centre}" stroke-width="1.5"/>`);
	out.push(`<text x="${g.plot.left + 6}" y="${g.centre.y - 5}" text-anchor="start" fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke">${e(g.centre.label)}</text>`);
	for (const p of g.points) {
		const style = BAND_STYLE[p.band];
		if (p.focus) out.push(focusRingSvg(p));
		out.push(`<path d="${pointPath(style.shape, p.x, p.y, POINT_RADIUS)}" fill="${style.colour}" stroke="${COLOURS.background}" stroke-width="1"><title>${e(p.description)}</title></path>`);
	}
	for (const p of g.points.filter((q) => q.labelled)) {
		out.push(`<text x="${p.labelX}" y="${p.labelY}" text-anchor="${p.labelAnchor}" fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="3" paint-order="stroke">${e(p.code)}</text>`);
	}
	if (g.focusLabel) out.push(focusLabelSvg(g.focusLabel));
	for (const item of g.legend) {
		if (item.kind === 'point') {
			const style = BAND_STYLE[item.band!];
			out.push(`<path d="${pointPath(style.shape, item.x + 5, item.y - 4, POINT_RADIUS)}" fill="${style.colour}"/>`);
			out.push(`<text x="${item.x + 14}" y="${item.y}" fill="${COLOURS.text}">${e(item.label)}</text>`);
		} else {
			const [stroke, dash] = item.kind === 'centre' ? [COLOURS.centre, ''] : item.kind === 'limit95' ? [COLOURS.limit95, '2 3'] : [COLOURS.limit998, '6 3'];
			out.push(`<line x1="${item.x}" x2="${item.x + 22}" y1="${item.y - 4}" y2="${item.y - 4}" stroke="${stroke}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
			out.push(`<text x="${item.x + 28}" y="${item.y}" fill="${COLOURS.text}">${e(item.label)}</text>`);
		}
	}
	out.push('</svg>');
	return out.join('\n');
}
