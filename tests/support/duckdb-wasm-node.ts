/**
 * DuckDB-WASM's Node build (blocking API): the same wasm the page runs, for
 * specs that check what the browser's engine does with the build's files.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as wasm from '@duckdb/duckdb-wasm/blocking';

export async function openDuckdbWasm(): Promise<wasm.DuckDBBindings> {
	const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const db = await wasm.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new wasm.VoidLogger(),
		wasm.NODE_RUNTIME
	);
	await db.instantiate(() => {});
	db.open({});
	return db;
}
