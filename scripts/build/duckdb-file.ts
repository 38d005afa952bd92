/**
 * One table of the build written by DuckDB itself as a native database file
 * the browser attaches read-only (DuckDB-WASM 1.32), stored gzip-compressed,
 * plus its Parquet download. No JavaScript touches the rows: DuckDB sorts and
 * writes them, and node's zlib streams the file through gzip.
 *
 * Why these options (measured on the real January and April 2026 RTT months,
 * see month-files.ts for the figures):
 * - STORAGE_VERSION 'v1.4.0': the storage format DuckDB-WASM 1.32 (DuckDB
 *   1.4.3) reads; the node build would otherwise write its own newest format.
 * - BLOCK_SIZE 16384: a quarter of the default 256 kB block. The file is
 *   about as large uncompressed but 4–6% smaller gzipped (the partly filled
 *   block at the end of each column segment is shorter), and DuckDB-WASM 1.32
 *   attaches it like any other (checked in month-files.duckdb-wasm.spec.ts).
 * - gzip level 6: level 9 saves another 4% but takes three times as long.
 * - force_compression 'roaring' (FILE_COMPRESSION_SQL): DuckDB then stores a column's NULL
 *   mask as a Roaring bitmap wherever it would otherwise keep it uncompressed (every band
 *   column of a month's detail, whose empty cells are NULL); other kinds of segment are
 *   compressed as before (RLE, DICT_FSST, constant). January and April 2026's detail files
 *   come out 6.7% and 7.5% smaller gzipped (3,396,356 → 3,168,941 and 3,307,598 → 3,059,331
 *   bytes), the summaries 0.2% larger. Written from the same sorted table, the file took
 *   780–786 ms against 876–886 ms with DuckDB's own choice (.cache/proto/force-comp.mts, not
 *   committed). DuckDB calls the setting a debug setting: DuckDB-WASM 1.32 reading these
 *   files is checked in month-files.duckdb-wasm.spec.ts, and disabled_compression_methods
 *   cannot get the same (it refuses to disable 'uncompressed').
 *
 * The file is finished (CHECKPOINT) before its Parquet is written, so gzip
 * (on node's thread pool) compresses it while DuckDB writes the Parquet: the
 * two longest steps after the sort run side by side.
 */
import { promisify } from 'node:util';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzip } from 'node:zlib';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { sqlText } from './table-file.ts';

export const DUCKDB_FILE_OPTIONS = `STORAGE_VERSION 'v1.4.0', BLOCK_SIZE 16384`;

/**
 * Run before each file is opened (see above why). It is a setting of the whole DuckDB instance,
 * and changes only how columns are compressed in database files: in-memory tables never are.
 */
export const FILE_COMPRESSION_SQL = `SET force_compression = 'roaring'`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Each write attaches its file under its own name: two tables can be written at once on two connections. */
let attached = 0;

export interface DuckdbTableSpec {
	/** Manifest name, the name a query in /explore uses. */
	name: string;
	/** Name inside the database file. */
	innerTable: string;
	title: string;
	description: string;
	columnText: Record<string, string>;
	/** Relative to the output folder; ends in `.duckdb.gz`. */
	path: string;
	parquet: string;
	/** A SELECT without ORDER BY; `$name` parameters are bound from `params`. */
	select: string;
	params?: Record<string, DuckDBValue>;
	orderBy: string;
	lazy: boolean;
}

/** What publish needs of a spec: the rows are already in the file. */
export type DuckdbFileSpec = Omit<DuckdbTableSpec, 'select' | 'params' | 'orderBy'>;

const gzipped = promisify(gzip);

/** `bytes` gzipped into `to`; its size in bytes. */
async function writeGzipped(bytes: Uint8Array, to: string): Promise<number> {
	const packed = await gzipped(bytes, { level: 6 });
	await writeFile(to, packed);
	return packed.length;
}

/** What publish learnt of the table; close adds the gzipped file's size. */
type Published = Omit<TableDescription, 'bytes'> & { target: string; snapshot: Buffer; packing: Promise<number> };

/** Where a spec's gzipped file goes under `dir`. */
function gzipTarget(dir: string, spec: DuckdbFileSpec): string {
	if (!spec.path.endsWith('.duckdb.gz')) throw new Error(`A DuckDB table file ends in .duckdb.gz: ${spec.path}`);
	return join(dir, spec.path);
}

/**
 * A DuckDB file being written, attached under its own alias from `open` to `close`.
 * Whoever fills `table` may do so as it reads its input: the build's clean RTT load
 * sorts a month's rows straight into its detail file (rtt.ts), instead of into memory
 * first and then into the file. Then `publish` finishes it: gzipped beside its
 * Parquet download, and described for the manifest.
 */
export class DuckdbTableFile {
	/** The table inside the file, as SQL names it while the file is open. */
	readonly table: string;
	#published: Published | null = null;
	// Waited for before close returns or throws, so no write to the folder outlives the file.
	#pending: Promise<unknown> = Promise.resolve();

	private constructor(readonly alias: string, readonly raw: string, readonly innerTable: string) {
		this.table = `${alias}.${innerTable}`;
	}

