/**
 * What the workbook council readers share: find a sheet's header below its title and
 * notes rows and check it by name, read a count or an amount from a cell (keeping the
 * publishers' suppression codes as suppressed, never 0), and name councils' types and
 * regions the way the contract does.
 */
import { openWorkbook, type Workbook } from '../../lib/spreadsheet/workbook.ts';
import type { Cell, SheetRow } from '../../lib/spreadsheet/types.ts';
import { COUNCIL_TYPE_OF_PREFIX, type CouncilType } from '../../../src/lib/schema/council.ts';
import { checkHeader, type Parsed } from '../text.ts';
import { ReadError } from '../types.ts';
import { sheetFile, type WorkbookSample } from './types.ts';

export const ENGLAND = 'E92000001';

/** Suppression and not-available codes of the DfE, Defra and NHS Digital files. */
export const SUPPRESSED: ReadonlySet<string> = new Set(['c', 'x', 'u', 'z', ':', '[c]', '[x]', '[u]', '[z]']);

export const ONS_CODE = /^E\d{8}$/;

/** The type an ONS code's prefix gives (E06 unitary … E10 county); undefined for other codes. */
export function councilTypeOf(code: string): CouncilType | undefined {
	return COUNCIL_TYPE_OF_PREFIX[code.slice(0, 3)];
}

/** The nine English regions (ONS E12 codes), by the names the Defra sheets use. */
const REGIONS: Record<string, string> = {
	'north east': 'E12000001',
	'north west': 'E12000002',
	'yorkshire and the humber': 'E12000003',
	'yorkshire and humber': 'E12000003',
	'east midlands': 'E12000004',
	'west midlands': 'E12000005',
	east: 'E12000006',
	eastern: 'E12000006',
	'east of england': 'E12000006',
	london: 'E12000007',
	'south east': 'E12000008',
	'south west': 'E12000009'
};

export function regionCodeOf(name: string): string | undefined {
	return REGIONS[name.trim().toLowerCase()];
}

/** A cell as trimmed text ('' for an empty cell). */
export const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** The workbook, or a ReadError when the bytes are not one. */
export function requireWorkbook(file: string, bytes: Uint8Array): Workbook {
	const book = openWorkbook(file, bytes);
	if (!book) throw new ReadError(file, 0, null, 'this is not an ODS or XLSX workbook.');
	return book;
}

/** True when the sample shows this sheet with a row starting with these header cells (or shows no rows at all). */
export function sampleHasHeader(sample: WorkbookSample, sheet: string, expected: readonly string[]): boolean {
	if (!sample.sheetNames.includes(sheet)) return false;
	const rows = sample.firstRows?.[sheet];
	if (!rows) return true;
	return rows.some((row) => expected.every((name, i) => text(row.cells[i]) === name));
}

/**
 * The sheet's rows below its header. The header is the first row (of the first 30) whose
 * first cell is the first expected name; every expected name is then checked in place.
 */
export function rowsBelowHeader(book: Workbook, file: string, sheet: string, expected: readonly string[]): { header: SheetRow; rows: SheetRow[] } {
	if (!book.sheetNames.includes(sheet)) throw new ReadError(file, 0, null, `the workbook has no sheet "${sheet}"; its sheets are ${book.sheetNames.map((s) => `"${s}"`).join(', ')}.`);
	const all = [...book.rows(sheet)];
	const at = all.findIndex((row, i) => i < 30 && text(row.cells[0]) === expected[0]);
	const where = sheetFile(file, sheet);
	if (at < 0) throw new ReadError(where, all[0]?.line ?? 1, expected[0], `no header row starting "${expected[0]}" in the sheet's first 30 rows.`);
	const header = all[at];
	checkHeader(where, header.cells.map(text), expected, header.line);
	const rows = all.slice(at + 1);
	if (rows.length === 0) throw new ReadError(where, header.line + 1, null, 'the sheet has a header but no rows.');
	return { header, rows };
}

export interface Amount {
	value: number | null;
	suppressed: boolean;
}

/**
 * A number of 0 or more (`whole` for counts) from a cell, or a suppression code.
 * `max` bounds it (100 for a percentage); `what` names it in the message.
 */
export function amountOf(cell: Cell | undefined, what: string, options: { whole?: boolean; max?: number } = {}): Parsed<Amount> {
	const max = options.max ?? Number.MAX_SAFE_INTEGER;
	if (typeof cell === 'number') {
		if (cell < 0) return { ok: false, message: `${cell} is negative; expected ${what} of 0 or more.` };
		if (cell > max) return { ok: false, message: `${cell} is above ${max}; expected ${what}.` };
		if (options.whole && !Number.isInteger(cell)) return { ok: false, message: `${cell} is not a whole number; expected ${what}.` };
		return { ok: true, value: { value: cell, suppressed: false } };
	}
	const raw = text(cell);
	if (SUPPRESSED.has(raw.toLowerCase())) return { ok: true, value: { value: null, suppressed: true } };
	if (raw === '') return { ok: false, message: `is empty; expected ${what}.` };
	return { ok: false, message: `"${raw}" is not a number; expected ${what}.` };
}

/** '2022-23' (a financial year) or null. */
export function financialYear(cell: Cell | undefined): string | null {
	const raw = text(cell);
	const m = /^(\d{4})[-/](\d{2})$/.exec(raw);
	return m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? `${m[1]}-${m[2]}` : null;
}

/** Percent values are rounded to 10 decimals so a fraction ×100 prints as the publisher's figure (0.367 → 36.7). */
export const percentOfFraction = (fraction: number): number => Math.round(fraction * 100 * 1e10) / 1e10;
