/**
 * One streaming pass over a big file's decompressed contents before DuckDB reads it.
 * DuckDB's CSV reader neither notices a gzip cut short nor gives up quickly on a huge
 * line, and it needs UTF-8: so a damaged archive or a line longer than `maxLine` bytes
 * becomes a ReadError naming the file (and the line), and whether the bytes are UTF-8
 * (and whether they are plain ASCII, which lets a reader skip work) is reported. The bytes can be copied to a file as they pass (an archive's contents,
 * for DuckDB), so that 85 MB of CSV is never held in memory. Each chunk costs a few
 * native scans (indexOf, isUtf8), no JavaScript loop over its bytes.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { damaged, decompressedStream, type SourceFile } from './source-files.ts';
import { ReadError } from '../readers/types.ts';

export async function checkStream(source: SourceFile, maxLine: number, copyTo: string | null = null): Promise<{ utf8: boolean; ascii: boolean }> {
	const chunks = (await decompressedStream(source))[Symbol.asyncIterator]();
	const lines = new LineLengths(source.name, maxLine);
	const utf8 = new Utf8Check();
	const out = copyTo === null ? null : await open(copyTo, 'w');
	try {
		for (;;) {
			let next: IteratorResult<Uint8Array>;
			try {
				next = await chunks.next();
			} catch (error) {
				throw damaged(source, error as Error);
			}
			if (next.done) break;
			lines.check(next.value);
			utf8.check(next.value);
			if (out) await out.write(next.value);
		}
		return { utf8: utf8.end(), ascii: utf8.ascii };
	} finally {
		await chunks.return?.();
		await out?.close();
	}
}

/** Counts lines across chunks and throws at the first one longer than `maxLine` bytes. */
export class LineLengths {
	private line = 1;
	private run = 0;
	constructor(private readonly name: string, private readonly maxLine: number) {}

	check(bytes: Uint8Array): void {
		let from = 0;
		for (;;) {
			const nl = bytes.indexOf(0x0a, from);
			const length = (nl < 0 ? bytes.length : nl) - from;
			if (this.run + length > this.maxLine) {
				throw new ReadError(this.name, this.line, null, `this line is longer than ${this.maxLine.toLocaleString('en-GB')} bytes, far too long for a row; the file is damaged or not the format it claims to be.`);
			}
			if (nl < 0) {
				this.run += length;
				return;
			}
			this.line++;
			this.run = 0;
			from = nl + 1;
		}
	}
}

/** Whether bytes seen chunk by chunk are UTF-8, a character split between two chunks included, and whether all are ASCII. */
export class Utf8Check {
	private valid = true;
	private carry: Uint8Array = new Uint8Array(0);
	/** Every byte so far below 0x80 (then UTF-8 too, and no character is split). */
	ascii = true;

	check(chunk: Uint8Array): void {
		if (!this.valid) return;
		if (this.ascii && isAscii(chunk)) return;
		this.ascii = false;
		const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
		const end = completeEnd(bytes);
		this.valid = isUtf8(bytes.subarray(0, end));
		this.carry = bytes.slice(end);
	}

	/** A character left unfinished at the end is not UTF-8. */
	end(): boolean {
		return this.valid && this.carry.length === 0;
	}
}

/** Where the last complete character ends: before a lead byte whose continuation bytes have not all arrived. */
export function completeEnd(bytes: Uint8Array): number {
	let at = bytes.length - 1;
	while (at >= 0 && at >= bytes.length - 3 && (bytes[at] & 0xc0) === 0x80) at--;
	if (at < 0) return bytes.length;
	const lead = bytes[at];
	const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	return bytes.length - at < size ? at : bytes.length;
}
