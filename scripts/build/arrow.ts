/**
 * Turns a DuckDB query into an Arrow IPC stream for the browser. DuckDB-WASM's
 * core reads Arrow IPC without extensions (Parquet would make it fetch one from
 * DuckDB's CDN), so Arrow is the browser format and Parquet the download format.
 * Numbers are copied chunk by chunk into typed arrays: the per-commissioner
 * detail is 180,000 rows × 120 columns a month.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DuckDBConnection, DuckDBVector } from '@duckdb/node-api';
import {
	Bool,
	Field,
	Float64,
	Int32,
	RecordBatch,
	RecordBatchStreamWriter,
	Schema,
	Struct,
	Utf8,
	makeData,
	makeVector,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';

export interface ArrowColumn {
	name: string;
	type: string; // DuckDB type name, as listed in the manifest
}

type Kind = 'int32' | 'float64' | 'bool' | 'text';

function kindOf(duckType: string): Kind {
	if (['INTEGER', 'SMALLINT', 'TINYINT'].includes(duckType)) return 'int32';
	if (['BIGINT', 'HUGEINT', 'DOUBLE', 'FLOAT'].includes(duckType) || duckType.startsWith('DECIMAL')) return 'float64';
	if (duckType === 'BOOLEAN') return 'bool';
	return 'text';
}

/** DECIMAL values arrive as objects with toDouble(); BIGINT as bigint. */
function toNumber(value: unknown): number {
	if (typeof value === 'object' && value !== null && 'toDouble' in value) return (value as { toDouble(): number }).toDouble();
	return Number(value);
}

/** A growing column: typed values plus a validity bitmap (Arrow's layout). */
class ColumnBuilder {
	private numbers: Float64Array | Int32Array;
	private valid: Uint8Array;
	private texts: (string | null)[] = [];
	length = 0;
	nulls = 0;

	constructor(readonly kind: Kind) {
		this.numbers = kind === 'int32' ? new Int32Array(1024) : new Float64Array(1024);
		this.valid = new Uint8Array(128);
	}

	private grow(size: number) {
		if (size <= this.numbers.length) return;
		let capacity = this.numbers.length;
		while (capacity < size) capacity *= 2;
		const numbers = this.kind === 'int32' ? new Int32Array(capacity) : new Float64Array(capacity);
		numbers.set(this.numbers);
		this.numbers = numbers;
		const valid = new Uint8Array(Math.ceil(capacity / 8));
		valid.set(this.valid);
		this.valid = valid;
	}

	add(vector: DuckDBVector, count: number) {
		if (this.kind === 'text') {
			for (let i = 0; i < count; i++) {
				const value = vector.getItem(i);
				this.texts.push(value === null ? null : String(value));
			}
			this.length += count;
			return;
		}
		this.grow(this.length + count);
		for (let i = 0; i < count; i++) {
			const value = vector.getItem(i);
			const at = this.length + i;
			if (value === null || value === undefined) {
				this.nulls++;
				continue;
			}
			this.numbers[at] = this.kind === 'bool' ? (value ? 1 : 0) : toNumber(value);
			this.valid[at >> 3] |= 1 << (at & 7);
		}
		this.length += count;
	}

	toVector(): Vector {
		if (this.kind === 'text') return vectorFromArray(this.texts, new Utf8());
		if (this.kind === 'bool') {
			const values = Array.from({ length: this.length }, (_, i) => ((this.valid[i >> 3] >> (i & 7)) & 1 ? this.numbers[i] === 1 : null));
			return vectorFromArray(values, new Bool());
		}
		const type = this.kind === 'int32' ? new Int32() : new Float64();
		const data = this.numbers.subarray(0, this.length);
		const nullBitmap = this.nulls ? this.valid.subarray(0, Math.ceil(this.length / 8)) : undefined;
		return makeVector(makeData({ type, length: this.length, nullCount: this.nulls, data, nullBitmap } as never));
	}
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
	const result = await connection.run(sql);
	const names = result.columnNames();
	const types = result.columnTypes().map((t) => t.toString());
	const kinds = types.map(kindOf);
	const schema = new Schema(names.map((name, i) => new Field(name, arrowType(kinds[i]), true)));
	const writer = new RecordBatchStreamWriter();
	const gzip = createGzip({ level: 6 });
	const file = createWriteStream(path);
	const done = pipeline(writer.toNodeStream(), gzip, file);
	let builders = kinds.map((k) => new ColumnBuilder(k));
	let rows = 0;
	const flush = () => {
		const length = builders[0]?.length ?? 0;
		if (length === 0 && rows > 0) return;
		const children = builders.map((b) => {
			const { data } = b.toVector();
			if (data.length !== 1) throw new Error('an Arrow column came out in several pieces');
			return data[0];
		});
		writer.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children })));
		builders = kinds.map((k) => new ColumnBuilder(k));
	};
	for (;;) {
		const chunk = await result.fetchChunk();
		if (!chunk || chunk.rowCount === 0) break;
		builders.forEach((builder, i) => builder.add(chunk.getColumnVector(i), chunk.rowCount));
		rows += chunk.rowCount;
		if (builders[0].length >= BATCH_ROWS) flush();
	}
	flush();
	writer.finish();
	await done;
	return { bytes: (await stat(path)).size, rows, columns: names.map((name, i) => ({ name, type: types[i] })) };
}

function arrowType(kind: Kind): DataType {
	if (kind === 'int32') return new Int32();
	if (kind === 'float64') return new Float64();
	if (kind === 'bool') return new Bool();
	return new Utf8();
}
