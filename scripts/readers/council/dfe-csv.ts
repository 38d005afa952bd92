/**
 * What every DfE Explore Education Statistics CSV shares: a header naming its
 * columns (the order differs between files, so columns are found by name), one row
 * per geography × year at `geographic_level` National, Regional or Local authority,
 * DfE's 3-digit `old_la_code` beside the ONS `new_la_code`, and the suppression
 * codes of the Government Statistical Service (c, x, u, z, :, low) in number cells.
 */
import type { CouncilType } from '../../../src/lib/schema/council.ts';
import { COUNCIL_TYPE_OF_PREFIX } from '../../../src/lib/schema/council.ts';
import { firstLine, readRecords, ReportBuilder, type CsvRecord } from '../text.ts';
import { ReadError, type DatasetId } from '../types.ts';
import type { CouncilFact } from './types.ts';

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;

/**
 * GSS symbols: c confidential, x not available, u low reliability, z not applicable,
 * ':' not available (Defra), '[x]' (NHS Digital), 'low' rounds to 0 but is not 0.
 * Every one means "no figure we may use": never 0.
 */
export const SUPPRESSION_CODES = new Set(['c', 'x', 'u', 'z', ':', '[x]', 'low']);

export type DfeNumber = { kind: 'number'; value: number } | { kind: 'suppressed' } | { kind: 'error'; message: string };

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative figure (a count or an FTE), a suppression code, or why it is neither. */
export function dfeNumber(raw: string | undefined, max = Number.MAX_SAFE_INTEGER): DfeNumber {
	const s = (raw ?? '').trim();
	if (SUPPRESSION_CODES.has(s.toLowerCase())) return { kind: 'suppressed' };
	if (s === '') return { kind: 'error', message: 'is empty; expected a number or a suppression code (c, x, u, z, low).' };
	if (!DECIMAL.test(s)) return { kind: 'error', message: `"${s}" is not a number or a suppression code (c, x, u, z, low).` };
	const value = Number(s);
	if (value > max) return { kind: 'error', message: `${s} is more than ${max}.` };
	return { kind: 'number', value };
}

/** The DfE's levels; anything else (a new level in a future file) is a rejected row, not a guess. */
export type DfeLevel = 'National' | 'Regional' | 'Local authority';
const LEVELS = new Set<string>(['National', 'Regional', 'Local authority']);

export const GEOGRAPHY_COLUMNS = ['time_period', 'time_identifier', 'geographic_level', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'] as const;

/** Inner and Outer London (E13) are statistical groupings inside the London region (E12000007). */
const LONDON = { region: 'E12000007', regionName: 'London' };

const UPPER_TIER = /^E(06|08|09|10)\d{6}$/;

/** Councils that run one children's service together are published on one row: "E06000061 / E06000062". */
export const JOINT_SEPARATOR = '+';

/** One parsed DfE row's geography. `code` is E92000001 for England, null for a region. */
export interface DfeGeography {
	line: number;
	year: string;
	level: DfeLevel;
	code: string | null;
	name: string;
	fact: CouncilFact | null;
}

export interface DfeTable {
	report: ReportBuilder;
	/** Column index by header name. */
	column: (name: string) => number;
	rows: CsvRecord[];
}

/** True when the first line holds every one of `columns` (the file's signature) and the DfE geography columns. */
export function hasDfeHeader(bytes: Uint8Array, columns: readonly string[]): boolean {
	const header = new Set(firstLine(bytes).split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
	return [...GEOGRAPHY_COLUMNS, ...columns].every((c) => header.has(c));
}

/** Split the file and index its header; a missing column stops the file with its name. */
export function readDfeTable(name: string, bytes: Uint8Array, dataset: DatasetId, columns: readonly string[]): DfeTable {
	const { records } = readRecords(name, bytes, { separator: ',' });
	const [header, ...rows] = records;
	const names = header.fields.map((f) => f.trim());
	for (const wanted of [...GEOGRAPHY_COLUMNS, ...columns]) {
		if (!names.includes(wanted)) throw new ReadError(name, header.line, wanted, `the header has no column "${wanted}"; is this the DfE file it looks like?`);
	}
	// A duplicated name would make "by name" ambiguous.
	const seen = new Set<string>();
	for (const n of names) {
		if (seen.has(n) && n !== '') throw new ReadError(name, header.line, n, `the header names "${n}" twice; columns are read by name.`);
		seen.add(n);
	}
	return { report: new ReportBuilder(name, dataset, bytes), column: (c) => names.indexOf(c), rows };
}

const YEAR = /^\d{4}$/;

/**
 * The row's year and place, or a rejection (already counted) and null.
 * Regional rows are checked but carry no council: the site compares councils and England only.
 */
export function dfeGeography(table: DfeTable, record: CsvRecord): DfeGeography | null {
	const get = (c: string) => (record.fields[table.column(c)] ?? '').trim();
	const reject = (column: string | null, message: string) => {
		table.report.reject(record.line, column, message);
		return null;
	};
	const year = get('time_period');
	if (!YEAR.test(year)) return reject('time_period', `"${year}" is not a reporting year like 2025.`);
	const level = get('geographic_level');
	if (!LEVELS.has(level)) return reject('geographic_level', `"${level}" is not National, Regional or Local authority.`);
	if (level === 'National') return { line: record.line, year, level: 'National', code: ENGLAND.code, name: ENGLAND.name, fact: null };
	if (level === 'Regional') return { line: record.line, year, level: 'Regional', code: null, name: get('region_name'), fact: null };

	const codes = get('new_la_code').split('/').map((c) => c.trim());
	const bad = codes.find((c) => !UPPER_TIER.test(c));
	if (bad !== undefined) return reject('new_la_code', `"${bad}" is not an upper-tier council code (E06, E08, E09 or E10 and 6 digits).`);
	const name = get('la_name');
	if (name === '') return reject('la_name', 'is empty; every council row needs its name.');
	const code = codes.join(JOINT_SEPARATOR);
	const type: CouncilType = COUNCIL_TYPE_OF_PREFIX[codes[0].slice(0, 3)];
	const regionCode = get('region_code');
	const london = regionCode.startsWith('E13');
	const fact: CouncilFact = {
		code,
		name,
		type,
		...(get('old_la_code') ? { dfeCode: get('old_la_code') } : {}),
		...(regionCode ? { region: london ? LONDON.region : regionCode, regionName: london ? LONDON.regionName : get('region_name') } : {})
	};
	return { line: record.line, year, level: 'Local authority', code, name, fact };
}

/** One fact per code; DfE files list the newest year first, so the first row read (the newest name) is kept. */
export function uniqueFacts(facts: CouncilFact[]): CouncilFact[] {
	const byCode = new Map<string, CouncilFact>();
	for (const f of facts) if (!byCode.has(f.code)) byCode.set(f.code, f);
	return [...byCode.values()];
}

/** The published figure's own precision: a tolerance of half its last digit, at least 0.1 points as promised. */
export function publishedDecimals(raw: string): number {
	const dot = raw.trim().indexOf('.');
	return dot < 0 ? 0 : raw.trim().length - dot - 1;
}
