/**
 * The one way into DuckDB-WASM. It is loaded lazily (a 34 MB download), from
 * this site only (bundles and worker are self-hosted by Vite), never during
 * prerender, and shared by every page through one promise. Tables come from
 * the manifest as Arrow IPC: the npm build of DuckDB-WASM has only its core,
 * and Parquet or JSON would make it fetch extensions from DuckDB's CDN.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Manifest, TableDescription } from '$lib/schema/site-data';
import { fetchDataBytes } from './site-files.ts';

export interface QueryResult {
	columns: { name: string; type: string }[];
	rows: Record<string, unknown>[];
	milliseconds: number;
}

let database: Promise<{ db: AsyncDuckDB; connection: AsyncDuckDBConnection }> | null = null;
const loadedTables = new Map<string, Promise<void>>();

async function start(): Promise<{ db: AsyncDuckDB; connection: AsyncDuckDBConnection }> {
	const [duckdb, ehWasm, ehWorker, mvpWasm, mvpWorker] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url')
	]);
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm.default, mainWorker: mvpWorker.default },
		eh: { mainModule: ehWasm.default, mainWorker: ehWorker.default }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castBigIntToDouble: true } });
	const connection = await db.connect();
	// Nothing the user types may reach another site: no HTTP, no extension downloads.
	await connection.query(`SET autoinstall_known_extensions = false`);
	await connection.query(`SET autoload_known_extensions = false`);
	await connection.query(`SET enable_external_access = false`);
	return { db, connection };
}

export function getDatabase(): Promise<{ db: AsyncDuckDB; connection: AsyncDuckDBConnection }> {
	if (typeof window === 'undefined') throw new Error('DuckDB-WASM runs in the browser only');
	database ??= start().catch((error) => {
		database = null;
		throw error;
	});
	return database;
}

/** Loads a table described in the manifest once; later calls wait for the same load. */
export function ensureTable(table: TableDescription): Promise<void> {
	let loading = loadedTables.get(table.name);
	if (!loading) {
		loading = (async () => {
			const [{ connection }, bytes] = await Promise.all([getDatabase(), fetchDataBytes(table.path)]);
			await connection.insertArrowFromIPCStream(bytes, { name: table.name, create: true });
		})();
		loading.catch(() => loadedTables.delete(table.name));
		loadedTables.set(table.name, loading);
	}
	return loading;
}

/** Tables the SQL names (by word match), so a query loads only what it needs. */
export function tablesNamedIn(sql: string, manifest: Manifest): TableDescription[] {
	const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
	return manifest.tables.filter((t) => words.has(t.name));
}

function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	return value;
}

/** Runs SQL with bound parameters ($1, $2 … or ?) after loading the tables it names. */
export async function query(manifest: Manifest, sql: string, params: unknown[] = []): Promise<QueryResult> {
	await Promise.all(tablesNamedIn(sql, manifest).map(ensureTable));
	const { connection } = await getDatabase();
	const started = performance.now();
	const statement = await connection.prepare(sql);
	try {
		const table = await statement.query(...params);
		const columns = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
		const rows = table.toArray().map((row) => {
			const plain: Record<string, unknown> = {};
			for (const { name } of columns) plain[name] = toPlain((row as Record<string, unknown>)[name]);
			return plain;
		});
		return { columns, rows, milliseconds: performance.now() - started };
	} finally {
		await statement.close();
	}
}

export async function cancelQuery(): Promise<boolean> {
	if (!database) return false;
	const { connection } = await database;
	return connection.cancelSent();
}
