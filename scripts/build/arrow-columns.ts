/**
 * Column builders that turn DuckDB result vectors into Arrow column data for
 * one record batch. The per-commissioner detail is 180,000 rows × 120 columns
 * a month, so the common cases copy typed arrays and validity bytes straight
 * from DuckDB's vectors instead of reading one value at a time, and repeated
 * text (codes and names) becomes dictionary indices.
 */
import type { DuckDBVector } from '@duckdb/node-api';
import { Bool, Dictionary, Float64, Int32, Utf8, makeData, type Data, type DataType, type Vector } from 'apache-arrow';

export type Kind = 'int32' | 'float64' | 'bool' | 'text';

export function kindOf(duckType: string): Kind {
	if (['INTEGER', 'SMALLINT', 'TINYINT'].includes(duckType)) return 'int32';
	if (['BIGINT', 'HUGEINT', 'DOUBLE', 'FLOAT'].includes(duckType) || duckType.startsWith('DECIMAL')) return 'float64';
	if (duckType === 'BOOLEAN') return 'bool';
	return 'text';
}

export interface ColumnBuilder {
	readonly type: DataType;
	add(vector: DuckDBVector, count: number): void;
	/** The batch's data; the builder starts empty again. */
	take(): Data;
}

/**
 * What @duckdb/node-api keeps inside its fixed-width vectors (fields that are
 * private in its types but plain properties at run time). Read only when they
 * have exactly this shape; otherwise the builders fall back to getItem().
 */
interface RawVector {
	items: Int32Array | Int16Array | Int8Array | Float64Array | Float32Array | BigInt64Array;
	validity: { data: BigUint64Array | null; offset: number };
}

function rawVector(vector: DuckDBVector): RawVector | null {
	const raw = vector as unknown as Partial<RawVector>;
	const items = raw.items;
	const validity = raw.validity;
	const typed = items instanceof Int32Array || items instanceof Int16Array || items instanceof Int8Array || items instanceof Float64Array || items instanceof Float32Array || items instanceof BigInt64Array;
	if (!typed || !validity || validity.offset !== 0 || !('data' in validity)) return null;
	return raw as RawVector;
}

/** Arrow's validity layout: one bit a row, set when the value is present. */
class Validity {
	bytes = new Uint8Array(128);
	nulls = 0;

	ensure(rows: number) {
		if (rows <= this.bytes.length * 8) return;
		let capacity = this.bytes.length;
		while (capacity * 8 < rows) capacity *= 2;
		const bytes = new Uint8Array(capacity);
		bytes.set(this.bytes);
		this.bytes = bytes;
	}

	set(at: number, valid: boolean) {
		if (valid) this.bytes[at >> 3] |= 1 << (at & 7);
		else this.nulls++;
	}

	/** Copies DuckDB's bitmap (64-bit little-endian words: the same bit order) for rows at..at+count. */
	copy(at: number, count: number, words: BigUint64Array | null) {
		this.ensure(at + count);
		const source = words ? new Uint8Array(words.buffer, words.byteOffset, Math.ceil(count / 8)) : null;
		for (let i = 0; i < count; i++) {
			const valid = source === null || ((source[i >> 3] >> (i & 7)) & 1) === 1;
			this.set(at + i, valid);
		}
	}

	bitmap(length: number): Uint8Array | undefined {
		return this.nulls ? this.bytes.slice(0, Math.ceil(length / 8)) : undefined;
	}
}

/** DECIMAL values arrive as objects with toDouble(); BIGINT as bigint. */
function toNumber(value: unknown): number {
	if (typeof value === 'object' && value !== null && 'toDouble' in value) return (value as { toDouble(): number }).toDouble();
	return Number(value);
}

class NumberColumn implements ColumnBuilder {
	readonly type: Int32 | Float64;
	private values: Int32Array | Float64Array;
	private validity = new Validity();
	private length = 0;

	constructor(private readonly kind: 'int32' | 'float64') {
		this.type = kind === 'int32' ? new Int32() : new Float64();
		this.values = this.allocate(1024);
	}

	private allocate(size: number) {
		return this.kind === 'int32' ? new Int32Array(size) : new Float64Array(size);
	}

	add(vector: DuckDBVector, count: number) {
		const end = this.length + count;
		if (end > this.values.length) {
			let capacity = this.values.length;
			while (capacity < end) capacity *= 2;
			const values = this.allocate(capacity);
			values.set(this.values);
			this.values = values;
		}
		const raw = rawVector(vector);
		if (raw && !(raw.items instanceof BigInt64Array)) {
			this.values.set(raw.items.subarray(0, count), this.length);
			this.validity.copy(this.length, count, raw.validity.data);
			this.zeroNulls(count, raw.validity.data);
		} else if (raw) {
			const items = raw.items as BigInt64Array;
			for (let i = 0; i < count; i++) this.values[this.length + i] = Number(items[i]);
			this.validity.copy(this.length, count, raw.validity.data);
			this.zeroNulls(count, raw.validity.data);
		} else {
			this.validity.ensure(end);
			for (let i = 0; i < count; i++) {
				const value = vector.getItem(i);
				const present = value !== null && value !== undefined;
				if (present) this.values[this.length + i] = toNumber(value);
				this.validity.set(this.length + i, present);
			}
		}
		this.length = end;
	}

