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
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
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

/** Streams `from` through gzip into `to`, then removes `from`. */
async function gzipFile(from: string, to: string): Promise<void> {
	await pipeline(createReadStream(from), createGzip({ level: 6 }), createWriteStream(to));
	await rm(from);
}

/** Writes one table as `<path>` (gzipped DuckDB file) and `<parquet>`, and describes it for the manifest. */
export async function writeDuckdbTable(connection: DuckDBConnection, dir: string, spec: DuckdbTableSpec): Promise<TableDescription> {
	if (!IDENTIFIER.test(spec.innerTable)) throw new Error(`Not a table name: ${spec.innerTable}`);
	if (!spec.path.endsWith('.duckdb.gz')) throw new Error(`A DuckDB table file ends in .duckdb.gz: ${spec.path}`);
	const gzipped = join(dir, spec.path);
	const raw = gzipped.slice(0, -'.gz'.length);
	await mkdir(dirname(gzipped), { recursive: true });
	await mkdir(dirname(join(dir, spec.parquet)), { recursive: true });
	await rm(raw, { force: true });
	const alias = `output_file_${++attached}`;
	const inner = `${alias}.${spec.innerTable}`;
	await connection.run(`ATTACH ${sqlText(raw)} AS ${alias} (${DUCKDB_FILE_OPTIONS})`);
	let rows: number;
	let columns: { name: string; type: string }[];
	try {
		await connection.run(`CREATE TABLE ${inner} AS ${spec.select} ORDER BY ${spec.orderBy}`, spec.params);
		// Read back from the sorted table: DuckDB keeps its insertion order, so the Parquet file is sorted the same way.
		await connection.run(`COPY ${inner} TO ${sqlText(join(dir, spec.parquet))} (FORMAT parquet, COMPRESSION zstd)`);
		rows = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${inner}`)).getRowObjectsJS()[0].n);
		columns = (await connection.runAndReadAll(
			`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE database_name = $alias AND table_name = $table ORDER BY column_index`,
			{ alias, table: spec.innerTable }
		)).getRowObjectsJS().map((c) => ({ name: String(c.name), type: String(c.type) }));
	} finally {
		await connection.run(`DETACH ${alias}`);
	}
	await gzipFile(raw, gzipped);
	return {
		name: spec.name,
		title: spec.title,
		description: spec.description,
		path: spec.path,
		parquet: spec.parquet,
		rows,
		bytes: (await stat(gzipped)).size,
		columns: columns.map((c) => ({ ...c, description: spec.columnText[c.name] ?? '' })),
		lazy: spec.lazy,
		format: 'duckdb',
		innerTable: spec.innerTable
	};
}
