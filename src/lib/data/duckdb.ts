/**
 * The one way into DuckDB-WASM. It is loaded lazily (a 34 MB download), from
 * this site only (bundles and worker are self-hosted by Vite), never during
 * prerender, and shared by every page through one promise. Tables come from
 * the manifest (site-tables.ts): Arrow IPC streams and DuckDB database files
 * attached read-only; the npm build of DuckDB-WASM has only its core, and
 * Parquet or JSON would make it fetch extensions from DuckDB's CDN.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Manifest } from '$lib/schema/site-data';
import { fetchDataFile } from './site-files.ts';
import { LOCKED_SETTINGS, tableLoader, tablesNamedIn, type FetchedTable, type TableEngine } from './site-tables.ts';

export interface QueryResult {
	columns: { name: string; type: string }[];
	rows: Record<string, unknown>[];
	milliseconds: number;
	/** What this query had to fetch first (empty when every table it names was loaded already). */
	fetched: FetchedTable[];
}

let database: Promise<{ db: AsyncDuckDB; connection: AsyncDuckDBConnection }> | null = null;

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
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const connection = await db.connect();
	for (const sql of LOCKED_SETTINGS) await connection.query(sql);
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

async function engine(): Promise<TableEngine> {
	const { db, connection } = await getDatabase();
	return {
		registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
		run: async (sql) => void (await connection.query(sql)),
		insertArrow: async (name, bytes) => void (await connection.insertArrowFromIPCStream(bytes, { name, create: true }))
	};
}

const ensureTable = tableLoader(engine, (path) => fetchDataFile(path));

/** Loads the tables a query names (each once), and says what had to be fetched for them. */
async function tablesFor(manifest: Pick<Manifest, 'tables'>, sql: string): Promise<FetchedTable[]> {
	return (await Promise.all(tablesNamedIn(sql, manifest.tables).map((t) => ensureTable(t, manifest.tables)))).flat();
}

function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	return value;
}

/** Runs SQL with bound parameters ($1, $2 … or ?) after loading the tables it names. */
export async function query(manifest: Pick<Manifest, 'tables'>, sql: string, params: unknown[] = []): Promise<QueryResult> {
	const fetched = await tablesFor(manifest, sql);
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
		return { columns, rows, milliseconds: performance.now() - started, fetched };
	} finally {
		await statement.close();
	}
}

export async function cancelQuery(): Promise<boolean> {
	if (!database) return false;
	const { connection } = await database;
	return connection.cancelSent();
}

// ------------------------------------------------------------------ explore page

export interface ConsoleResult extends QueryResult {
	/** True when the result had more rows than maxRows and was cut short. */
	truncated: boolean;
}

/**
 * Runs one SQL text typed by a person, as a pending query so that
 * cancelQuery() can stop it (prepared statements cannot be interrupted).
 * Columns with the same name get a suffix so no value is lost.
 */
/** The little of an Arrow record batch we read (DuckDB-WASM bundles its own copy of Arrow). */
interface BatchLike {
	numRows: number;
	schema: { fields: { name: string; type: unknown }[] };
	getChildAt(index: number): { get(index: number): unknown } | null;
}

export async function runConsoleQuery(manifest: Pick<Manifest, 'tables'>, sql: string, maxRows = 500_000): Promise<ConsoleResult> {
	const fetched = await tablesFor(manifest, sql);
	const { connection } = await getDatabase();
	const started = performance.now();
	let batches: AsyncIterable<BatchLike> | Iterable<BatchLike>;
	let schema: BatchLike['schema'] | null = null;
	try {
		const reader = await connection.send(sql, true);
		batches = reader as unknown as AsyncIterable<BatchLike>;
		schema = (reader.schema as unknown as BatchLike['schema']) ?? null;
	} catch (error) {
		// Several statements (e.g. CREATE … ; SELECT …) cannot be sent as one pending query: run them at once.
		if (!/single statement|multiple statements/i.test(String((error as Error)?.message))) throw error;
		const table = await connection.query(sql);
		batches = table.batches as unknown as BatchLike[];
		schema = table.schema as unknown as BatchLike['schema'];
	}
	let columns: { name: string; type: string }[] = [];
	const rows: Record<string, unknown>[] = [];
	let truncated = false;
	const name = (fields: BatchLike['schema']['fields']) => {
		const seen = new Map<string, number>();
		return fields.map((f) => {
			const n = seen.get(f.name) ?? 0;
			seen.set(f.name, n + 1);
			return { name: n ? `${f.name} (${n + 1})` : f.name, type: String(f.type) };
		});
	};
	for await (const batch of batches) {
		if (!columns.length) columns = name(batch.schema.fields);
		const vectors = columns.map((_, i) => batch.getChildAt(i));
		for (let r = 0; r < batch.numRows; r++) {
			if (rows.length >= maxRows) {
				truncated = true;
				break;
			}
			const row: Record<string, unknown> = {};
			for (let c = 0; c < columns.length; c++) row[columns[c].name] = toPlain(vectors[c]?.get(r) ?? null);
			rows.push(row);
		}
		if (truncated) break;
	}
	if (!columns.length && schema) columns = name(schema.fields);
	return { columns, rows, milliseconds: performance.now() - started, fetched, truncated };
}

/**
 * Loads an Arrow IPC stream a person brought (a CSV the upload worker turned
 * into Arrow, see $lib/explore/upload-ipc.ts) as table `name`, replacing any
 * earlier upload of that name. The bytes are transferred to DuckDB's worker,
 * not copied: the caller's buffer is empty afterwards. The whole stream goes in
 * one call (DuckDB-WASM 1.32 mishandles a stream fed in parts). The caller
 * chooses a name that is not a manifest table.
 */
export async function registerUploadedIpc(name: string, ipc: Uint8Array): Promise<void> {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a safe table name: ${name}`);
	const { connection } = await getDatabase();
	await connection.query(`DROP TABLE IF EXISTS "${name}"`);
	await connection.insertArrowFromIPCStream(ipc, { name, create: true });
}
