import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RTT_BAND_COUNT, RTT_HEADER } from '../../src/lib/schema/rtt.ts';
import type { SourceFile } from '../lib/source-files.ts';
import { checkRttHeader, lineOfRow, plainCsvError, readRttIntoDuckDB, recogniseRtt } from './rtt.ts';
import { loadSql, type CleanTarget } from './rtt-sql.ts';
import { ReadError } from './types.ts';

/** A row in the published layout: bands given as a sparse map {week: count}. */
function row(o: { period?: string; provider?: string; commissioner?: string; part?: string; treatment?: string; bands?: Record<number, number | string>; total?: string; unknown?: string; totalAll?: string }): string {
	const part = o.part ?? 'Part_2';
	const bands = Array.from({ length: RTT_BAND_COUNT }, (_, k) => String(o.bands?.[k] ?? 0));
	const sum = Object.values(o.bands ?? {}).reduce<number>((a, b) => a + Number(b), 0);
	const completed = part === 'Part_1A' || part === 'Part_1B';
	return [
		o.period ?? 'RTT-January-2026', 'Q1', 'ICB ONE', o.provider ?? 'RZZ', 'ZED HOSPITALS NHS TRUST', '', '', o.commissioner ?? '00A', 'COMMISSIONER A',
		part, 'Incomplete Pathways', o.treatment ?? 'C_110', 'Trauma and Orthopaedic Service', ...bands,
		o.total ?? (completed ? String(sum) : ''), o.unknown ?? (completed ? '0' : ''), o.totalAll ?? String(sum)
	].join(',');
}

const header = RTT_HEADER.join(',');
let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let sequence = 0;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rtt-spec-'));
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
});
afterAll(() => {
	connection.closeSync();
	instance.closeSync();
});

async function read(lines: string[], name = `case${sequence}.csv`, keepDetail = false, cleanInto: CleanTarget | null = null) {
	const path = join(dir, name);
	const text = lines.join('\n') + '\n';
	writeFileSync(path, text);
	if (!keepDetail) await connection.run('DROP TABLE IF EXISTS rtt_detail');
	const source: SourceFile = { path, name, container: 'plain', entry: null, bytes: text.length, sample: new TextEncoder().encode(text.slice(0, 65536)) };
	return readRttIntoDuckDB(connection, source, 'sha', sequence++, cleanInto);
}

describe('RTT header', () => {
	it('recognises the published header, with or without a BOM', () => {
		const bytes = new TextEncoder().encode(`\ufeff${header}\n`);
		expect(recogniseRtt({ name: 'x', bytes })).toBe(true);
		expect(recogniseRtt({ name: 'x', bytes: new TextEncoder().encode('Period,Org Code,Parent Org\n') })).toBe(false);
	});
	const cases: [string, string[], string][] = [
		['a missing column', RTT_HEADER.filter((h) => h !== 'Total All'), 'Total All'],
		['a renamed column', RTT_HEADER.map((h) => (h === 'Gt 10 To 11 Weeks SUM 1' ? 'Gt 10-11 Weeks' : h)), 'Gt 10 To 11 Weeks SUM 1'],
		['an extra column', [...RTT_HEADER, 'Notes'], 'Notes'],
		['columns in another order', [RTT_HEADER[1], RTT_HEADER[0], ...RTT_HEADER.slice(2)], 'Period']
	];
	for (const [what, fields, column] of cases) {
		it(`names the column for ${what}`, () => {
			try {
				checkRttHeader('f.csv', fields);
				expect.unreachable();
			} catch (error) {
				expect(error).toBeInstanceOf(ReadError);
				expect((error as ReadError).column).toBe(column);
				expect((error as ReadError).message).toMatch(/^f\.csv, line 1, column/);
			}
		});
	}
});

