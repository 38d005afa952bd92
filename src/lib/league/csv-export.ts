/**
 * League table as CSV for download. Spreadsheet programs run any cell that
 * starts with = + - @ (or a tab or carriage return that hides one) as a
 * formula (OWASP "CSV injection"): such text cells get a leading apostrophe.
 * Numbers are written as plain numbers and are never altered.
 */
import type { League } from './compute.ts';
import { BAND_WORDS } from '../stats/funnel.ts';

const DANGEROUS = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = DANGEROUS.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return rows.map((row) => row.map(safeCell).join(',')).join('\r\n') + '\r\n';
}

const pct = (v: number) => Math.round(v * 10000) / 100;

export function leagueCsv(league: League, valueHeading: string, nHeading: string): string {
	const header = [
		'code', 'name', 'area', `${valueHeading} (%)`, '95% interval low (%)', '95% interval high (%)', 'numerator', nHeading,
		'band', 'rank', 'rank 95% interval low', 'rank 95% interval high',
		'95% limit low (%)', '95% limit high (%)', '99.8% limit low (%)', '99.8% limit high (%)'
	];
	const body = league.rows.map((r) => [
		r.code, r.name, r.area, pct(r.value), pct(r.low), pct(r.high), r.successes, r.n,
		BAND_WORDS[r.band], r.rank, r.rankLow, r.rankHigh,
		pct(r.limits.lower95), pct(r.limits.upper95), pct(r.limits.lower998), pct(r.limits.upper998)
	]);
	return toCsv([header, ...body]);
}
