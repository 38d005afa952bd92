/**
 * CSV and JSON exports of a query result (RFC 4180: CRLF line ends, fields
 * quoted when they hold a comma, quote, CR or LF; quotes doubled).
 *
 * Formula injection (OWASP "CSV Injection"): a *text* cell that begins with
 * =, +, -, @, tab or carriage return gets a single quote in front, so a
 * spreadsheet shows it as text instead of running it. Numbers stay numbers:
 * -5 from a numeric column is written as -5, because it is data, not a
 * formula, and a quote would turn it into text. The same characters in a
 * text column (the string "-5") are neutralised, as OWASP advises.
 */

export type Cell = unknown;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell becomes, before quoting. */
export function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString();
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field. */
export function csvField(value: Cell): string {
	const text = cellText(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header names are text too, so they are neutralised the same way. */
export function toCsv(columns: string[], rows: Record<string, Cell>[]): string {
	const lines = [columns.map((c) => csvField(c)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
	return lines.join('\r\n') + '\r\n';
}

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
