/**
 * The stream UploadIpcWriter makes, loaded by the engine the page uses:
 * DuckDB-WASM (its Node build, same wasm and the same insertArrowFromIPCStream
 * that $lib/data/duckdb.ts calls in the browser).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { UploadIpcWriter } from './upload-ipc';
import type { ColumnType } from './csv-import';

let db: duckdb.DuckDBBindings;

beforeAll(async () => {
	const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({});
});

afterAll(() => db?.reset());

function load(name: string, headers: string[], types: ColumnType[], rows: string[][], limits?: { rows: number; bytes: number }) {
	const writer = new UploadIpcWriter(headers, types, limits);
	for (const row of rows) writer.add(row);
	const connection = db.connect();
	connection.insertArrowFromIPCStream(writer.finish(), { name, create: true });
	return connection;
}

describe('an upload stream in DuckDB-WASM', () => {
	it('becomes a table with the inferred types and every value', () => {
		const rows = [
			['RRK', 'Café £5 — 病院 🏥', '1', '1.5', 'true'],
			['RJ1', '<img src=x onerror=alert(1)>', '', '', ''],
			['R0A', '', '-7', '-0.25', 'false']
		];
		const connection = load('hostile', ['code', 'note', 'n', 'score', 'ok'], ['VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN'], rows);
		const types = connection.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'hostile' ORDER BY ordinal_position`).toArray().map((r) => `${r.column_name} ${r.data_type}`);
		expect(types).toEqual(['code VARCHAR', 'note VARCHAR', 'n INTEGER', 'score DOUBLE', 'ok BOOLEAN']);
		const table = connection.query('SELECT * FROM hostile ORDER BY code').toArray().map((r) => r.toJSON());
		expect(table).toEqual([
			{ code: 'R0A', note: '', n: -7, score: -0.25, ok: false },
			{ code: 'RJ1', note: '<img src=x onerror=alert(1)>', n: null, score: null, ok: null },
			{ code: 'RRK', note: 'Café £5 — 病院 🏥', n: 1, score: 1.5, ok: true }
		]);
		connection.close();
	});

	it('keeps every row of a stream of several record batches, in order', () => {
		const rows = Array.from({ length: 2500 }, (_, i) => [`R${i}`, `ward ${i % 37}, “quoted” ${'é'.repeat(i % 5)}`, String(i)]);
		const connection = load('many', ['code', 'name', 'i'], ['VARCHAR', 'VARCHAR', 'INTEGER'], rows, { rows: 1000, bytes: 1 << 20 });
		const [summary] = connection.query(`SELECT count(*)::INTEGER AS n, sum(i)::DOUBLE AS total, count(DISTINCT name)::INTEGER AS names FROM many`).toArray().map((r) => r.toJSON());
		expect(summary).toEqual({ n: 2500, total: (2499 * 2500) / 2, names: new Set(rows.map((r) => r[1])).size });
		const picked = connection.query(`SELECT code, name FROM many WHERE i IN (0, 999, 1000, 2499) ORDER BY i`).toArray().map((r) => r.toJSON());
		expect(picked).toEqual([0, 999, 1000, 2499].map((i) => ({ code: rows[i][0], name: rows[i][1] })));
		connection.close();
	});
});
