/**
 * Bring your own CSV: the pure parts (naming, encoding and delimiter
 * sniffing, type inference). Parsing itself is PapaParse's; csv-collector.ts
 * checks the rows and read-upload.ts runs the whole sequence.
 */

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const INFER_ROWS = 1000;
export const MAX_LISTED_PROBLEMS = 200;
export const PREVIEW_ROWS = 10;

export type ColumnType = 'BOOLEAN' | 'INTEGER' | 'DOUBLE' | 'VARCHAR';
export type Delimiter = ',' | ';' | '\t' | '¬' | '~' | '|';
export const DELIMITERS: Delimiter[] = [',', ';', '\t', '¬', '~', '|'];
export const DELIMITER_NAMES: Record<Delimiter, string> = {
	',': 'comma',
	';': 'semicolon',
	'\t': 'tab',
	'¬': 'not sign (¬)',
	'~': 'tilde (~)',
	'|': 'vertical bar (|)'
};

export interface RowProblem {
	line: number;
	/** The column the problem is in, or where the row stops lining up with the header. */
	column: string;
	reason: string;
}

/** A problem the CSV parser found in one record (PapaParse's error, by record index in the chunk). */
export interface ParseError {
	row: number;
	code?: string;
	message: string;
}

/** 'My Hostile File (2).csv' → 'my_hostile_file_2'; never a name already taken. */
export function tableNameFromFile(fileName: string, taken: Iterable<string> = []): string {
	const base = fileName.replace(/^.*[\\/]/, '').replace(/(\.(csv|tsv|txt))?(\.(gz|zip))?$/i, '');
	let name = base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9_]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 48);
	if (!name) name = 'upload';
	if (/^[0-9]/.test(name)) name = `t_${name}`;
	const used = new Set(taken);
	if (used.has(name)) name = `${name}_upload`;
	let candidate = name;
	for (let i = 2; used.has(candidate); i++) candidate = `${name}_${i}`;
	return candidate;
}

export interface EncodingGuess {
	encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
	bom: boolean;
	label: string;
}

/** From the first bytes of a file: a BOM wins; valid UTF-8 is UTF-8; anything else is Windows-1252. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true, label: 'UTF-8 (with byte order mark)' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true, label: 'UTF-16 (little-endian)' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true, label: 'UTF-16 (big-endian)' };
	try {
		// stream: true tolerates a character cut in half at the end of the sample.
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return { encoding: 'utf-8', bom: false, label: 'UTF-8' };
	} catch {
		return { encoding: 'windows-1252', bom: false, label: 'Windows-1252 (not UTF-8)' };
	}
}

export function decodeSample(bytes: Uint8Array, guess: EncodingGuess): string {
	return new TextDecoder(guess.encoding).decode(bytes).replace(/^\uFEFF/, '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
	let count = 0;
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === delimiter) count++;
	}
	return count;
}

/** The delimiter that splits the first lines most consistently (ties: the one giving more fields). */
export function sniffDelimiter(sample: string): Delimiter {
	const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
	if (lines.length > 1 && !/[\r\n]$/.test(sample)) lines.pop(); // last line may be cut off
	const head = lines.slice(0, 20);
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = head.map((l) => countOutsideQuotes(l, d));
		if (!counts.length || counts[0] === 0) continue;
		const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
		const score = consistent * 1000 + Math.min(counts[0], 999);
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/** Header cells: trimmed, empty ones named column_N, duplicates numbered. */
export function normaliseHeaders(cells: string[]): string[] {
	const seen = new Map<string, number>();
	return cells.map((cell, i) => {
		let name = (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim() || `column_${i + 1}`;
		const n = seen.get(name.toLowerCase()) ?? 0;
		seen.set(name.toLowerCase(), n + 1);
		if (n > 0) name = `${name}_${n + 1}`;
		return name;
	});
}

// Leading zeros mean a code (0113…, 01234), not a number: keep those as text.
const NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$|^[+-]?\.\d+$/;
const INTEGER = /^[+-]?(?:0|[1-9]\d*)$/;
const BOOLEAN = /^(?:true|false)$/i;

export function fits(value: string, type: ColumnType): boolean {
	const v = value.trim();
	if (v === '') return true;
	switch (type) {
		case 'BOOLEAN':
			return BOOLEAN.test(v);
		case 'INTEGER':
			return INTEGER.test(v) && Math.abs(Number(v)) <= 2_147_483_647;
		case 'DOUBLE':
			return NUMBER.test(v) && Number.isFinite(Number(v));
		default:
			return true;
	}
}

export function inferType(values: string[]): ColumnType {
	const present = values.filter((v) => v.trim() !== '');
	if (!present.length) return 'VARCHAR';
	for (const type of ['BOOLEAN', 'INTEGER', 'DOUBLE'] as const) if (present.every((v) => fits(v, type))) return type;
	return 'VARCHAR';
}

export function convert(value: string, type: ColumnType): string | number | boolean | null {
	if (type === 'VARCHAR') return value;
	const v = value.trim();
	if (v === '') return null;
	if (type === 'BOOLEAN') return v.toLowerCase() === 'true';
	return Number(v);
}