describe('readRttIntoDuckDB', () => {
	it('accepts good rows and counts every row', async () => {
		const { report, period, load } = await read([header, row({ bands: { 0: 3, 20: 2 } }), row({ commissioner: '00B', bands: { 1: 1 } }), row({ part: 'Part_1A', bands: { 5: 4 } })]);
		expect(period).toBe('2026-01');
		expect(load).toBe('clean');
		expect(report).toMatchObject({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, period: '2026-01', dataset: 'rtt' });
		const sum = await connection.runAndReadAll('SELECT sum(total_all)::INTEGER AS n, sum(band_020)::INTEGER AS b FROM rtt_detail');
		expect(sum.getRowObjectsJS()).toEqual([{ n: 10, b: 2 }]);
	});

	const bad: [string, string[], { line: number; column: string | null; message: RegExp }][] = [
		['text in a count column', [row({}), row({ commissioner: '00B', bands: { 3: 'lots' } })], { line: 3, column: 'Gt 03 To 04 Weeks SUM 1', message: /"lots" is not a whole number/ }],
		['a negative count', [row({ bands: { 2: -1 } })], { line: 2, column: 'Gt 02 To 03 Weeks SUM 1', message: /cannot be negative/ }],
		['bands that do not add up to Total All', [row({ bands: { 1: 5 }, totalAll: '7' })], { line: 2, column: 'Total All', message: /add up to 5 but Total All is 7/ }],
		['completed pathways whose Total is wrong', [row({ part: 'Part_1B', bands: { 1: 5 }, total: '6', totalAll: '6' })], { line: 2, column: 'Total', message: /add up to 5 but Total is 6/ }],
		['a duplicate row', [row({ bands: { 1: 5 } }), row({ bands: { 1: 5 } })], { line: 3, column: null, message: /duplicate/ }],
		['a second period', [row({ bands: { 1: 5 } }), row({ commissioner: '00B' }), row({ commissioner: '00C', period: 'RTT-February-2026' })], { line: 4, column: 'Period', message: /one file must hold one month/ }],
		['an unknown part', [row({ part: 'Part_9' })], { line: 2, column: 'RTT Part Type', message: /unknown RTT part/ }],
		['too few fields', [row({}), 'RTT-January-2026,Q1,ICB'], { line: 3, column: null, message: /wrong number of fields|columns/i }]
	];
	for (const [what, rows, expected] of bad) {
		it(`rejects ${what}, naming line and column, and still counts every row`, async () => {
			const { report, load } = await read([header, ...rows]);
			// A problem sends the file to the ordered load, which names its line.
			expect(load).toBe('ordered');
			expect(report.rowsRead).toBe(rows.length);
			expect(report.rowsAccepted + report.rowsRejected).toBe(report.rowsRead);
			expect(report.rowsRejected).toBe(1);
			expect(report.issues[0]).toMatchObject({ line: expected.line });
			if (expected.column !== null) expect(report.issues[0].column).toBe(expected.column);
			expect(report.issues[0].message).toMatch(expected.message);
		});
	}

	it('refuses a file with a header and no rows', async () => {
		await expect(read([header])).rejects.toThrow(/header but no rows/);
	});
	it('refuses an unknown period format, naming the line', async () => {
		await expect(read([header, row({ period: 'January 2026' })])).rejects.toThrow(/line 2, column "Period": unknown period format/);
	});
	const detail = async () => (await connection.runAndReadAll('SELECT period, provider_code, commissioner_code, total_all FROM rtt_detail ORDER BY period, commissioner_code')).getRowObjectsJS();
	it('keeps only the accepted rows, with their month, whether rtt_detail is new or already holds a month', async () => {
		await read([header, row({ commissioner: '00A', bands: { 1: 2 } }), row({ commissioner: '00B', bands: { 2: -1 } })]);
		await read([header, row({ period: 'RTT-February-2026', commissioner: '00C', bands: { 1: 3 } }), row({ period: 'RTT-February-2026', commissioner: '00D', bands: { 1: 5 }, totalAll: '4' })], undefined, true);
		expect(await detail()).toEqual([
			{ period: '2026-01', provider_code: 'RZZ', commissioner_code: '00A', total_all: 2 },
			{ period: '2026-02', provider_code: 'RZZ', commissioner_code: '00C', total_all: 3 }
		]);
	});
	it('gives every row the file\'s month when the first row is of another month', async () => {
		const { report } = await read([header, row({ period: 'RTT-March-2026', commissioner: '00A' }), row({ commissioner: '00B', bands: { 1: 1 } }), row({ commissioner: '00C', bands: { 1: 1 } })]);
		expect(report).toMatchObject({ period: '2026-01', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ line: 2, column: 'Period' });
		expect((await detail()).map((r) => r.period)).toEqual(['2026-01', '2026-01']);
	});
	const keyCases: [string, string, string, number][] = [
		['the same padded code twice', ' RZZ', ' RZZ', 1],
		['a code with and without padding (as published, not the same key)', ' RZZ', 'RZZ', 0]
	];
	for (const [what, first, second, duplicates] of keyCases) {
		it(`judges duplicates on the keys as published: ${what}`, async () => {
			const { report } = await read([header, row({ provider: first, bands: { 1: 1 } }), row({ provider: second, bands: { 1: 1 } })]);
			expect(report.rowsRejected).toBe(duplicates);
			expect((await detail()).map((r) => r.provider_code)).toEqual(duplicates ? ['RZZ'] : ['RZZ', 'RZZ']);
		});
	}
	it('keeps the first of three identical rows and rejects the later two, naming their lines', async () => {
		const same = row({ bands: { 1: 1 } });
		const { report } = await read([header, same, row({ commissioner: '00B' }), same, same]);
		expect(report).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
		expect(report.issues.map((i) => i.line)).toEqual([4, 5]);
	});
	it('loads without a join, so the load table keeps the file\'s row order (its rowid gives every line number)', async () => {
		// A join reorders rows when DuckDB reads a big file on several threads; small test files never show it.
		const path = join(dir, 'plan.csv');
		writeFileSync(path, `${header}\n${row({})}\n`);
		const plan = await connection.runAndReadAll(`EXPLAIN ${loadSql('plan_rejects', 'plan_scan')}`, { path, periodGuess: '', monthGuess: '' });
		const text = plan.getRows().map((r) => String(r[1])).join('\n');
		expect(text).toMatch(/READ_CSV/);
		expect(text).not.toMatch(/JOIN/);
	});
	it('reads CRLF files', async () => {
		const { report } = await read([`${header}\r`, `${row({ bands: { 1: 2 } })}\r`]);
		expect(report).toMatchObject({ rowsRead: 1, rowsAccepted: 1 });
	});
});

