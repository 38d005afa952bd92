/**
 * How a table the manifest lists gets into DuckDB, each fetched the first
 * time a query needs it:
 * - 'arrow': an Arrow IPC stream, inserted as a table;
 * - 'duckdb': a DuckDB database file (one RTT month), registered as an
 *   in-memory file under SITE_FILE_FOLDER, attached read-only, and shown
 *   through a view with the manifest's name;
 * - 'union': a view over its parts (every month's summary), each part loaded
 *   as above, so naming `rtt_summary` fetches every month and naming
 *   `rtt_summary_2026_04` one month only.
 * The engine is an interface so the same code runs against DuckDB-WASM's
 * worker in the page and its Node build in the tests.
 */
import { tableFormat, type ManifestTable } from '$lib/schema/site-data';

export interface TableEngine {
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	run(sql: string): Promise<void>;
	insertArrow(name: string, bytes: Uint8Array): Promise<void>;
}

/** What one load had to fetch: a table and the bytes that came over the wire for it. */
export interface FetchedTable {
	name: string;
	bytes: number;
}

/**
 * Site files are registered under this folder, the only one DuckDB may open
 * once external access is off (allowed_directories): nothing a person types
 * can read another file or address.
 */
export const SITE_FILE_FOLDER = 'openwaits/';

/**
 * The engine's settings, in order. Nothing a query types may reach another
 * site (no HTTP, no extension downloads, no files but the site's own), and no
 * SET typed in /explore may undo that: lock_configuration fixes every setting,
 * so it must stay the last SET ever sent.
 */
export const LOCKED_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	`SET allowed_directories = ['${SITE_FILE_FOLDER}']`,
	'SET enable_external_access = false',
	'SET lock_configuration = true'
];

/** A table that is not in the browser yet and could not be fetched (offline, most often). */
export class TableNotFetchedError extends Error {
	override name = 'TableNotFetchedError';
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const SAFE_PATH = /^(?:[a-z0-9_-]+\/)*[a-z0-9_.-]+$/i;

function identifier(name: string | undefined): string {
	if (!name || !IDENTIFIER.test(name)) throw new Error(`Not a table name: ${name}`);
	return name;
}

/** The statements that show a 'duckdb' table, once its file is registered at `fileName(table)`. */
export function attachStatements(table: ManifestTable): string[] {
	const name = identifier(table.name);
	return [`ATTACH '${fileName(table)}' AS file_${name} (READ_ONLY)`, `CREATE VIEW ${name} AS SELECT * FROM file_${name}.${identifier(table.innerTable)}`];
}

export function fileName(table: ManifestTable): string {
	if (!SAFE_PATH.test(table.path) || table.path.split('/').includes('..')) throw new Error(`Not a site file: ${table.path}`);
	return `${SITE_FILE_FOLDER}${table.path}`;
}

/** The view that is a 'union' table; parts are matched by column name. */
export function unionStatement(table: ManifestTable): string {
	const parts = table.parts ?? [];
	if (!parts.length) throw new Error(`${table.name} lists no parts`);
	return `CREATE VIEW ${identifier(table.name)} AS ${parts.map((p) => `SELECT * FROM ${identifier(p)}`).join(' UNION ALL BY NAME ')}`;
}

export type FetchFile = (path: string) => Promise<{ bytes: Uint8Array; fetched: number }>;

/**
 * Loads each table once; a second call waits for the first. Each call says
 * what it fetched itself (nothing when the table was loaded, or being loaded,
 * already), so a query can show what it cost.
 */
export function tableLoader(engine: () => Promise<TableEngine>, fetchFile: FetchFile) {
	const loaded = new Map<string, Promise<unknown>>();

	async function fetchFor(table: ManifestTable): Promise<{ bytes: Uint8Array; fetched: number }> {
		try {
			return await fetchFile(table.path);
		} catch (error) {
			// fetch() fails with a TypeError when there is no network at all.
			if (!(error instanceof TypeError)) throw error;
			throw new TableNotFetchedError(
				`The table ${table.name} has not been downloaded to this browser yet, and fetching it needs a connection to this site. Reconnect and run the query again; tables you have already queried keep working offline.`
			);
		}
	}

	async function load(table: ManifestTable, tables: readonly ManifestTable[]): Promise<FetchedTable[]> {
		if (tableFormat(table) === 'union') {
			const parts = (table.parts ?? []).map((name) => {
				const part = tables.find((t) => t.name === name);
				if (!part) throw new Error(`${table.name}: part ${name} is not in the manifest`);
				return part;
			});
			const fetched = (await Promise.all(parts.map((part) => ensure(part, tables)))).flat();
			await (await engine()).run(unionStatement(table));
			return fetched;
		}
		const [db, file] = await Promise.all([engine(), fetchFor(table)]);
		if (tableFormat(table) === 'duckdb') {
			await db.registerFile(fileName(table), file.bytes);
			for (const sql of attachStatements(table)) await db.run(sql);
		} else {
			await db.insertArrow(identifier(table.name), file.bytes);
		}
		return [{ name: table.name, bytes: file.fetched }];
	}

	function ensure(table: ManifestTable, tables: readonly ManifestTable[]): Promise<FetchedTable[]> {
		const earlier = loaded.get(table.name);
		if (earlier) return earlier.then(() => []);
		const loading = load(table, tables);
		loaded.set(table.name, loading);
		loading.catch(() => loaded.delete(table.name));
		return loading;
	}

	return ensure;
}

/** Tables the SQL names (by word match), so a query loads only what it needs. */
export function tablesNamedIn(sql: string, tables: readonly ManifestTable[]): ManifestTable[] {
	const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
	return tables.filter((t) => words.has(t.name));
}
