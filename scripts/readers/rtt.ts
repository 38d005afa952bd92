/**
 * Reader for NHS England's RTT full extract (121 columns, one month per file).
 * Unlike the small readers it loads straight into DuckDB: a month is ~80 MB and
 * 180,000 rows, and DuckDB's CSV reader types, checks and counts it in seconds.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RTT_HEADER, parseRttPeriod } from '../../src/lib/schema/rtt.ts';
import type { SourceFile } from '../lib/source-files.ts';
import { checkStream } from '../lib/stream-check.ts';
import { decodeText } from './text.ts';
import {
	APPEND_CLEAN_SQL,
	DELETE_PROBLEMS_SQL,
	DETAIL_EXISTS_SQL,
	FIX_PERIOD_SQL,
	KEEP_AS_DETAIL_SQL,
	KEEP_CLEAN_AS_DETAIL_SQL,
	LOAD_TABLE,
	PERIODS_SQL,
	appendAcceptedSql,
	cleanCountsSql,
	cleanLoadSql,
	detailViewSql,
	loadSql,
	problemsSql,
	rejectsSql,
	type CleanTarget
} from './rtt-sql.ts';
import { MAX_ISSUES_KEPT, ReadError, type FileSample, type ReadIssue, type SourceReport } from './types.ts';

const decoder = new TextDecoder('utf-8');

/** The header line as fields (a BOM and CR are tolerated; the header has no quoted commas). */
export function headerFields(sample: Uint8Array): string[] {
	const text = decoder.decode(sample.subarray(0, 8192)).replace(/^\uFEFF/, '');
	const line = text.split('\n', 1)[0].replace(/\r$/, '');
	return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

/** The period text of the first row, so the load can label rows with their month as it reads them. */
export function firstRowPeriod(sample: Uint8Array): string {
	const lines = decoder.decode(sample.subarray(0, 8192)).split('\n', 2);
	return (lines[1] ?? '').split(',', 1)[0].replace(/\r$/, '').replace(/^"(.*)"$/, '$1');
}

/** A row of the RTT full extract is about 1 KB; a line this long means a damaged file. */
export const MAX_RTT_LINE_BYTES = 64 * 1024;

/** Also claims an RTT header saved with another separator, so it is refused with a reason rather than ignored. */
export function recogniseRtt(sample: FileSample): boolean {
	const fields = headerFields(sample.bytes);
	return (fields[0] === 'Period' && fields.includes('Treatment Function Code')) || otherSeparator(sample.bytes) !== null;
}

/** The separator of an RTT header that is not comma-separated (`Period¬Provider Parent Org Code¬…`), else null. */
export function otherSeparator(sample: Uint8Array): string | null {
	const line = decoder.decode(sample.subarray(0, 8192)).replace(/^\uFEFF/, '').split('\n', 1)[0];
	const m = /^"?Period"?([^\w \r",])/.exec(line);
	return m && !line.includes(',') && line.includes('Treatment Function Code') ? m[1] : null;
}

/** Exact header check: names every missing, extra or misplaced column. */
export function checkRttHeader(file: string, fields: string[]): void {
	const missing = RTT_HEADER.filter((name) => !fields.includes(name));
	if (missing.length) {
		throw new ReadError(file, 1, missing[0], `the header has no column "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more missing)` : ''}; is this an RTT full extract?`);
	}
	const extra = fields.filter((name) => !RTT_HEADER.includes(name));
	if (extra.length) throw new ReadError(file, 1, extra[0], `unexpected column "${extra[0]}"; the RTT full extract has exactly 121 columns.`);
	const moved = RTT_HEADER.findIndex((name, i) => fields[i] !== name);
	if (moved >= 0 || fields.length !== RTT_HEADER.length) {
		const name = RTT_HEADER[Math.max(moved, 0)];
		throw new ReadError(file, 1, name, `column "${name}" is not where the RTT layout puts it (column ${moved + 1}).`);
	}
}

/** Line in the file of the n-th row DuckDB kept, given the lines its CSV reader rejected. */
export function lineOfRow(rowIndex: number, rejectedLines: number[]): number {
	let line = rowIndex + 1; // header is line 1
	for (const rejected of rejectedLines) {
		if (rejected <= line) line++;
		else break;
	}
	return line;
}

export interface RttReadResult {
	report: SourceReport;
	period: string | null;
	/**
	 * How the rows were loaded: `clean` (all threads, no line numbers needed; into `cleanInto`
	 * when one was given) or `ordered` (one thread, every line named; into `rtt_detail`).
	 */
	load: 'clean' | 'ordered';
}

/**
 * Loads one RTT month into the `rtt_detail` table (created on first use) and reports on every row.
 * `cleanInto`: where a clean month's rows go instead, sorted, with `rtt_detail` a view of them;
 * there must be no `rtt_detail` yet. A month that is not clean still loads into `rtt_detail`.
 */
export async function readRttIntoDuckDB(
	connection: DuckDBConnection,
	source: SourceFile,
	sha256: string,
	sequence: number,
	cleanInto: CleanTarget | null = null
): Promise<RttReadResult> {
	const separator = otherSeparator(source.sample);
	if (separator) {
		throw new ReadError(source.name, 1, null, `the columns are separated by ${separator === '\t' ? 'tabs' : `"${separator}"`}, not commas; the RTT full extract is read only as a comma-separated file.`);
	}
	checkRttHeader(source.name, headerFields(source.sample));
	if (cleanInto && (await detailExists(connection))) throw new Error(`rtt_detail already holds a month: a month loaded into ${cleanInto.table} could not be shown as it`);
	// DuckDB reads a gzip cut short without complaint and takes minutes over a huge line;
	// it also needs UTF-8, so a Windows-1252 file (’ as 0x92) is converted first. An archive's
	// contents are written out for DuckDB as they are checked: its CSV reader splits a plain
	// file between threads, but reads a compressed one on one.
	const temporary = await mkdtemp(join(tmpdir(), 'openwaits-rtt-'));
	try {
		const copy = source.container === 'plain' ? null : join(temporary, 'month.csv');
		const { utf8, ascii } = await checkStream(source, MAX_RTT_LINE_BYTES, copy);
		let path = copy ?? source.path;
		if (!utf8) {
			const text = decodeText(await readFile(path)).text;
			path = join(temporary, 'month-utf8.csv');
			await writeFile(path, text);
		}
		const periodGuess = firstRowPeriod(source.sample);
		const monthGuess = parseRttPeriod(periodGuess);
		const clean = monthGuess ? await loadIfClean(connection, path, ascii, periodGuess, monthGuess, cleanInto) : null;
		if (clean !== null) {
			// Loaded into the target: shown as rtt_detail, without a copy.
			await (cleanInto ? connection.run(detailViewSql(cleanInto)) : keepAccepted(connection, 'clean'));
			const report: SourceReport = { file: source.name, dataset: 'rtt', sha256, bytes: source.bytes, period: monthGuess, rowsRead: clean, rowsAccepted: clean, rowsRejected: 0, issues: [] };
			return { period: monthGuess, report, load: 'clean' };
		}
		const rejectsTable = `rtt_rejects_${sequence}`;
		try {
			await onOneThread(connection, () => connection.run(loadSql(rejectsTable, `rtt_scan_${sequence}`), { path, periodGuess, monthGuess: monthGuess ?? '' }));
		} catch (error) {
			throw new ReadError(source.name, 0, null, `DuckDB could not read the file: ${(error as Error).message.split('\n')[0]}`);
		}
		const rejected = (await connection.runAndReadAll(rejectsSql(rejectsTable))).getRowObjectsJS() as {
			line: bigint; column_name: string | null; error_message: string;
		}[];
		const rejectedLines = [...new Set(rejected.map((r) => Number(r.line)))].sort((a, b) => a - b);
		// DuckDB can report one broken line more than once; the first report says it.
		const firstPerLine = rejected.filter((r, i) => i === 0 || Number(r.line) !== Number(rejected[i - 1].line));
		const issues: ReadIssue[] = firstPerLine.slice(0, MAX_ISSUES_KEPT).map((r) => ({
			file: source.name,
			line: Number(r.line),
			column: r.column_name,
			message: plainCsvError(r.error_message)
		}));

		const periods = (await connection.runAndReadAll(PERIODS_SQL)).getRowObjectsJS() as {
			period_text: string | null; first_row: bigint; rows: bigint;
		}[];
		const loaded = periods.reduce((sum, p) => sum + Number(p.rows), 0);
		if (loaded === 0 && rejectedLines.length === 0) {
			throw new ReadError(source.name, 2, null, 'the file has a header but no rows.');
		}
		if (loaded === 0) {
			const first = issues[0];
			throw new ReadError(source.name, first.line, first.column, `none of the ${rejectedLines.length} rows could be read; the first problem: ${first.message}`);
		}
		const main = periods.find((p) => p.period_text && parseRttPeriod(p.period_text));
		if (!main) {
			const first = periods[0];
			throw new ReadError(source.name, lineOfRow(Number(first?.first_row ?? 1), rejectedLines), 'Period', `unknown period format "${first?.period_text ?? ''}"; expected like RTT-January-2026.`);
		}
		const month = parseRttPeriod(main.period_text!)!;

		await connection.run(
			`CREATE OR REPLACE TEMP TABLE rtt_problems AS ${problemsSql()}`,
			{ period: main.period_text! }
		);
		const problems = (await connection.runAndReadAll('SELECT * FROM rtt_problems ORDER BY row_index')).getRowObjectsJS() as {
			row_index: bigint; column_name: string | null; message: string;
		}[];
		for (const p of problems.slice(0, Math.max(0, MAX_ISSUES_KEPT - issues.length))) {
			issues.push({ file: source.name, line: lineOfRow(Number(p.row_index), rejectedLines), column: p.column_name, message: p.message });
		}
		await connection.run(FIX_PERIOD_SQL, { month, period: main.period_text! });
		await keepAccepted(connection, 'ordered', problems.length > 0);
		const rowsRejected = rejectedLines.length + problems.length;
		return {
			period: month,
			load: 'ordered',
			report: {
				file: source.name,
				dataset: 'rtt',
				sha256,
				bytes: source.bytes,
				period: month,
				rowsRead: loaded + rejectedLines.length,
				rowsAccepted: loaded - problems.length,
				rowsRejected,
				issues
			}
		};
	} finally {
		await connection.run(`DROP TABLE IF EXISTS ${LOAD_TABLE}`);
		await rm(temporary, { recursive: true, force: true });
	}
}

/**
 * The fast path: most months are clean, and then no line number is ever needed, so DuckDB
 * loads the file on all its threads in any order (`cleanLoadSql`). Returns the number of
 * rows, or null when the file is not clean (any row problem, CSV error or duplicate):
 * that load is thrown away and the ordered load names every problem's line and column.
 */
async function loadIfClean(
	connection: DuckDBConnection,
	path: string,
	ascii: boolean,
	periodGuess: string,
	monthGuess: string,
	target: CleanTarget | null
): Promise<number | null> {
	const load = () => connection.run(cleanLoadSql(ascii, target), { path, periodGuess, monthGuess });
	try {
		// A sorted target keeps insertion order: that is the sort, as stored. The CSV itself is
		// still read on every thread in any order, since the sort makes its order irrelevant.
		await (target ? load() : withSettings(connection, { preserve_insertion_order: 'false' }, load));
		const [{ rows, repeated }] = (await connection.runAndReadAll(cleanCountsSql(target?.table))).getRowObjectsJS() as { rows: bigint; repeated: bigint }[];
		if (rows > 0n && repeated === 0n) return Number(rows);
	} catch {
		// Not clean (or not readable): the ordered load below finds out which, and where.
	}
	await connection.run(`DROP TABLE IF EXISTS ${target?.table ?? LOAD_TABLE}`);
	return null;
}

/**
 * Runs `work` with DuckDB on one thread, then gives back the threads it had. Loading in file
 * order on two threads costs over twice the CPU (each thread's rows are merged back into
 * order), and on a 2-core machine shared with other work one thread finished sooner.
 */
function onOneThread<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
	return withSettings(connection, { threads: '1' }, work);
}

/** Runs `work` with DuckDB settings changed (they are the instance's, not the connection's), then puts them back. */
async function withSettings<T>(connection: DuckDBConnection, settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
	const names = Object.keys(settings);
	const [before] = (await connection.runAndReadAll(`SELECT ${names.map((n) => `current_setting('${n}')::VARCHAR AS ${n}`).join(', ')}`)).getRowObjectsJS() as Record<string, string>[];
	for (const name of names) await connection.run(`SET ${name} = ${settings[name]}`);
	try {
		return await work();
	} finally {
		for (const name of names) await connection.run(`SET ${name} = ${before[name]}`);
	}
}

/**
 * The accepted rows into `rtt_detail`: the load table becomes it when it is the first month, else
 * they are appended. The clean load's table is already `rtt_detail`'s shape, every row accepted.
 */
async function keepAccepted(connection: DuckDBConnection, load: RttReadResult['load'], anyProblems = false): Promise<void> {
	if (await detailExists(connection)) {
		await connection.run(load === 'clean' ? APPEND_CLEAN_SQL : appendAcceptedSql());
		return;
	}
	if (anyProblems) await connection.run(DELETE_PROBLEMS_SQL);
	for (const sql of load === 'clean' ? KEEP_CLEAN_AS_DETAIL_SQL : KEEP_AS_DETAIL_SQL) await connection.run(sql);
}

async function detailExists(connection: DuckDBConnection): Promise<boolean> {
	const [{ n }] = (await connection.runAndReadAll(DETAIL_EXISTS_SQL)).getRowObjectsJS() as { n: number }[];
	return n > 0;
}

/** DuckDB's CSV messages are long and technical; keep the part a person can act on. */
export function plainCsvError(message: string): string {
	const first = message.split('\n')[0];
	if (/Could not convert string/i.test(first)) {
		const value = /Could not convert string "([^"]*)"/i.exec(first)?.[1] ?? /string .([^'"]*). to/i.exec(first)?.[1] ?? "";
		return `"${value}" is not a whole number; counts must be whole numbers.`;
	}
	if (/Expected Number of Columns/i.test(first)) return `this row has the wrong number of fields (${first.replace(/.*Expected/i, 'expected')}).`;
	if (/Maximum line size/i.test(first)) return 'this line is far too long to be a row of the RTT file.';
	return first;
}
