import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBBooleanType, DuckDBDoubleType, DuckDBInstance, DuckDBIntegerType, DuckDBVarCharType, type DuckDBConnection } from '@duckdb/node-api';
import { appendColumns, CHUNK_ROWS } from './append-columns.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
});
afterAll(() => instance?.closeSync());

const types = [DuckDBIntegerType.instance, DuckDBDoubleType.instance, DuckDBBooleanType.instance, DuckDBVarCharType.instance];
const table = async (name: string) => connection.run(`CREATE OR REPLACE TABLE ${name} (id INTEGER, x DOUBLE, flag BOOLEAN, label VARCHAR)`);

describe('appendColumns', () => {
	// Row counts around the chunk size: none, part of one chunk, exactly one, one and a bit, several.
	const cases = [0, 1, CHUNK_ROWS, CHUNK_ROWS + 1, 3 * CHUNK_ROWS + 17];
	for (const rows of cases) {
		it(`${rows} rows arrive whole, in order, with their NULLs`, async () => {
			await table('appended');
			const ids = Array.from({ length: rows }, (_, i) => i);
			const x = ids.map((i) => (i % 5 === 0 ? null : i / 3));
			const flag = ids.map((i) => (i % 7 === 0 ? null : i % 2 === 0));
			const label = ids.map((i) => (i % 11 === 0 ? null : `row ${i} – ü`));
			expect(await appendColumns(connection, 'appended', types, [ids, x, flag, label])).toBe(rows);
			const got = (await connection.runAndReadAll('SELECT id, x, flag, label FROM appended ORDER BY id')).getRows();
			expect(got).toEqual(ids.map((i) => [i, x[i], flag[i], label[i]]));
		});
	}
	it('keeps a double exactly (no text round trip)', async () => {
		await table('exact');
		const x = [0.1 + 0.2, Math.PI, 2 ** 53 - 1, -0.5e-300];
		await appendColumns(connection, 'exact', types, [[0, 1, 2, 3], x, [true, false, null, true], ['a', 'b', 'c', 'd']]);
		expect((await connection.runAndReadAll('SELECT x FROM exact ORDER BY id')).getRows().map(([v]) => v)).toEqual(x);
	});
	const refusals: [string, unknown[][]][] = [
		['columns of different lengths', [[1, 2], [1], [true], ['a']]],
		['fewer columns than types', [[1], [1]]]
	];
	for (const [name, columns] of refusals) {
		it(`refuses ${name}`, async () => {
			await table('refused');
			await expect(appendColumns(connection, 'refused', types, columns as never)).rejects.toThrow(/refused/);
		});
	}
});
