/**
 * JSON export of a query result and file names for the explorer's downloads.
 * The CSV export is the site-wide formula-safe writer in $lib/format/csv.
 */
import type { Cell } from '../format/csv.ts';

/** JSON array of objects; non-finite numbers become null (JSON has no NaN). */
export function toJson(columns: string[], rows: Record<string, Cell>[]): string {
	return JSON.stringify(
		rows.map((row) => Object.fromEntries(columns.map((c) => [c, jsonValue(row[c])]))),
		null,
		1
	);
}

function jsonValue(value: Cell): unknown {
	if (value === undefined) return null;
	if (typeof value === 'number' && !Number.isFinite(value)) return null;
	if (typeof value === 'bigint') return Number(value);
	return value;
}

/** A file name from a title: 'My query!' → 'my-query'. */
export function fileStem(text: string, fallback = 'openwaits-query'): string {
	const stem = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
	return stem || fallback;
}
