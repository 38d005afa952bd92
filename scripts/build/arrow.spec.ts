import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { wantsDictionary, writeArrowFile } from './arrow.ts';

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

	it('encodes repeated text as a dictionary and unique text as plain UTF-8, nulls kept', async () => {
		const path = join(dir, 'text.arrow.gz');
		await writeArrowFile(
			connection,
			`SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE 'Trust ' || (i % 3) || ' – ä' END AS trust,
			        'PC' || i AS postcode,
			        CASE WHEN i % 11 = 0 THEN NULL ELSE i END::SMALLINT AS small
			 FROM range(5000) t(i) ORDER BY i`,
			path
		);
		const table = tableFromIPC(gunzipSync(readFileSync(path)));
		expect(String(table.schema.fields[0].type)).toBe('Dictionary<Int32, Utf8>');
		expect(String(table.schema.fields[1].type)).toBe('Utf8');
		// DuckDB hands over 2,048 rows at a time: check rows on both sides of each boundary.
		for (const i of [0, 1, 2047, 2048, 2049, 4095, 4096, 4999]) {
			expect(table.get(i)!.toJSON()).toEqual({
				trust: i % 5 === 0 ? null : `Trust ${i % 3} – ä`,
				postcode: `PC${i}`,
				small: i % 11 === 0 ? null : i
			});
		}
		expect(table.getChild('trust')!.nullCount).toBe(1000);
		expect(table.getChild('small')!.nullCount).toBe(455);
	});

	it.each([
		[3, 100, true],
		[50, 100, true],
		[51, 100, false],
		[100, 100, false],
		[65_536, 1_000_000, true],
		[65_537, 1_000_000, false]
	])('%i distinct values in %i rows: dictionary %s', (distinct, rows, expected) => {
		expect(wantsDictionary(distinct, rows)).toBe(expected);
	});

	it('writes an empty table with its columns', async () => {
		const path = join(dir, 'empty.arrow.gz');
		const { rows, columns } = await writeArrowFile(connection, 'SELECT 1::INTEGER AS a WHERE false', path);
		expect(tableFromIPC(gunzipSync(readFileSync(path))).numRows).toBe(0);
		expect(rows).toBe(0);
		expect(columns).toEqual([{ name: 'a', type: 'INTEGER' }]);
	});
});
