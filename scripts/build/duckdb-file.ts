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
 *
 * The file is finished (CHECKPOINT) before its Parquet is written, so gzip
 * (on node's thread pool) compresses it while DuckDB writes the Parquet: the
 * two longest steps after the sort run side by side. Nothing writes to the
 * file after the checkpoint (the Parquet only reads it); the file as detached
 * is compared with the bytes gzipped, and gzipped again if it ever differed.
 */
import { promisify } from 'node:util';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzip } from 'node:zlib';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { sqlText } from './table-file.ts';

export const DUCKDB_FILE_OPTIONS = `STORAGE_VERSION 'v1.4.0', BLOCK_SIZE 16384`;

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

const gzipped = promisify(gzip);

/** `bytes` gzipped into `to`; its size in bytes. */
async function writeGzipped(bytes: Uint8Array, to: string): Promise<number> {
	const packed = await gzipped(bytes, { level: 6 });
	await writeFile(to, packed);
	return packed.length;
}

/** Writes one table as `<path>` (gzipped DuckDB file) and `<parquet>`, and describes it for the manifest. */
export async function writeDuckdbTable(connection: DuckDBConnection, dir: string, spec: DuckdbTableSpec): Promise<TableDescription> {
	if (!IDENTIFIER.test(spec.innerTable)) throw new Error(`Not a table name: ${spec.innerTable}`);
	if (!spec.path.endsWith('.duckdb.gz')) throw new Error(`A DuckDB table file ends in .duckdb.gz: ${spec.path}`);
	const target = join(dir, spec.path);
	const raw = target.slice(0, -'.gz'.length);
	await mkdir(dirname(target), { recursive: true });
	await mkdir(dirname(join(dir, spec.parquet)), { recursive: true });
	await rm(raw, { force: true });
	const alias = `output_file_${++attached}`;
	const inner = `${alias}.${spec.innerTable}`;
	await connection.run(`ATTACH ${sqlText(raw)} AS ${alias} (${DUCKDB_FILE_OPTIONS})`);
	let rows: number;
	let columns: { name: string; type: string }[];
	let snapshot: Buffer;
	let packing: Promise<number>;
	// Waited for before this returns or throws, so no write to the folder outlives the call.
	let pending: Promise<unknown> = Promise.resolve();
	try {
		await connection.run(`CREATE TABLE ${inner} AS ${spec.select} ORDER BY ${spec.orderBy}`, spec.params);
		// FORCE: wait for a transaction another connection holds in this file (any query that
		// reads the whole catalogue, duckdb_tables() say, opens one) rather than fail. Without
		// a checkpoint DETACH can leave the rows out of the file, which then holds no table.
		await connection.run(`FORCE CHECKPOINT ${alias}`);
		snapshot = await readFile(raw);
		packing = writeGzipped(snapshot, target);
		// Its failure is thrown where it is awaited below, not reported as unhandled meanwhile.
		pending = packing.catch(() => {});
		// Read back from the sorted table: DuckDB keeps its insertion order, so the Parquet file is sorted the same way.
		await connection.run(`COPY ${inner} TO ${sqlText(join(dir, spec.parquet))} (FORMAT parquet, COMPRESSION zstd)`);
		rows = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${inner}`)).getRowObjectsJS()[0].n);
		// pragma_table_info reads this file's catalogue alone: duckdb_columns() would open a
		// transaction in every attached file and so fail a CHECKPOINT on another connection.
		columns = (await connection.runAndReadAll(`SELECT name, type FROM pragma_table_info(${sqlText(inner)}) ORDER BY cid`))
			.getRowObjectsJS().map((c) => ({ name: String(c.name), type: String(c.type) }));
	} finally {
		await pending;
		await connection.run(`DETACH ${alias}`);
	}
	const detached = await readFile(raw);
	const bytes = snapshot.equals(detached) ? await packing : await writeGzipped(detached, target);
	await rm(raw);
	return {
		name: spec.name,
		title: spec.title,
		description: spec.description,
		path: spec.path,
		parquet: spec.parquet,
		rows,
		bytes,
		columns: columns.map((c) => ({ ...c, description: spec.columnText[c.name] ?? '' })),
		lazy: spec.lazy,
		format: 'duckdb',
		innerTable: spec.innerTable
	};
}
