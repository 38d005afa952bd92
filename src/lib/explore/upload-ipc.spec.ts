import { afterEach, describe, expect, it } from 'vitest';
import { tableFromIPC, vectorFromArray, type Table } from 'apache-arrow';
import { splitStream, UploadIpcWriter } from './upload-ipc';
import type { ColumnType } from './csv-import';

function write(headers: string[], types: ColumnType[], rows: string[][], limits?: { rows: number; bytes: number }) {
	const writer = new UploadIpcWriter(headers, types, limits);
	for (const row of rows) writer.add(row);
	const stream = writer.finish();
	return { stream, table: tableFromIPC(stream) };
}

const values = (table: Table, name: string) => [...table.getChild(name)!];

describe('UploadIpcWriter', () => {
	const headers = ['code', 'note', 'n', 'score', 'ok'];
	const types: ColumnType[] = ['VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN'];
	const rows = [
		['RRK', '<img src=x onerror=alert(1)>', '1', '1.5', 'true'],
		['RJ1', '', '', '', ''],
		['R0A', 'Café £5 — 病院 🏥', '-2147483647', '-0.25', 'FALSE'],
		['RR8', '=1+1', ' 42 ', '1e3', 'True'],
		['', 'a "quoted", value\r\nover lines', '0', '', 'false']
	];

	it('round-trips every type, empty values and non-ASCII text through tableFromIPC', () => {
		const { table } = write(headers, types, rows);
		expect(table.numRows).toBe(5);
		expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
			['code', 'Utf8'],
			['note', 'Utf8'],
			['n', 'Int32'],
			['score', 'Float64'],
			['ok', 'Bool']
		]);
		expect(values(table, 'code')).toEqual(['RRK', 'RJ1', 'R0A', 'RR8', '']);
		expect(values(table, 'note')).toEqual(rows.map((r) => r[1]));
		expect(values(table, 'n')).toEqual([1, null, -2147483647, 42, 0]);
		expect(values(table, 'score')).toEqual([1.5, null, -0.25, 1000, null]);
		expect(values(table, 'ok')).toEqual([true, null, false, true, false]);
	});

	it('writes a record batch per so many rows, in one stream with its end marker', () => {
		const { stream, table } = write(headers, types, rows, { rows: 2, bytes: 1 << 20 });
		expect(table.batches.map((b) => b.numRows)).toEqual([2, 2, 1]);
		expect([...stream.subarray(-8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
		expect(values(table, 'note')).toEqual(rows.map((r) => r[1]));
		expect(values(table, 'n')).toEqual([1, null, -2147483647, 42, 0]);
	});

	it('cuts a batch when its values reach the byte limit', () => {
		const long = 'x'.repeat(100);
		const { table } = write(['t'], ['VARCHAR'], Array.from({ length: 10 }, () => [long]), { rows: 1000, bytes: 250 });
		expect(table.batches.map((b) => b.numRows)).toEqual([3, 3, 3, 1]);
	});

	it('grows the text buffer past its first size without losing values', () => {
		const big = Array.from({ length: 40 }, (_, i) => [`${i}:` + 'é'.repeat(3000)]);
		const { table } = write(['t'], ['VARCHAR'], big);
		expect(values(table, 't')).toEqual(big.map((r) => r[0]));
	});

	it('grows its columns past their first size, every type and null kept in place', () => {
		const many = Array.from({ length: 5000 }, (_, i) => (i % 11 === 0 ? ['', '', '', '', ''] : [`R${i}`, `n${i}`, String(i), String(i / 4), String(i % 2 === 0)]));
		const { table } = write(headers, types, many);
		expect(table.numRows).toBe(5000);
		expect(values(table, 'code')).toEqual(many.map((r) => r[0]));
		expect(values(table, 'n')).toEqual(many.map((r) => (r[2] === '' ? null : Number(r[2]))));
		expect(values(table, 'score')).toEqual(many.map((r) => (r[3] === '' ? null : Number(r[3]))));
		expect(values(table, 'ok')).toEqual(many.map((r) => (r[4] === '' ? null : r[4] === 'true')));
	});

	it('returns a buffer of its own, whole, so it can be transferred', () => {
		const { stream } = write(headers, types, rows, { rows: 2, bytes: 1 << 20 });
		expect(stream.byteOffset).toBe(0);
		expect(stream.buffer.byteLength).toBe(stream.length);
	});

	it('writes a valid empty table when no row was kept', () => {
		const { table } = write(['a', 'b'], ['INTEGER', 'VARCHAR'], []);
		expect(table.numRows).toBe(0);
		expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
	});
});

describe('building without compiling code (the site’s CSP has no unsafe-eval)', () => {
	const original = globalThis.Function;
	let compiled = 0;
	afterEach(() => {
		globalThis.Function = original;
		compiled = 0;
	});
	function watchFunction() {
		globalThis.Function = new Proxy(original, {
			construct(target, args) {
				compiled++;
				return Reflect.construct(target, args);
			},
			apply(target, self, args) {
				compiled++;
				return Reflect.apply(target, self, args);
			}
		});
	}

	it('never calls Function', () => {
		watchFunction();
		write(['a', 'b', 'c', 'd'], ['VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN'], [['x', '1', '2.5', 'true'], ['', '', '', '']]);
		expect(compiled).toBe(0);
	});

	it('would notice Arrow’s builders doing so (the check can fail)', () => {
		watchFunction();
		vectorFromArray(['x', null]);
		expect(compiled).toBeGreaterThan(0);
	});
});

describe('splitStream', () => {
	it('rejects bytes that are not an IPC stream', () => {
		expect(() => splitStream(new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0]))).toThrow(/continuation/);
	});
});