describe('the clean load (all threads, no line numbers)', () => {
	const rows = [
		row({ bands: { 0: 3, 104: 2 } }),
		row({ commissioner: '00B', part: 'Part_2A', bands: { 7: 1 } }),
		row({ commissioner: '00C', part: 'Part_1A', bands: { 5: 4 }, unknown: '2', totalAll: '6' }),
		row({ commissioner: '00D', part: 'Part_1B', bands: { 1: 1 } }),
		// Empty band cells: none on a banded part, no band at all on Part_3.
		row({ commissioner: '00E', bands: { 2: 5 } }).replace(/,0,0,0,/, ',,,,'),
		[...row({ commissioner: '00F', part: 'Part_3' }).split(',').slice(0, 13), ...Array(RTT_BAND_COUNT).fill(''), '', '', '9'].join(',')
	];
	const detailOf = async () => (await connection.runAndReadAll('SELECT * FROM rtt_detail ORDER BY commissioner_code')).getRowObjectsJS();
	const typesOf = async () => (await connection.runAndReadAll("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'rtt_detail' ORDER BY column_index")).getRowObjectsJS();
	const settings = async () => (await connection.runAndReadAll("SELECT current_setting('threads') AS t, current_setting('preserve_insertion_order') AS p")).getRowObjectsJS();

	it('makes exactly the rtt_detail the ordered load makes, types included, and gives back DuckDB\'s settings', async () => {
		const before = await settings();
		const { report, load } = await read([header, ...rows]);
		expect({ load, rowsRead: report.rowsRead, rowsAccepted: report.rowsAccepted, issues: report.issues }).toEqual({ load: 'clean', rowsRead: rows.length, rowsAccepted: rows.length, issues: [] });
		expect(await settings()).toEqual(before);
		const clean = { rows: await detailOf(), types: await typesOf() };
		// The same file through the ordered load: the padded period of the first row sends it there.
		const ordered = await read([header, ` ${rows[0]}`.replace(' RTT-January-2026', 'RTT-January-2026 '), ...rows.slice(1)]);
		expect(ordered.load).toBe('ordered');
		expect(ordered.report.rowsAccepted).toBe(rows.length - 1);
		const orderedRows = await detailOf();
		expect(orderedRows).toEqual(clean.rows.slice(1));
		expect(await typesOf()).toEqual(clean.types);
		expect(clean.rows.find((r) => r.commissioner_code === '00E')).toMatchObject({ band_000: 0, band_002: 5, total_all: 5 });
		expect(clean.rows.find((r) => r.commissioner_code === '00F')).toMatchObject({ band_000: null, total: null, total_all: 9 });
	});

	const orderedCases: [string, string[], { rowsAccepted: number; issues: { line: number; column: string | null; message: RegExp }[] }][] = [
		// Not a problem at all, but the clean load does not trim an ASCII file: it leaves it to the ordered load.
		['a padded provider name', [row({ bands: { 1: 1 } }).replace('ZED HOSPITALS NHS TRUST', ' ZED HOSPITALS NHS TRUST ')], { rowsAccepted: 1, issues: [] }],
		['a count beyond a 32-bit integer', [row({ bands: { 1: 1 } }), row({ commissioner: '00B', bands: { 1: 3_000_000_000 } })], { rowsAccepted: 1, issues: [{ line: 3, column: 'Gt 01 To 02 Weeks SUM 1', message: /cannot be above 2,147,483,647/ }] }],
		['bands whose sum is beyond a 32-bit integer', [row({ bands: { 1: 2_000_000_000, 2: 2_000_000_000 } })], { rowsAccepted: 0, issues: [{ line: 2, column: 'Total All', message: /cannot be above/ }] }],
		['a duplicate row after a good one', [row({ bands: { 1: 1 } }), row({ commissioner: '00B' }), row({ bands: { 1: 1 } })], { rowsAccepted: 2, issues: [{ line: 4, column: null, message: /duplicate/ }] }]
	];
	for (const [what, lines, expected] of orderedCases) {
		it(`goes the ordered way for ${what}, with the issues the ordered load names`, async () => {
			const { report, load } = await read([header, ...lines]);
			expect(load).toBe('ordered');
			expect(report.rowsRead).toBe(lines.length);
			expect(report.rowsAccepted).toBe(expected.rowsAccepted);
			expect(report.issues.map((i) => ({ line: i.line, column: i.column }))).toEqual(expected.issues.map((i) => ({ line: i.line, column: i.column })));
			expected.issues.forEach((issue, k) => expect(report.issues[k].message).toMatch(issue.message));
		});
	}

	it('trims a non-ASCII file\'s keys as the ordered load does (a no-break space is trimmed)', async () => {
		const { report, load } = await read([header, row({ bands: { 1: 1 } }).replace('ZED HOSPITALS NHS TRUST', 'ZED HOSPITALS NHS TRUST\u00a0'), row({ commissioner: '00B', bands: { 1: 1 } }).replace('COMMISSIONER A', 'COMMISSIONER É')]);
		expect({ load, rowsAccepted: report.rowsAccepted }).toEqual({ load: 'clean', rowsAccepted: 2 });
		const names = (await connection.runAndReadAll('SELECT DISTINCT provider_name FROM rtt_detail')).getRowObjectsJS();
		expect(names).toEqual([{ provider_name: 'ZED HOSPITALS NHS TRUST' }]);
	});
	it('goes the ordered way when trimming changes a key of a non-ASCII file (duplicates are judged on keys as published)', async () => {
		const { report, load } = await read([header, row({ provider: 'RZZ\u00a0', bands: { 1: 1 } }), row({ provider: 'RZZ', bands: { 1: 1 } })]);
		expect({ load, rowsAccepted: report.rowsAccepted, rowsRejected: report.rowsRejected }).toEqual({ load: 'ordered', rowsAccepted: 2, rowsRejected: 0 });
	});
	it('appends a clean month to rtt_detail when it already holds one', async () => {
		await read([header, row({ commissioner: '00A', bands: { 1: 2 } })]);
		const second = await read([header, row({ period: 'RTT-February-2026', commissioner: '00C', bands: { 1: 3 } })], undefined, true);
		expect(second.load).toBe('clean');
		const months = (await connection.runAndReadAll('SELECT period, commissioner_code, total_all FROM rtt_detail ORDER BY period')).getRowObjectsJS();
		expect(months).toEqual([{ period: '2026-01', commissioner_code: '00A', total_all: 2 }, { period: '2026-02', commissioner_code: '00C', total_all: 3 }]);
	});
});

