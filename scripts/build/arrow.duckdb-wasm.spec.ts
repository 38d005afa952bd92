/**
 * The contract between build and browser: an Arrow file written by the build
 * (dictionaries, several record batches, nulls) loads into the engine the page
 * uses, DuckDB-WASM (its Node build: the same wasm and insertArrowFromIPCStream
 * as src/lib/data/duckdb.ts), as plain VARCHAR/INTEGER/DOUBLE columns holding
 * exactly what DuckDB had at build time.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as wasm from '@duckdb/duckdb-wasm/blocking';
import { openDuckdbWasm } from '../../tests/support/duckdb-wasm-node.ts';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { writeArrowFile } from './arrow.ts';

let browserDb: wasm.DuckDBBindings;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
	browserDb = await openDuckdbWasm();
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
});

afterAll(() => {
	browserDb?.reset();
	instance?.closeSync();
});

const SOURCE = `SELECT 'R' || (i % 40) AS provider_code,
	CASE WHEN i % 9 = 0 THEN NULL ELSE 'Trust ' || (i % 40) || ' – ü' END AS provider_name,
	'PC' || i AS postcode,
	(i * 7 % 1000)::INTEGER AS waiting,
	CASE WHEN i % 13 = 0 THEN NULL ELSE i / 3 END::DOUBLE AS ratio
FROM range(80000) t(i) ORDER BY i`;

describe('an Arrow file from the build, in DuckDB-WASM', () => {
	it('keeps types and every value across dictionaries and record batches', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'arrow-wasm-')), 'table.arrow.gz');
		await writeArrowFile(connection, SOURCE, path);
		const page = browserDb.connect();
		page.insertArrowFromIPCStream(gunzipSync(readFileSync(path)), { name: 'loaded', create: true });

		const types = page.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'loaded' ORDER BY ordinal_position`).toArray().map((r) => r.toJSON());
		expect(types).toEqual([
			{ column_name: 'provider_code', data_type: 'VARCHAR' },
			{ column_name: 'provider_name', data_type: 'VARCHAR' },
			{ column_name: 'postcode', data_type: 'VARCHAR' },
			{ column_name: 'waiting', data_type: 'INTEGER' },
			{ column_name: 'ratio', data_type: 'DOUBLE' }
		]);

		const summary = `SELECT count(*)::INTEGER AS n, count(provider_name)::INTEGER AS named, count(DISTINCT provider_name)::INTEGER AS names,
			sum(waiting)::DOUBLE AS waiting, sum(ratio)::DOUBLE AS ratio, max(postcode) AS last_postcode,
			min(provider_name) AS first_name FROM `;
		const inBrowser = page.query(`${summary} loaded`).toArray()[0].toJSON();
		const atBuild = (await connection.runAndReadAll(`${summary} (${SOURCE})`)).getRowObjectsJS()[0];
		expect(inBrowser).toEqual({ ...atBuild });
		expect(inBrowser.n).toBe(80000);
		expect(page.query(`SELECT provider_name FROM loaded WHERE postcode = 'PC40001'`).toArray()[0].toJSON()).toEqual({ provider_name: 'Trust 1 – ü' });
		page.close();
	});
});
