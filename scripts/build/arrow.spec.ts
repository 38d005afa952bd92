import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { writeArrowFile } from './arrow.ts';

const dir = mkdtempSync(join(tmpdir(), 'arrow-spec-'));

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
});
afterAll(() => instance.closeSync());

describe('writeArrowFile', () => {
	it('keeps values, nulls and types across several DuckDB chunks', async () => {
		const path = join(dir, 'many.arrow.gz');
		const { bytes, rows, columns } = await writeArrowFile(
			connection,
			`SELECT i::INTEGER AS n, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END AS half,
			        'p' || (i % 7) AS code, i % 2 = 0 AS even, (i * 1000000000)::BIGINT AS big
			 FROM range(70000) t(i) ORDER BY i`,
			path
		);
		expect(bytes).toBe(readFileSync(path).length);
		expect(rows).toBe(70000); // more than two record batches
		expect(columns.map((c) => c.type)).toEqual(['INTEGER', 'DECIMAL(21,1)', 'VARCHAR', 'BOOLEAN', 'BIGINT']);
		const table = tableFromIPC(gunzipSync(readFileSync(path)));
		expect(table.numRows).toBe(70000);
		expect(table.batches.length).toBe(3);
		const row = (i: number) => table.get(i)!.toJSON();
		expect(row(0)).toEqual({ n: 0, half: null, code: 'p0', even: true, big: 0 });
		expect(row(69998)).toEqual({ n: 69998, half: 34999, code: 'p5', even: true, big: 69998000000000 });
		expect(row(3001)).toEqual({ n: 3001, half: 1500.5, code: 'p5', even: false, big: 3001000000000 });
		expect(table.getChild('half')!.nullCount).toBe(23334);
	});

	it('writes an empty table with its columns', async () => {
		const path = join(dir, 'empty.arrow.gz');
		const { rows, columns } = await writeArrowFile(connection, 'SELECT 1::INTEGER AS a WHERE false', path);
		expect(tableFromIPC(gunzipSync(readFileSync(path))).numRows).toBe(0);
		expect(rows).toBe(0);
		expect(columns).toEqual([{ name: 'a', type: 'INTEGER' }]);
	});
});
