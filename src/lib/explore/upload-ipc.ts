/**
 * Turns the good rows of an uploaded CSV into an Arrow IPC stream, inside the
 * CSV worker, so the page never holds (or encodes) millions of values: it only
 * hands the finished bytes to DuckDB. A 200 MB file took one 33.7 s task on the
 * page when the values came back as JavaScript arrays.
 *
 * Rows go into typed arrays of our own and become columns through makeData,
 * not vectorFromArray or Arrow's builders: those compile a null check with
 * new Function, which the site's CSP (no unsafe-eval) forbids.
 *
 * Rows are written a record batch at a time (BATCH_ROWS rows, or fewer when
 * their values reach BATCH_BYTES), so a batch's working arrays are freed as
 * soon as it is encoded, and finish() joins the batches into one stream. One
 * buffer, not a piece per batch: DuckDB-WASM 1.32 accepts a stream over several
 * insertArrowFromIPCStream calls but keeps pointers into memory it frees after
 * each call, and the table comes out corrupt ("Invalid unicode … detected").
 */
import { Bool, Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, tableToIPC, type Data, type DataType } from 'apache-arrow';
import { convert, type ColumnType } from './csv-import';
import { concatBytes } from '../files/bytes';

export const BATCH_ROWS = 1 << 18;
export const BATCH_BYTES = 64 << 20;

/** Continuation marker and a zero length: the end of an IPC stream. */
const END_OF_STREAM = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];

export function arrowType(type: ColumnType): DataType {
	if (type === 'DOUBLE') return new Float64();
	if (type === 'INTEGER') return new Int32();
	if (type === 'BOOLEAN') return new Bool();
	return new Utf8();
}

export function uploadSchema(headers: string[], types: ColumnType[]): Schema {
	return new Schema(headers.map((name, i) => new Field(name, arrowType(types[i]), true)));
}

/** Values a column buffer first makes room for; it doubles as needed (a small file of 121 columns stays small). */
const FIRST_CAPACITY = 1024;

function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, length: number): T {
	const bigger = new (array.constructor as new (length: number) => T)(length);
	bigger.set(array);
	return bigger;
}

/** One column of one record batch, filled value by value. */
export class ColumnBuffer {
	length = 0;
	private nulls = 0;
	private capacity: number;
	private valid: Uint8Array;
	private numbers: Float64Array | Int32Array | null = null;
	private bits: Uint8Array | null = null;
	private offsets: Int32Array | null = null;
	private text: Uint8Array | null = null;
	private textLength = 0;
	private static encoder = new TextEncoder();

	constructor(
		readonly type: ColumnType,
		private maxValues: number
	) {
		const capacity = (this.capacity = Math.min(maxValues, FIRST_CAPACITY));
		this.valid = new Uint8Array(Math.ceil(capacity / 8));
		if (type === 'DOUBLE') this.numbers = new Float64Array(capacity);
		else if (type === 'INTEGER') this.numbers = new Int32Array(capacity);
		else if (type === 'BOOLEAN') this.bits = new Uint8Array(Math.ceil(capacity / 8));
		else {
			this.offsets = new Int32Array(capacity + 1);
			this.text = new Uint8Array(1 << 16);
		}
	}

	private grow(): void {
		const capacity = (this.capacity = Math.min(this.maxValues, this.capacity * 2));
		this.valid = grown(this.valid, Math.ceil(capacity / 8));
		if (this.numbers) this.numbers = grown(this.numbers, capacity);
		if (this.bits) this.bits = grown(this.bits, Math.ceil(capacity / 8));
		if (this.offsets) this.offsets = grown(this.offsets, capacity + 1);
	}

	/** Bytes the values take so far (for deciding when a batch is big enough). */
	get byteLength(): number {
		return this.textLength + (this.numbers?.BYTES_PER_ELEMENT ?? 0) * this.length;
	}

	add(value: string | number | boolean | null): void {
		const i = this.length;
		if (i >= this.capacity) {
			if (i >= this.maxValues) throw new Error(`A column batch holds at most ${this.maxValues} values`);
			this.grow();
		}
		this.length++;
		if (value === null) {
			this.nulls++;
			if (this.offsets) this.offsets[i + 1] = this.textLength;
			return;
		}
		this.valid[i >> 3] |= 1 << (i & 7);
		if (this.numbers) this.numbers[i] = value as number;
		else if (this.bits) {
			if (value === true) this.bits[i >> 3] |= 1 << (i & 7);
		} else {
			this.addText(String(value));
			this.offsets![i + 1] = this.textLength;
		}
	}

