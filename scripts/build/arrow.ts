/**
 * Turns a DuckDB query into an Arrow IPC stream for the browser. DuckDB-WASM's
 * core reads Arrow IPC without extensions (Parquet would make it fetch one from
 * DuckDB's CDN), so Arrow is the browser format and Parquet the download format.
 * Column building is in arrow-columns.ts; this file decides each column's
 * encoding and streams record batches through gzip to disk.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
import { boolColumn, dictionaryColumn, kindOf, numberColumn, textColumn, type ColumnBuilder } from './arrow-columns.ts';

export interface ArrowColumn {
	name: string;
	type: string; // DuckDB type name, as listed in the manifest
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A dictionary pays when values repeat; a column of postcodes stays plain text. */
export function wantsDictionary(distinct: number, rows: number): boolean {
	return distinct <= 65_536 && distinct * 2 <= rows;
}

function utf8Vector(values: string[]): Vector<Utf8> {
	const encoded = values.map((value) => new TextEncoder().encode(value));
	const valueOffsets = new Int32Array(values.length + 1);
	encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
	const data = new Uint8Array(valueOffsets[values.length]);
	encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
	return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets, data }));
}

/**
 * One builder per column. Text columns whose values repeat get a dictionary,
 * read from DuckDB before the first row so every batch shares it (the writer
 * then sends it once).
 */
async function columnBuilders(connection: DuckDBConnection, sql: string, names: string[], types: string[]): Promise<ColumnBuilder[]> {
	const texts = names.filter((_, i) => kindOf(types[i]) === 'text');
	const dictionaries = new Map<string, string[]>();
	if (texts.length) {
		const counts = (await connection.runAndReadAll(
			`SELECT count(*)::DOUBLE AS n, ${texts.map((name, i) => `approx_count_distinct(${quoteIdent(name)})::DOUBLE AS d${i}`).join(', ')} FROM (${sql})`
		)).getRowObjectsJS()[0] as Record<string, number>;
		const chosen = texts.filter((_, i) => wantsDictionary(counts[`d${i}`], counts.n));
		if (chosen.length) {
			// Every dictionary in one scan: each column's distinct values, sorted, nulls left out.
			const lists = (await connection.runAndReadAll(
				`SELECT ${chosen.map((name, i) => `list_sort(list(DISTINCT ${quoteIdent(name)}) FILTER (WHERE ${quoteIdent(name)} IS NOT NULL)) AS v${i}`).join(', ')} FROM (${sql})`
			)).getRowObjectsJS()[0] as Record<string, (string | null)[] | null>;
			chosen.forEach((name, i) => dictionaries.set(name, (lists[`v${i}`] ?? []).map(String)));
		}
	}
	return names.map((name, i) => {
		const kind = kindOf(types[i]);
		if (kind === 'int32' || kind === 'float64') return numberColumn(kind);
		if (kind === 'bool') return boolColumn();
		const values = dictionaries.get(name);
		return values ? dictionaryColumn(i, utf8Vector(values), values) : textColumn();
	});
}

/** Rows per record batch: large enough for fast loading, small enough to keep the build's memory flat. */
const BATCH_ROWS = 32_768;

/**
 * Runs `sql` and writes its rows to `path` as a gzip-compressed Arrow IPC
 * stream, one record batch at a time, so memory stays near one batch even for
 * a whole month of per-commissioner detail.
 */
export async function writeArrowFile(
	connection: DuckDBConnection,
	sql: string,
	path: string
): Promise<{ bytes: number; rows: number; columns: ArrowColumn[] }> {
	const shape = await connection.run(`SELECT * FROM (${sql}) LIMIT 0`);
	const names = shape.columnNames();
	const types = shape.columnTypes().map((t) => t.toString());
	// Dictionaries are read first: a new query on the connection would end a result being read.
	const builders = await columnBuilders(connection, sql, names, types);
	const result = await connection.run(sql);
	const schema = new Schema(names.map((name, i) => new Field(name, builders[i].type, true)));
	const writer = new RecordBatchStreamWriter();
	const file = createWriteStream(path);
	const done = pipeline(writer.toNodeStream(), createGzip({ level: 6 }), file);
	let rows = 0;
	let pending = 0;
	const flush = () => {
		if (pending === 0 && rows > 0) return;
		const children = builders.map((b) => b.take());
		writer.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: pending, nullCount: 0, children })));
		pending = 0;
	};
	for (;;) {
		const chunk = await result.fetchChunk();
		if (!chunk || chunk.rowCount === 0) break;
		builders.forEach((builder, i) => builder.add(chunk.getColumnVector(i), chunk.rowCount));
		rows += chunk.rowCount;
		pending += chunk.rowCount;
		if (pending >= BATCH_ROWS) flush();
	}
	flush();
	writer.finish();
	await done;
	return { bytes: (await stat(path)).size, rows, columns: names.map((name, i) => ({ name, type: types[i] })) };
}
