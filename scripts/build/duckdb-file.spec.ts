import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckdbTableFile, writeDuckdbTable, type DuckdbTableSpec } from './duckdb-file.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;
beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	connection = await instance.connect();
	await connection.run(`CREATE TABLE source AS SELECT range AS n, (range * 7919) % 1000 AS k, 'row ' || range AS label FROM range(60000)`);
	dir = mkdtempSync(join(tmpdir(), 'duckdb-file-'));
});
afterAll(() => instance?.closeSync());

const spec = (i: number): DuckdbTableSpec => ({
	name: `table_${i}`, innerTable: 'numbers', title: 'Numbers', description: 'Made-up rows', columnText: { n: 'A number' },
	path: `files/table_${i}.duckdb.gz`, parquet: `parquet/table_${i}.parquet`,
	select: 'SELECT * FROM source WHERE n % $step = 0', params: { step: 1 + (i % 3) }, orderBy: 'k, n', lazy: true
});

/** What a written file (`path` under dir) holds, read back as the browser does: gunzipped and attached. */
async function readBack(path: string, sql: string): Promise<unknown[][]> {
	const folder = mkdtempSync(join(tmpdir(), 'duckdb-file-read-'));
	const file = join(folder, 'table.duckdb');
	writeFileSync(file, gunzipSync(readFileSync(join(dir, path))));
	await connection.run(`ATTACH '${file}' AS readback (READ_ONLY)`);
	try {
		return (await connection.runAndReadAll(sql.replaceAll('$t', 'readback.numbers'))).getRows();
	} finally {
		await connection.run('DETACH readback');
		rmSync(folder, { recursive: true, force: true });
	}
}

describe('writeDuckdbTable', () => {
	// Another connection reading the whole catalogue holds a transaction in every attached
	// file, and DuckDB then refuses a CHECKPOINT: the file must come out whole either way.
	it('writes whole, sorted files while another connection keeps reading the catalogue', async () => {
		const other = await instance.connect();
		let stop = false;
		let scans = 0;
		const scanning = (async () => {
			while (!stop) {
				await other.runAndReadAll('SELECT count(*) FROM duckdb_columns()');
				scans++;
			}
		})();
		const written = [];
		try {
			for (let i = 0; i < 12; i++) written.push(await writeDuckdbTable(connection, dir, spec(i)));
		} finally {
			stop = true;
			await scanning;
			other.closeSync();
		}
		expect(scans).toBeGreaterThan(0);
		for (const [i, table] of written.entries()) {
			const step = 1 + (i % 3);
			expect(table).toMatchObject({ name: `table_${i}`, rows: Math.ceil(60000 / step), format: 'duckdb', innerTable: 'numbers' });
			expect(table.bytes).toBe(readFileSync(join(dir, table.path)).length);
			expect(table.columns.map((c) => [c.name, c.type, c.description])).toEqual([['n', 'BIGINT', 'A number'], ['k', 'BIGINT', ''], ['label', 'VARCHAR', '']]);
			const [[count, unsorted, missing]] = await readBack(spec(i).path, `SELECT count(*), count(*) FILTER (WHERE out_of_order), (SELECT count(*) FROM (SELECT n FROM source WHERE n % ${step} = 0 EXCEPT SELECT n FROM $t))
				FROM (SELECT (k, n) < lag((k, n)) OVER () AS out_of_order FROM $t)`);
			expect([count, unsorted, missing]).toEqual([BigInt(Math.ceil(60000 / step)), 0n, 0n]);
			const parquet = (await connection.runAndReadAll(`SELECT count(*) FROM '${join(dir, table.parquet!)}'`)).getRows();
			expect(parquet).toEqual([[BigInt(table.rows)]]);
			expect(existsSync(join(dir, table.path.replace(/\.gz$/, '')))).toBe(false);
		}
	});

	it('publishes a table filled from outside, as the build\'s clean RTT load fills a month\'s detail file', async () => {
		const file = await DuckdbTableFile.open(connection, join(dir, 'outside/numbers.duckdb'), 'numbers');
		await connection.run(`CREATE TABLE ${file.table} AS SELECT * FROM source WHERE n < 5000 ORDER BY k, n`);
		// Published on another connection while this one reads the table, as the build does.
		const other = await instance.connect();
		try {
			const reading = connection.runAndReadAll(`SELECT count(*) FROM ${file.table}`);
			await file.publish(other, dir, { ...spec(20), path: 'outside/numbers.duckdb.gz', parquet: 'outside/numbers.parquet' });
			expect((await reading).getRows()).toEqual([[5000n]]);
		} finally {
			other.closeSync();
		}
		const table = await file.close(connection);
		expect(table).toMatchObject({ name: 'table_20', rows: 5000, path: 'outside/numbers.duckdb.gz', bytes: readFileSync(join(dir, 'outside/numbers.duckdb.gz')).length });
		expect(existsSync(file.raw)).toBe(false);
		const [[count, unsorted]] = await readBack(table.path, `SELECT count(*), count(*) FILTER (WHERE out_of_order)
			FROM (SELECT (k, n) < lag((k, n)) OVER (ORDER BY rowid) AS out_of_order FROM $t)`);
		expect([count, unsorted]).toEqual([5000n, 0n]);
	});

	const attachedAs = async (alias: string) => (await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM duckdb_databases() WHERE database_name = '${alias}'`)).getRows()[0][0];
	const leftBehind: [string, (file: DuckdbTableFile) => Promise<unknown>][] = [
		['closed before it is published: refused', (file) => expect(file.close(connection)).rejects.toThrow(/closed before it was published/)],
		['discarded after a failure', (file) => file.discard(connection)]
	];
	for (const [what, end] of leftBehind) {
		it(`leaves no file and no attached database when a file is ${what}`, async () => {
			const file = await DuckdbTableFile.open(connection, join(dir, 'unfinished/numbers.duckdb'), 'numbers');
			await connection.run(`CREATE TABLE ${file.table} AS SELECT * FROM source`);
			expect(await attachedAs(file.alias)).toBe(1);
			await end(file);
			expect(await attachedAs(file.alias)).toBe(0);
			expect(existsSync(file.raw)).toBe(false);
		});
	}
});
