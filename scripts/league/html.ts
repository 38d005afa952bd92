/**
 * The league as one static HTML page: the same funnel and caterpillar SVG the
 * site downloads (funnelSvg/caterpillarSvg from the shared geometry) and the
 * same table columns, with every piece of text escaped. No scripts, no
 * external requests; a print stylesheet for A4.
 */
import type { League } from '../../src/lib/league/compute.ts';
import { formatPercent, formatRankInterval } from '../../src/lib/league/compute.ts';
import { escapeXml, formatCount, funnelGeometry, funnelSvg } from '../../src/lib/charts/funnel-plot.ts';
import { caterpillarGeometry, caterpillarSvg } from '../../src/lib/charts/caterpillar.ts';

export interface RenderedLeague {
	html: string;
	funnel: string;
	caterpillar: string;
}

export function renderLeague(league: League, options: { title: string; note?: string; valueHeading?: string; nHeading?: string; targetLabel?: string; generated?: string }): RenderedLeague {
	const e = escapeXml;
	const valueHeading = options.valueHeading ?? 'Value';
	const nHeading = options.nHeading ?? 'Cases';
	const funnel = funnelSvg(funnelGeometry(league, { width: 720, height: 440, logX: true, title: options.title, nLabel: nHeading, valueLabel: valueHeading, targetLabel: options.targetLabel ?? 'All units' }));
	const caterpillar = caterpillarSvg(caterpillarGeometry(league.rows, { width: 720, height: 300, title: `${options.title}: ranks with 95% intervals` }));
	const rows = league.rows
		.map((r) => `<tr class="band-${r.band.split('-')[0]}"><td class="number">${r.rank} <span class="hint">(${formatRankInterval(r)})</span></td><th scope="row">${e(r.name)}${r.code !== r.name ? ` <span class="hint">${e(r.code)}</span>` : ''}</th><td class="number">${formatPercent(r.value)} <span class="hint">(${formatPercent(r.low)}–${formatPercent(r.high)})</span></td><td class="number">${formatCount(r.n)}</td><td class="band">${e(r.bandWords)}</td></tr>`)
		.join('\n');
	const excluded = league.excluded.length ? `<p class="hint">Not shown (${league.excluded.length}): ${league.excluded.map((x) => `${e(x.name)} (${e(x.reason)})`).join('; ')}.</p>` : '';
	const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>${e(options.title)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; color: #212b32; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d8dde0; vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { font-weight: normal; }
.hint { color: #4c6272; font-size: 0.85em; }
.band-better .band { color: #003087; font-weight: bold; }
.band-worse .band { color: #b3261e; font-weight: bold; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
@media print { @page { size: A4; margin: 12mm; } body { margin: 0; max-width: none; } tr, figure { break-inside: avoid; } .caterpillar { break-before: page; } }
</style>
</head>
<body>
<h1>${e(options.title)}</h1>
${options.note ? `<p class="hint">${e(options.note)}</p>` : ''}
<p>${league.rows.length} units. Centre line: ${e(options.targetLabel ?? 'all units pooled')}, ${formatPercent(league.target)}.</p>
<p>${e(league.limitsWords)}</p>
<figure>${funnel}</figure>
${excluded}
<table>
<caption>${e(options.title)}: units with 95% intervals, bands and ranks</caption>
<thead><tr><th scope="col" class="number">Rank (95% interval)</th><th scope="col">Unit</th><th scope="col" class="number">${e(valueHeading)} (95% interval)</th><th scope="col" class="number">${e(nHeading)}</th><th scope="col">Compared with expected</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>How sure are the ranks?</h2>
<figure class="caterpillar">${caterpillar}</figure>
<p class="hint">Control limits as said above (Spiegelhalter 2005, Statistics in Medicine 24:1185, and Quality and Safety in Health Care 14:347); Wilson 95% intervals; rank intervals from 1,000 seeded simulations of each unit's Beta(x + ½, n − x + ½) posterior.${options.generated ? ` Made ${e(options.generated)} with OpenWaits.` : ''}</p>
</body>
</html>
`;
	return { html, funnel, caterpillar };
}
