/**
 * League table as CSV for download, through the site's formula-safe writer
 * ($lib/format/csv): text cells that a spreadsheet would run as a formula get
 * a leading apostrophe; numbers are written as plain numbers.
 */
import type { League } from './compute.ts';
import { BAND_WORDS } from '../stats/funnel.ts';
import { csvLines } from '../format/csv.ts';

const pct = (v: number) => Math.round(v * 10000) / 100;

export function leagueCsv(league: League, valueHeading: string, nHeading: string): string {
	const header = [
		'code', 'name', 'area', `${valueHeading} (%)`, '95% interval low (%)', '95% interval high (%)', 'numerator', nHeading,
		'band', 'rank', 'rank 95% interval low', 'rank 95% interval high',
		'95% limit low (%)', '95% limit high (%)', '99.8% limit low (%)', '99.8% limit high (%)'
	];
	// The change column only when the league has one; its heading names the earlier period.
	const since = league.trend ? (league.trend.since ?? 'earlier period') : null;
	if (since) header.push(`change since ${since}`, `${valueHeading}, ${since} (%)`);
	const body = league.rows.map((r) => [
		r.code, r.name, r.area, pct(r.value), pct(r.low), pct(r.high), r.successes, r.n,
		BAND_WORDS[r.band], r.rank, r.rankLow, r.rankHigh,
		pct(r.limits.lower95), pct(r.limits.upper95), pct(r.limits.lower998), pct(r.limits.upper998),
		...(since ? [r.trend?.words ?? '', r.trend?.earlierValue == null ? null : pct(r.trend.earlierValue)] : [])
	]);
	return csvLines([header, ...body]);
}
