/**
 * League table as CSV for download, through the site's formula-safe writer
 * ($lib/format/csv): text cells that a spreadsheet would run as a formula get
 * a leading apostrophe; numbers are written as plain numbers.
 */
import type { League } from './compute.ts';
import { BAND_WORDS } from '../stats/funnel.ts';
import { csvLines } from '../format/csv.ts';
import type { PeerComparison } from './council.ts';

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

/** A peer comparison as CSV: each council's value, the peers' median and MAD, its distance and position. */
export function peerSpreadCsv(comparison: PeerComparison): string {
	const m = comparison.measure;
	const unit = m.unit === 'percent' ? ' (%)' : m.unit === 'kg-per-household' ? ' (kg per household)' : m.unit === 'per-1000' ? ' (per 1,000)' : '';
	const ref = comparison.reference;
	const header = ['code', 'name', 'year', `${m.title}${unit}`, 'rank', 'peers compared', `peers' median${unit}`, 'median absolute deviation', 'distance from median (MADs)', 'robust z', 'compared with peers', 'chosen'];
	const body = comparison.rows.map((r) => [
		r.code, r.name, comparison.year, r.value, r.rank, r.spread.peers, ref?.median ?? null, ref?.mad ?? null,
		r.spread.madDistance === null ? null : Math.round(r.spread.madDistance * 100) / 100,
		r.spread.robustZ === null ? null : Math.round(r.spread.robustZ * 100) / 100,
		r.words, r.code === comparison.focus ? 'yes' : ''
	]);
	return csvLines([header, ...body]);
}