	/** Attaches a new, empty DuckDB file at `raw` (removed again by close) for table `innerTable`. */
	static async open(connection: DuckDBConnection, raw: string, innerTable: string): Promise<DuckdbTableFile> {
		if (!IDENTIFIER.test(innerTable)) throw new Error(`Not a table name: ${innerTable}`);
		await mkdir(dirname(raw), { recursive: true });
		await rm(raw, { force: true });
		const file = new DuckdbTableFile(`output_file_${++attached}`, raw, innerTable);
		await connection.run(FILE_COMPRESSION_SQL);
		await connection.run(`ATTACH ${sqlText(raw)} AS ${file.alias} (${DUCKDB_FILE_OPTIONS})`);
		return file;
	}

	/** Fills the table from the spec's SELECT, sorted. */
	async fill(connection: DuckDBConnection, spec: Pick<DuckdbTableSpec, 'select' | 'params' | 'orderBy'>): Promise<void> {
		await connection.run(`CREATE TABLE ${this.table} AS ${spec.select} ORDER BY ${spec.orderBy}`, spec.params);
	}

	/**
	 * Everything in the file so far on disk. FORCE: wait for a transaction another connection
	 * holds in this file (any query that reads the whole catalogue, duckdb_tables() say, opens
	 * one) rather than fail. Without a checkpoint DETACH can leave the rows out of the file,
	 * which then holds no table.
	 */
	async checkpoint(connection: DuckDBConnection): Promise<void> {
		await connection.run(`FORCE CHECKPOINT ${this.alias}`);
	}

	/** Writes `<dir>/<spec.path>` (the file gzipped) and `<dir>/<spec.parquet>` from the filled table. */
	async publish(connection: DuckDBConnection, dir: string, spec: DuckdbFileSpec): Promise<void> {
		if (spec.innerTable !== this.innerTable) throw new Error(`${spec.name} is table ${spec.innerTable}, but this file holds ${this.innerTable}`);
		const target = gzipTarget(dir, spec);
		await mkdir(dirname(target), { recursive: true });
		await mkdir(dirname(join(dir, spec.parquet)), { recursive: true });
		await this.checkpoint(connection);
		const snapshot = await readFile(this.raw);
		const packing = writeGzipped(snapshot, target);
		// Its failure is thrown where it is awaited (close), not reported as unhandled meanwhile.
		this.#pending = packing.catch(() => {});
		// Read back from the sorted table: DuckDB keeps its insertion order, so the Parquet file is sorted the same way.
		await connection.run(`COPY ${this.table} TO ${sqlText(join(dir, spec.parquet))} (FORMAT parquet, COMPRESSION zstd)`);
		const rows = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${this.table}`)).getRowObjectsJS()[0].n);
		// pragma_table_info reads this file's catalogue alone: duckdb_columns() would open a
		// transaction in every attached file and so fail a CHECKPOINT on another connection.
		const columns = (await connection.runAndReadAll(`SELECT name, type FROM pragma_table_info(${sqlText(this.table)}) ORDER BY cid`))
			.getRowObjectsJS().map((c) => ({ name: String(c.name), type: String(c.type), description: spec.columnText[String(c.name)] ?? '' }));
		this.#published = {
			name: spec.name,
			title: spec.title,
			description: spec.description,
			path: spec.path,
			parquet: spec.parquet,
			rows,
			columns,
			lazy: spec.lazy,
			format: 'duckdb',
			innerTable: spec.innerTable,
			target,
			snapshot,
			packing
		};
	}

	/**
	 * Detaches the file and removes it; what publish wrote, described for the manifest.
	 * Nothing writes to the file after its checkpoint (the Parquet only reads it), but the file
	 * as detached is compared with the bytes gzipped, and gzipped again if it ever differed.
	 */
	async close(connection: DuckDBConnection): Promise<TableDescription> {
		await this.#pending;
		await connection.run(`DETACH ${this.alias}`);
		try {
			if (!this.#published) throw new Error(`${this.table} was closed before it was published`);
			const { target, snapshot, packing, ...description } = this.#published;
			const detached = await readFile(this.raw);
			const bytes = snapshot.equals(detached) ? await packing : await writeGzipped(detached, target);
			return { ...description, bytes };
		} finally {
			await rm(this.raw, { force: true });
		}
	}

	/** After a failure: detaches and removes the file, keeping the failure that brought it here. */
	async discard(connection: DuckDBConnection): Promise<void> {
		await this.#pending;
		await connection.run(`DETACH DATABASE IF EXISTS ${this.alias}`).catch(() => {});
		await rm(this.raw, { force: true });
	}
}

/** Writes one table as `<path>` (gzipped DuckDB file) and `<parquet>`, and describes it for the manifest. */
export async function writeDuckdbTable(connection: DuckDBConnection, dir: string, spec: DuckdbTableSpec): Promise<TableDescription> {
	const file = await DuckdbTableFile.open(connection, gzipTarget(dir, spec).slice(0, -'.gz'.length), spec.innerTable);
	try {
		await file.fill(connection, spec);
		await file.publish(connection, dir, spec);
	} catch (error) {
		await file.discard(connection);
		throw error;
	}
	return file.close(connection);
}
