/**
 * Formula-safe CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, quote, CR or LF; quotes doubled), for every download on the site.
 *
 * Formula injection (OWASP "CSV Injection"): a *text* cell that begins with
 * =, +, -, @, tab or carriage return gets a single quote in front, so a
 * spreadsheet shows it as text instead of running it. Numbers stay numbers:
 * -5 from a numeric column is written as -5, because it is data, not a
 * formula, and a quote would turn it into text. The same characters in a
 * text cell (the string "-5") are neutralised, as OWASP advises. Header
 * names are text too, so they are neutralised the same way.
 */

export type Cell = unknown;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell becomes, before quoting: '' for null, undefined and non-finite numbers. */
export function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString();
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field, formula-safe. */
export function csvField(value: Cell): string {
	const text = cellText(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells (the first row usually the header) as CSV text, CRLF after every line. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
	return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Records as CSV: a header of `columns`, then one line per record in that column order. */
export function toCsv(columns: readonly string[], records: readonly Record<string, Cell>[]): string {
	return csvLines([columns, ...records.map((record) => columns.map((c) => record[c]))]);
}
