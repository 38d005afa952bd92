/**
 * The floor page's script (bundled by bench/build.ts into floor.js with the
 * duckdb-wasm JS API; the wasm and worker files are the site's own emitted
 * assets, named in ./config.json). It starts DuckDB-WASM the way
 * src/lib/data/duckdb.ts does (selectBundle over the same eh and mvp files,
 * one worker, instantiate, open, connect) and runs SELECT 1: what any page
 * using this DuckDB-WASM must pay before its first result, so
 * explorer_cold_ms ÷ this is the explorer's own overhead.
 */
import * as duckdb from '@duckdb/duckdb-wasm';

interface Config { ehWasm: string; ehWorker: string; mvpWasm: string; mvpWorker: string }

const status = document.getElementById('status')!;
const table = document.getElementById('result') as HTMLTableElement;

async function main() {
	const config = (await (await fetch('./config.json')).json()) as Config;
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: config.mvpWasm, mainWorker: config.mvpWorker },
		eh: { mainModule: config.ehWasm, mainWorker: config.ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const connection = await db.connect();
	const result = await connection.query('SELECT 1 AS one');
	const row = document.createElement('tr');
	const cell = document.createElement('td');
	cell.textContent = String(result.toArray()[0].toJSON().one);
	row.append(cell);
	table.tBodies[0].append(row);
	table.hidden = false;
	status.textContent = `Done (${bundle.mainModule.split('/').pop()}).`;
}

main().catch((error) => {
	status.textContent = `Failed: ${error}`;
	status.dataset.failed = '';
	console.error(error);
});