	private addText(s: string): void {
		// A UTF-16 code unit never needs more than 3 bytes of UTF-8.
		const needed = this.textLength + s.length * 3;
		if (needed > this.text!.length) {
			const grown = new Uint8Array(Math.max(needed, this.text!.length * 2));
			grown.set(this.text!.subarray(0, this.textLength));
			this.text = grown;
		}
		const text = this.text!;
		let at = this.textLength;
		for (let k = 0; k < s.length; k++) {
			const c = s.charCodeAt(k);
			if (c >= 0x80) {
				// Not plain ASCII: let the platform's encoder do the whole value.
				at = this.textLength + ColumnBuffer.encoder.encodeInto(s, text.subarray(this.textLength)).written;
				break;
			}
			text[at++] = c;
		}
		this.textLength = at;
	}

	toData(): Data {
		const length = this.length;
		const nullCount = this.nulls;
		const nullBitmap = nullCount ? this.valid.subarray(0, Math.ceil(length / 8)) : undefined;
		if (this.type === 'DOUBLE') return makeData({ type: new Float64(), length, nullCount, nullBitmap, data: (this.numbers as Float64Array).subarray(0, length) });
		if (this.type === 'INTEGER') return makeData({ type: new Int32(), length, nullCount, nullBitmap, data: (this.numbers as Int32Array).subarray(0, length) });
		if (this.type === 'BOOLEAN') return makeData({ type: new Bool(), length, nullCount, nullBitmap, data: this.bits!.subarray(0, Math.ceil(length / 8)) });
		return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets: this.offsets!.subarray(0, length + 1), data: this.text!.subarray(0, this.textLength) });
	}
}

/** The IPC stream of one batch, cut into its schema message and its record batch message. */
export function splitStream(stream: Uint8Array): { schema: Uint8Array; batch: Uint8Array } {
	const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
	if (view.getInt32(0, true) !== -1) throw new Error('Not an Arrow IPC stream (no continuation marker)');
	const schemaEnd = 8 + view.getInt32(4, true);
	const end = stream.length - END_OF_STREAM.length;
	if (END_OF_STREAM.some((b, k) => stream[end + k] !== b)) throw new Error('The Arrow IPC stream does not end with its end-of-stream marker');
	return { schema: stream.subarray(0, schemaEnd), batch: stream.subarray(schemaEnd, end) };
}

/**
 * Writes rows of CSV cells (already checked against the column types) as an
 * Arrow IPC stream: add() each row, then finish() for the stream.
 */
export class UploadIpcWriter {
	readonly schema: Schema;
	private columns: ColumnBuffer[];
	private pieces: Uint8Array[] = [];
	private rows = 0;
	private schemaWritten = false;

	constructor(
		headers: string[],
		private types: ColumnType[],
		private limits: { rows: number; bytes: number } = { rows: BATCH_ROWS, bytes: BATCH_BYTES }
	) {
		this.schema = uploadSchema(headers, types);
		this.columns = this.freshColumns();
	}

	private freshColumns(): ColumnBuffer[] {
		return this.types.map((type) => new ColumnBuffer(type, this.limits.rows));
	}

	add(cells: string[]): void {
		for (let i = 0; i < this.columns.length; i++) this.columns[i].add(convert(cells[i], this.types[i]));
		this.rows++;
		if ((this.columns[0]?.length ?? 0) >= this.limits.rows || this.columns.reduce((sum, c) => sum + c.byteLength, 0) >= this.limits.bytes) this.flush();
	}

	/** Rows added so far. */
	get rowCount(): number {
		return this.rows;
	}

	/** Ends the current record batch (if it has rows). */
	flush(): void {
		const length = this.columns[0]?.length ?? 0;
		if (!length) return;
		const children = this.columns.map((c) => c.toData());
		const data = makeData({ type: new Struct(this.schema.fields), length, nullCount: 0, children });
		const { schema, batch } = splitStream(tableToIPC(new Table([new RecordBatch(this.schema, data)]), 'stream'));
		if (!this.schemaWritten) {
			this.pieces.push(schema);
			this.schemaWritten = true;
		}
		this.pieces.push(batch);
		this.columns = this.freshColumns();
	}

	/** The whole stream as one buffer of its own: schema, record batches, end of stream. The writer is spent afterwards. */
	finish(): Uint8Array {
		this.flush();
		if (!this.schemaWritten) this.pieces.push(splitStream(tableToIPC(new Table(this.schema), 'stream')).schema);
		this.pieces.push(Uint8Array.from(END_OF_STREAM));
		return concatBytes(this.pieces, { release: true }); // let each batch go once copied
	}
}
