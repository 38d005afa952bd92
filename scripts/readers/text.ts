/**
 * What every publisher-format reader needs: turn bytes into text whatever the
 * encoding, split delimited text into fields while remembering line numbers,
 * parse numbers with messages a person can act on. The row accounting
 * (rowsRead = rowsAccepted + rowsRejected) is ReportBuilder in
 * report-builder.ts, re-exported here.
 */
import { ReadError } from './types.ts';

export { ReportBuilder, sha256Hex } from './report-builder.ts';

// ---------------------------------------------------------------- encoding

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
	hadBom: boolean;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Node 20's 'windows-1252' decoder actually decodes ISO-8859-1, turning 0x80–0x9F
 * into invisible C1 controls (0x92 should be ’). These are the WHATWG mappings for
 * that range; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as they are.
 */
const C1_AS_WINDOWS_1252: Record<number, string> = {
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
	0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘',
	0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜',
	0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ'
};

function decodeWindows1252(bytes: Uint8Array): string {
	return windows1252
		.decode(bytes)
		.replace(/[\x80-\x9f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0)] ?? c);
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1252.
 * Windows-1252 is a superset of Latin-1 for every printable character, so the 2018
 * hospital list (Latin-1) and the 2020 one (Windows-1252) both decode correctly.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	try {
		// The decoder drops a leading BOM by itself.
		return { text: utf8Strict.decode(bytes), encoding: 'utf-8', hadBom };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false };
	}
}

/**
 * The first line of a sample, decoded. Only the first line, because a 64 KiB sample
 * can end half-way through a UTF-8 character, which would wrongly look like Windows-1252.
 */
export function firstLine(bytes: Uint8Array): string {
	let end = bytes.indexOf(0x0a);
	if (end < 0) end = bytes.length;
	return decodeText(bytes.subarray(0, end)).text.replace(/\r$/, '');
}

// ---------------------------------------------------------------- separators and fields

export const SEPARATORS = [',', '~', '¬', '\t', ';'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** The candidate that occurs most often outside quotes in a header line; comma wins ties. */
export function sniffSeparator(line: string): Separator | null {
	const counts = new Map<string, number>();
	let quoted = false;
	for (const c of line) {
		if (c === '"') quoted = !quoted;
		else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	let best: Separator | null = null;
	for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (best ? counts.get(best)! : 0)) best = s;
	return best;
}

export interface CsvRecord {
	/** 1-based line on which the record starts (a quoted field may span lines). */
	line: number;
	fields: string[];
}

/**
 * Split delimited text into records. A quote only opens a quoted field at the start
 * of a field, so the unquoted `¬` and `~` files survive a stray `"` in a name.
 * Blank lines are skipped (but still counted for line numbers).
 */
export function parseDelimited(text: string, separator: string, quotes = true): CsvRecord[] {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let startLine = 1;
	let i = 0;
	const n = text.length;
	const endRecord = () => {
		fields.push(field);
		if (fields.length > 1 || fields[0] !== '') records.push({ line: startLine, fields });
		fields = [];
		field = '';
	};
	while (i < n) {
		const c = text[i];
		if (quotes && c === '"' && field === '') {
			i++;
			for (;;) {
				if (i >= n) break;
				const q = text[i];
				if (q === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (q === '\n') line++;
				field += q;
				i++;
			}
			continue;
		}
		if (c === separator) {
			fields.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			endRecord();
			if (c === '\r' && text[i + 1] === '\n') i++;
			line++;
			startLine = line;
		} else field += c;
		i++;
	}
	if (field !== '' || fields.length > 0) endRecord();
	return records;
}

/**
 * Check a header against the expected names (trimmed, exact case). Throws ReadError
 * naming the first column that differs, so a renamed or shifted file stops the build.
 */
export function checkHeader(file: string, header: string[], expected: readonly string[], line = 1): void {
	for (let i = 0; i < expected.length; i++) {
		const found = (header[i] ?? '').trim();
		if (found !== expected[i]) {
			throw new ReadError(
				file,
				line,
				expected[i],
				header[i] === undefined
					? `the header has only ${header.length} columns; expected "${expected[i]}" as column ${i + 1}.`
					: `expected column ${i + 1} to be "${expected[i]}" but found "${found}".`
			);
		}
	}
}

// ---------------------------------------------------------------- numbers

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const WHOLE = /^\d+$/;
const WHOLE_WITH_THOUSANDS = /^\d{1,3}(,\d{3})+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A count of people or events: a whole number, 0 or more (thousands separators allowed). */
export function parseCount(raw: string): Parsed<number> {
	const s = raw.trim();
	if (s === '') return { ok: false, message: 'is empty; expected a whole number of 0 or more.' };
	if (WHOLE.test(s)) return { ok: true, value: Number(s) };
	if (WHOLE_WITH_THOUSANDS.test(s)) return { ok: true, value: Number(s.replaceAll(',', '')) };
	if (DECIMAL.test(s)) {
		return Number(s) < 0
			? { ok: false, message: `"${s}" is negative; a count cannot be below zero.` }
			: { ok: false, message: `"${s}" is not a whole number; expected a count.` };
	}
	return { ok: false, message: `"${s}" is not a number; expected a whole number of 0 or more.` };
}

/** A decimal within [min, max]; `what` names the quantity in the message. */
export function parseDecimal(raw: string, min: number, max: number, what: string): Parsed<number> {
	const s = raw.trim();
	if (s === '') return { ok: false, message: `is empty; expected ${what}.` };
	if (!DECIMAL.test(s)) return { ok: false, message: `"${s}" is not a number; expected ${what}.` };
	const value = Number(s);
	if (value < min || value > max) {
		return { ok: false, message: `${s} is outside ${min} to ${max}; expected ${what}.` };
	}
	return { ok: true, value };
}

/** 'YYYYMMDD' → 'YYYY-MM-DD', or null when it is not a real calendar date. */
export function isoDateFromCompact(raw: string): string | null {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim());
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

// ---------------------------------------------------------------- postcodes
// Minimal helpers: src/lib/geo/postcode.ts belongs to another engineer and did not
// exist when these readers were written. Swap these for it once it lands.

const POSTCODE = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/;

/** 'b1  1ay', 'B11AY', '"B1  1AY"' → 'B1 1AY'; null when it is not a postcode's shape. */
export function tidyPostcode(raw: string): string | null {
	const m = POSTCODE.exec(raw.replace(/["\s]/g, '').toUpperCase());
	return m ? `${m[1]} ${m[2]}` : null;
}

/** 'B15 2TH' → 'B15 2' (a tidy postcode minus its last two characters). */
export function sectorOfTidy(postcode: string): string {
	return postcode.slice(0, -2);
}

/** 'B15 2TH' → 'B15'. */
export function districtOfTidy(postcode: string): string {
	return postcode.slice(0, postcode.indexOf(' '));
}

/** Decode and split a whole file, throwing ReadError when there is nothing to read. */
export function readRecords(
	file: string,
	bytes: Uint8Array,
	options: { separator?: Separator; quotes?: boolean } = {}
): { records: CsvRecord[]; encoding: TextEncodingName } {
	const { text, encoding } = decodeText(bytes);
	const newline = text.indexOf('\n');
	const header = newline < 0 ? text : text.slice(0, newline);
	const separator = options.separator ?? sniffSeparator(header) ?? ',';
	const records = parseDelimited(text, separator, options.quotes ?? true);
	if (records.length === 0) throw new ReadError(file, 1, null, 'the file is empty.');
	return { records, encoding };
}