describe('a clean month loaded into a target (the build\'s month detail file)', () => {
	const target: CleanTarget = { table: 'detail_file.rtt_detail', orderBy: 'provider_code, commissioner_code, part, treatment_code' };
	// Out of the target's order on every key, so only a sorted load stores them sorted.
	const rows = [
		row({ provider: 'RZZ', commissioner: '00B', bands: { 1: 1 } }),
		row({ provider: 'RAA', commissioner: '00B', part: 'Part_2A', bands: { 2: 2 } }),
		row({ provider: 'RAA', commissioner: '00B', bands: { 3: 3 } }),
		row({ provider: 'RAA', commissioner: '00A', treatment: 'C_999', bands: { 4: 4 } }),
		row({ provider: 'RAA', commissioner: '00A', bands: { 5: 5 } })
	];
	const stored = async (table: string) => (await connection.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJS();
	const kindOfDetail = async () => (await connection.runAndReadAll("SELECT table_type FROM information_schema.tables WHERE table_catalog = current_database() AND table_name = 'rtt_detail'")).getRows().flat();
	const inTarget = async () => (await connection.runAndReadAll("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE database_name = 'detail_file'")).getRows()[0][0];
	/** Reads `lines` with the target attached; what the target holds and what rtt_detail is, after. */
	async function readInto(lines: string[], keepDetail = false) {
		await connection.run(`ATTACH ':memory:' AS detail_file`);
		try {
			const result = await read([header, ...lines], undefined, keepDetail, target);
			return { ...result, kind: await kindOfDetail(), tables: await inTarget(), rows: await stored('rtt_detail') };
		} finally {
			const kind = await kindOfDetail();
			if (kind[0] === 'VIEW') await connection.run('DROP VIEW rtt_detail');
			await connection.run('DETACH detail_file');
		}
	}

	it('stores the rows the ordinary load keeps, sorted by the target\'s order, and shows them as rtt_detail', async () => {
		await read([header, ...rows]);
		const ordinary = await stored('rtt_detail ORDER BY provider_code, commissioner_code, part, treatment_code');
		await connection.run('DROP TABLE rtt_detail');
		const into = await readInto(rows);
		expect({ load: into.load, kind: into.kind, tables: into.tables, rowsRead: into.report.rowsRead, rowsAccepted: into.report.rowsAccepted }).toEqual({ load: 'clean', kind: ['VIEW'], tables: 1, rowsRead: 5, rowsAccepted: 5 });
		// In the view's own order: the target's storage order.
		expect(into.rows).toEqual(ordinary);
	});
	it('leaves nothing in the target when the month is not clean, and loads it the ordered way', async () => {
		const into = await readInto([...rows, rows[0]]);
		expect({ load: into.load, kind: into.kind, tables: into.tables, rowsAccepted: into.report.rowsAccepted }).toEqual({ load: 'ordered', kind: ['BASE TABLE'], tables: 0, rowsAccepted: 5 });
		expect(into.report.issues[0]).toMatchObject({ line: 7, column: null });
	});
	it('refuses, before reading, when rtt_detail already holds a month', async () => {
		await read([header, rows[0]]);
		await expect(readInto(rows, true)).rejects.toThrow(/rtt_detail already holds a month/);
		expect(await stored('rtt_detail')).toHaveLength(1);
	});
});

describe('lineOfRow', () => {
	const cases: [number, number[], number][] = [
		[1, [], 2],
		[3, [], 4],
		[1, [2], 3],
		[2, [2], 4],
		[2, [5], 3],
		[3, [2, 3], 6]
	];
	for (const [rowIndex, rejected, line] of cases) {
		it(`row ${rowIndex} with CSV rejects on ${JSON.stringify(rejected)} is line ${line}`, () => expect(lineOfRow(rowIndex, rejected)).toBe(line));
	}
});

describe('plainCsvError', () => {
	it('turns a cast error into a sentence', () => {
		expect(plainCsvError('Error when converting column "x". Could not convert string "abc" to \'BIGINT\'')).toBe('"abc" is not a whole number; counts must be whole numbers.');
	});
});