	/**
	 * DuckDB leaves whatever was in memory under a null; written as it is, the same table
	 * read two ways (from CSV, from Parquet) gives different bytes and compresses worse.
	 */
	private zeroNulls(count: number, words: BigUint64Array | null) {
		if (!words) return;
		const bits = new Uint8Array(words.buffer, words.byteOffset, Math.ceil(count / 8));
		for (let i = 0; i < count; i++) if (((bits[i >> 3] >> (i & 7)) & 1) === 0) this.values[this.length + i] = 0;
	}

	take(): Data {
		const { length, validity } = this;
		const data = makeData({ type: this.type, length, nullCount: validity.nulls, data: this.values.slice(0, length), nullBitmap: validity.bitmap(length) } as never) as Data;
		this.length = 0;
		this.validity = new Validity();
		return data;
	}
}

class BoolColumn implements ColumnBuilder {
	readonly type = new Bool();
	private values = new Validity(); // the same bit layout holds the values
	private validity = new Validity();
	private length = 0;

	add(vector: DuckDBVector, count: number) {
		this.values.ensure(this.length + count);
		this.validity.ensure(this.length + count);
		for (let i = 0; i < count; i++) {
			const value = vector.getItem(i);
			const at = this.length + i;
			this.validity.set(at, value !== null && value !== undefined);
			if (value) this.values.bytes[at >> 3] |= 1 << (at & 7);
		}
		this.length += count;
	}

	take(): Data {
		const { length } = this;
		const data = makeData({ type: this.type, length, nullCount: this.validity.nulls, data: this.values.bytes.slice(0, Math.ceil(length / 8)), nullBitmap: this.validity.bitmap(length) }) as Data;
		this.length = 0;
		this.values = new Validity();
		this.validity = new Validity();
		return data;
	}
}

/** Text that repeats (codes, names, periods): an index into a dictionary fixed before the first batch. */
class DictionaryColumn implements ColumnBuilder {
	readonly type: Dictionary<Utf8, Int32>;
	private readonly index: Map<string, number>;
	private indices = new Int32Array(1024);
	private validity = new Validity();
	private length = 0;

	constructor(id: number, private readonly dictionary: Vector<Utf8>, values: string[]) {
		this.type = new Dictionary(new Utf8(), new Int32(), id);
		this.index = new Map(values.map((value, i) => [value, i]));
	}

	add(vector: DuckDBVector, count: number) {
		const end = this.length + count;
		if (end > this.indices.length) {
			const indices = new Int32Array(Math.max(end, this.indices.length * 2));
			indices.set(this.indices);
			this.indices = indices;
		}
		this.validity.ensure(end);
		for (let i = 0; i < count; i++) {
			const value = vector.getItem(i);
			const at = this.length + i;
			if (value === null || value === undefined) {
				this.validity.set(at, false);
				continue;
			}
			const position = this.index.get(String(value));
			if (position === undefined) throw new Error(`"${String(value)}" is missing from its column's dictionary`);
			this.indices[at] = position;
			this.validity.set(at, true);
		}
		this.length = end;
	}

	take(): Data {
		const { length } = this;
		const data = makeData({ type: this.type, length, nullCount: this.validity.nulls, data: this.indices.slice(0, length), nullBitmap: this.validity.bitmap(length), dictionary: this.dictionary }) as Data;
		this.length = 0;
		this.validity = new Validity();
		return data;
	}
}

/** Text that rarely repeats (postcodes): UTF-8 bytes and offsets, written directly. */
class TextColumn implements ColumnBuilder {
	readonly type = new Utf8();
	private bytes = new Uint8Array(1 << 16);
	private used = 0;
	private offsets: number[] = [0];
	private validity = new Validity();
	private readonly encoder = new TextEncoder();

	add(vector: DuckDBVector, count: number) {
		const start = this.offsets.length - 1;
		this.validity.ensure(start + count);
		for (let i = 0; i < count; i++) {
			const value = vector.getItem(i);
			const present = value !== null && value !== undefined;
			this.validity.set(start + i, present);
			if (present) {
				const text = String(value);
				// UTF-8 needs at most 3 bytes per UTF-16 unit.
				if (this.used + text.length * 3 > this.bytes.length) {
					const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + text.length * 3));
					bytes.set(this.bytes.subarray(0, this.used));
					this.bytes = bytes;
				}
				this.used += this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
			}
			this.offsets.push(this.used);
		}
	}

	take(): Data {
		const length = this.offsets.length - 1;
		const data = makeData({ type: this.type, length, nullCount: this.validity.nulls, valueOffsets: Int32Array.from(this.offsets), data: this.bytes.slice(0, this.used), nullBitmap: this.validity.bitmap(length) }) as Data;
		this.bytes = new Uint8Array(1 << 16);
		this.used = 0;
		this.offsets = [0];
		this.validity = new Validity();
		return data;
	}
}

export function numberColumn(kind: 'int32' | 'float64'): ColumnBuilder {
	return new NumberColumn(kind);
}
export function boolColumn(): ColumnBuilder {
	return new BoolColumn();
}
export function textColumn(): ColumnBuilder {
	return new TextColumn();
}
export function dictionaryColumn(id: number, dictionary: Vector<Utf8>, values: string[]): ColumnBuilder {
	return new DictionaryColumn(id, dictionary, values);
}
