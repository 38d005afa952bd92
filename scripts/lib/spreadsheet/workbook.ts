/**
 * Open an .ods or .xlsx workbook from its bytes. The format is told by content (an
 * ODS `mimetype` entry, an XLSX `xl/workbook.xml`), never by the file's name. Every
 * problem becomes a ReadError naming the file, and the sheet, row and column where
 * there is one. Untrusted input: at most MAX_WORKBOOK_BYTES are ever inflated, and
 * the XML may not declare a DTD.
 */
import { readZipEntry, zipEntries, type ZipEntry } from '../zip.ts';
import { ReadError } from '../../readers/types.ts';
import { sheetFile, type WorkbookSample } from '../../readers/council/types.ts';
import { odsRows, odsSheets } from './ods.ts';
import { relationships, sharedStrings, xlsxRows, xlsxSheets } from './xlsx.ts';
import { refuseDoctype, XmlError } from './xml.ts';
import { CellError, type SheetRow } from './types.ts';

/** The most a workbook may inflate to: 5 times the largest real one (flytipping_la.ods, 42 MB of XML). */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface Workbook {
	format: 'ods' | 'xlsx';
	sheetNames: string[];
	/** The rows of a sheet that hold a value, in order. Throws ReadError for an unknown sheet or damaged XML. */
	rows(sheet: string): Iterable<SheetRow>;
}

class Parts {
	private readonly entries: Map<string, ZipEntry>;
	private inflated = 0;
	constructor(
		readonly file: string,
		private readonly zip: Uint8Array
	) {
		this.entries = new Map(zipEntries(zip).map((e) => [e.name, e]));
	}
	has(part: string): boolean {
		return this.entries.has(part);
	}
	text(part: string): string {
		const entry = this.entries.get(part);
		if (!entry) throw new ReadError(this.file, 0, null, `the workbook has no ${part}; it is damaged or not a spreadsheet.`);
		const left = MAX_WORKBOOK_BYTES - this.inflated;
		if (entry.size > left) throw new ReadError(this.file, 0, null, `${part} would inflate past ${MAX_WORKBOOK_BYTES / 2 ** 20} MB; the workbook is refused as too large (or a zip bomb).`);
		let bytes: Uint8Array;
		try {
			bytes = readZipEntry(this.zip, entry, entry.size);
		} catch (error) {
			throw new ReadError(this.file, 0, null, `the workbook is damaged or cut short: ${part} cannot be decompressed (${(error as Error).message}).`);
		}
		this.inflated += bytes.length;
		let xml: string;
		try {
			xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw new ReadError(this.file, 0, null, `${part} is not valid UTF-8 text.`);
		}
		try {
			refuseDoctype(xml, part);
		} catch (error) {
			throw new ReadError(this.file, 0, null, `${(error as Error).message}.`);
		}
		return xml;
	}
}

function looksLikeZip(bytes: Uint8Array): boolean {
	return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Wrap a parser's complaint as a ReadError naming file, sheet, row and column. */
function located(file: string, sheet: string | null, error: unknown): unknown {
	const where = sheet === null ? file : sheetFile(file, sheet);
	if (error instanceof CellError) return new ReadError(where, error.line, error.column, `${error.message}.`);
	if (error instanceof XmlError) return new ReadError(where, 0, null, `${error.message}.`);
	return error;
}

function* locatedRows(file: string, sheet: string, rows: () => Iterable<SheetRow>): Generator<SheetRow> {
	try {
		yield* rows();
	} catch (error) {
		throw located(file, sheet, error);
	}
}

/**
 * Workbooks already opened, by their bytes: the build samples a workbook (to recognise it)
 * and then its reader reads it, and inflating a 42 MB content.xml twice is work done twice.
 * Weak, so a workbook goes when its bytes do.
 */
const opened = new WeakMap<Uint8Array, { file: string; book: Workbook | null }>();

/** The workbook in these bytes, or null when they are not a spreadsheet (not a zip, or a zip of something else). */
export function openWorkbook(file: string, bytes: Uint8Array): Workbook | null {
	const seen = opened.get(bytes);
	if (seen?.file === file) return seen.book;
	const book = openUncached(file, bytes);
	opened.set(bytes, { file, book });
	return book;
}

function openUncached(file: string, bytes: Uint8Array): Workbook | null {
	if (!looksLikeZip(bytes)) return null;
	let parts: Parts;
	try {
		parts = new Parts(file, bytes);
	} catch (error) {
		throw new ReadError(file, 0, null, `the workbook is damaged or cut short (${(error as Error).message}).`);
	}
	try {
		if (parts.has('mimetype') && parts.has('content.xml')) {
			if (parts.text('mimetype').trim() !== ODS_MIMETYPE) return null;
			const xml = parts.text('content.xml');
			const sheets = odsSheets(xml);
			const byName = new Map(sheets.map((s) => [s.name, s]));
			return {
				format: 'ods',
				sheetNames: sheets.map((s) => s.name),
				rows: (sheet) => locatedRows(file, sheet, () => odsRows(xml, known(file, byName.get(sheet), sheet)))
			};
		}
		const top = parts.has('_rels/.rels') ? relationships(parts.text('_rels/.rels'), '') : new Map();
		const bookPart = [...top.values()].find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
		if (!parts.has(bookPart)) return null;
		const relsPart = bookPart.replace(/([^/]+)$/, '_rels/$1.rels');
		const rels = parts.has(relsPart) ? relationships(parts.text(relsPart), bookPart) : new Map();
		const sheets = xlsxSheets(parts.text(bookPart), rels);
		const stringsPart = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.part;
		let strings: string[] | null = null;
		const byName = new Map(sheets.map((s) => [s.name, s]));
		return {
			format: 'xlsx',
			sheetNames: sheets.map((s) => s.name),
			rows: (sheet) =>
				locatedRows(file, sheet, () => {
					const ref = known(file, byName.get(sheet), sheet);
					strings ??= stringsPart && parts.has(stringsPart) ? sharedStrings(parts.text(stringsPart)) : [];
					return xlsxRows(parts.text(ref.part), strings);
				})
		};
	} catch (error) {
		throw located(file, null, error);
	}
}

function known<T>(file: string, sheet: T | undefined, name: string): T {
	if (sheet === undefined) throw new ReadError(file, 0, null, `the workbook has no sheet "${name}".`);
	return sheet;
}

/** How many rows of each sheet a sample shows: a title, notes and the header fit in it. */
export const SAMPLE_ROWS = 12;

/**
 * A workbook's first look: format, sheet names and each sheet's first rows; null when
 * the bytes are not a workbook. A sheet too damaged to show its first rows shows none
 * (reading it later reports the damage with its place).
 */
export function workbookSample(name: string, bytes: Uint8Array): WorkbookSample | null {
	const book = openWorkbook(name, bytes);
	if (!book) return null;
	const firstRows: NonNullable<WorkbookSample['firstRows']> = {};
	for (const sheet of book.sheetNames) {
		const rows: SheetRow[] = [];
		try {
			for (const row of book.rows(sheet)) if (rows.push(row) >= SAMPLE_ROWS) break;
		} catch {
			// Shown as no rows; the full read names the problem.
		}
		firstRows[sheet] = rows;
	}
	return { name, format: book.format, sheetNames: book.sheetNames, firstRows };
}
