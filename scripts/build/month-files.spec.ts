import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { createMonthTables, FIXTURE_PERIODS } from './month-tables.fixture.ts';
import { monthTableName, unionTable, writeMonthFiles } from './month-files.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;
const written: TableDescription[] = [];

const filesUnder = (root: string): string[] =>
	readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
	await createMonthTables(connection);
	dir = mkdtempSync(join(tmpdir(), 'month-files-'));
	for (const period of FIXTURE_PERIODS) written.push(...(await writeMonthFiles(connection, dir, period)));
});

afterAll(() => instance?.closeSync());

/** Opens a written .duckdb.gz in the build's DuckDB, as the browser will. */
async function rowsOf(table: TableDescription, sql: (t: string) => string): Promise<Record<string, unknown>[]> {
	const file = join(mkdtempSync(join(tmpdir(), 'month-read-')), 'table.duckdb');
	writeFileSync(file, gunzipSync(readFileSync(join(dir, table.path))));
	await connection.run(`ATTACH '${file}' AS readback (READ_ONLY)`);
	try {
		return (await connection.runAndReadAll(sql(`readback.${table.innerTable}`))).getRowObjectsJS();
	} finally {
		await connection.run('DETACH readback');
	}
}

describe('writeMonthFiles', () => {
	it('writes each month under months/<YYYY-MM>/ and its Parquet, nothing else', () => {
		expect(filesUnder(dir)).toEqual([
			'months/2026-01/rtt_detail.duckdb.gz', 'months/2026-01/rtt_summary.duckdb.gz',
			'months/2026-02/rtt_detail.duckdb.gz', 'months/2026-02/rtt_summary.duckdb.gz',
			'parquet/rtt_detail_2026_01.parquet', 'parquet/rtt_detail_2026_02.parquet',
			'parquet/rtt_summary_2026_01.parquet', 'parquet/rtt_summary_2026_02.parquet'
		]);
		expect(written.map((t) => [t.name, t.format, t.innerTable, t.path, t.lazy])).toEqual([
			['rtt_summary_2026_01', 'duckdb', 'rtt_summary', 'months/2026-01/rtt_summary.duckdb.gz', true],
			['rtt_detail_2026_01', 'duckdb', 'rtt_detail', 'months/2026-01/rtt_detail.duckdb.gz', true],
			['rtt_summary_2026_02', 'duckdb', 'rtt_summary', 'months/2026-02/rtt_summary.duckdb.gz', true],
			['rtt_detail_2026_02', 'duckdb', 'rtt_detail', 'months/2026-02/rtt_detail.duckdb.gz', true]
		]);
		for (const t of written) expect(readFileSync(join(dir, t.path)).length).toBe(t.bytes);
	});

	it('holds exactly that month’s rows, in the order the site has always used', async () => {
		for (const table of written) {
			const period = table.path.split('/')[1];
			const source = table.innerTable!;
			const compare = (t: string) => `SELECT count(*)::INTEGER AS n FROM (FROM ${t} EXCEPT ALL FROM ${source} WHERE period = '${period}')`;
			expect(await rowsOf(table, compare)).toEqual([{ n: 0 }]);
			const [{ n }] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${source} WHERE period = '${period}'`)).getRowObjectsJS();
			expect(table.rows).toBe(n);
			const keys = source === 'rtt_detail' ? ['provider_code', 'commissioner_code', 'part', 'treatment_code'] : ['period', 'part', 'provider_code', 'treatment_code'];
			const rows = await rowsOf(table, (t) => `SELECT ${keys.join(', ')} FROM ${t}`);
			const key = (r: Record<string, unknown>) => keys.map((k) => String(r[k])).join('\u0000');
			const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
			expect(rows.map(key)).toEqual(sorted.map(key));
		}
	});

	it('describes columns with the types DuckDB holds', () => {
		const detail = written.find((t) => t.name === 'rtt_detail_2026_01')!;
		expect(detail.columns.map((c) => [c.name, c.type])).toEqual([
			['period', 'VARCHAR'], ['provider_code', 'VARCHAR'], ['commissioner_code', 'VARCHAR'], ['commissioner_name', 'VARCHAR'],
			['part', 'VARCHAR'], ['treatment_code', 'VARCHAR'], ['total_all', 'INTEGER'], ['band_000', 'INTEGER']
		]);
		const summary = written.find((t) => t.name === 'rtt_summary_2026_01')!;
		expect(summary.columns.find((c) => c.name === 'median_weeks')).toMatchObject({ type: 'DOUBLE', description: expect.stringContaining('Median') });
	});

	it('refuses a month that is not YYYY-MM', async () => {
		await expect(writeMonthFiles(connection, dir, "2026-01'; DROP TABLE rtt_detail; --")).rejects.toThrow('Not a month');
		expect(existsSync(join(dir, 'months'))).toBe(true);
	});

	it('names month tables by month', () => {
		expect(monthTableName('rtt_summary', '2026-04')).toBe('rtt_summary_2026_04');
	});
});

describe('unionTable', () => {
	it('adds up rows and bytes over its parts and lists them in order', () => {
		const parts = written.filter((t) => t.innerTable === 'rtt_summary');
		const union = unionTable('rtt_summary', parts, { title: 'All months', description: 'every month' });
		expect(union).toMatchObject({ name: 'rtt_summary', format: 'union', parts: ['rtt_summary_2026_01', 'rtt_summary_2026_02'], parquet: null, path: '', lazy: true });
		expect(unionTable('rtt_summary', parts, { title: '', description: '' }, 'parquet/rtt_summary.parquet').parquet).toBe('parquet/rtt_summary.parquet');
		expect(union.rows).toBe(parts[0].rows + parts[1].rows);
		expect(union.bytes).toBe(parts[0].bytes + parts[1].bytes);
		expect(union.columns).toEqual(parts[0].columns);
	});

	const cases: [string, () => TableDescription[], string][] = [
		['no parts', () => [], 'at least one part'],
		['parts with other columns', () => [written[0], written[1]], 'has columns']
	];
	it.each(cases)('refuses %s', (_, parts, message) => {
		expect(() => unionTable('rtt_summary', parts(), { title: '', description: '' })).toThrow(message);
	});
});
