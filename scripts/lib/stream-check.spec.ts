import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from './source-files.ts';
import { zipEntries } from './zip.ts';
import { LineLengths, Utf8Check, checkStream, completeEnd } from './stream-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'stream-check-'));
const bytes = (...b: number[]) => new Uint8Array(b);

describe('completeEnd', () => {
	const cases: [string, Uint8Array, number][] = [
		['ASCII', strToU8('abc'), 3],
		['a whole two-byte character', bytes(0x61, 0xc3, 0xa9), 3],
		['a two-byte character missing its last byte', bytes(0x61, 0xc3), 1],
		['a three-byte character missing one byte', bytes(0x61, 0xe2, 0x82), 1],
		['a whole four-byte character', bytes(0xf0, 0x9f, 0x98, 0x80), 4],
		['a four-byte character missing one byte', bytes(0x61, 0xf0, 0x9f, 0x98), 1],
		['a stray continuation byte (left for isUtf8 to refuse)', bytes(0x61, 0x80), 2],
		['nothing', bytes(), 0]
	];
	for (const [what, input, end] of cases) it(`${what} → ${end}`, () => expect(completeEnd(input)).toBe(end));
});

describe('Utf8Check', () => {
	const text = strToU8('café €5 😀 done');
	for (let cut = 0; cut <= text.length; cut++) {
		it(`accepts UTF-8 cut into two chunks at byte ${cut}`, () => {
			const check = new Utf8Check();
			check.check(text.subarray(0, cut));
			check.check(text.subarray(cut));
			expect(check.end()).toBe(true);
		});
	}
	const asciiCases: [string, Uint8Array[], boolean][] = [
		['plain ASCII in two chunks', [strToU8('RTT-January-2026,'), strToU8('R0A\n')], true],
		['UTF-8 with an accent in the second chunk', [strToU8('RTT-January-2026,'), strToU8('café\n')], false],
		['a no-break space (which trim removes) in the first chunk', [strToU8('\u00a0R0A,'), strToU8('x\n')], false]
	];
	for (const [what, chunks, ascii] of asciiCases) {
		it(`says whether ${what} is ASCII: ${ascii}`, () => {
			const check = new Utf8Check();
			for (const chunk of chunks) check.check(chunk);
			expect(check.end()).toBe(true);
			expect(check.ascii).toBe(ascii);
		});
	}
	const bad: [string, Uint8Array[]][] = [
		['Windows-1252 (’ as 0x92)', [strToU8('it'), bytes(0x92), strToU8('s')]],
		['a character cut off at the end', [strToU8('caf'), bytes(0xc3)]],
		['a lead byte followed by ASCII in the next chunk', [bytes(0x61, 0xe2), strToU8('bc')]]
	];
	for (const [what, chunks] of bad) {
		it(`refuses ${what}`, () => {
			const check = new Utf8Check();
			for (const chunk of chunks) check.check(chunk);
			expect(check.end()).toBe(false);
		});
	}
});

describe('LineLengths', () => {
	it('counts a line across chunks and names the line that is too long', () => {
		const lines = new LineLengths('f.csv', 10);
		lines.check(strToU8('short\n12345'));
		expect(() => lines.check(strToU8('67890\nx'))).not.toThrow();
		expect(() => lines.check(strToU8('0123456789\n'))).toThrow(/^f\.csv, line 3: this line is longer than 10 bytes/);
	});
});

describe('checkStream', () => {
	const csv = strToU8(Array.from({ length: 50_000 }, (_, i) => `RTT-January-2026,R0A,Trust ${i % 97},C_110,${i}`).join('\n') + '\n');
	const source = (name: string, data: Uint8Array, container: SourceFile['container'], entry: string | null = null): SourceFile => {
		const path = join(dir, name);
		writeFileSync(path, data);
		return { path, name, container, entry, bytes: data.length, sample: new Uint8Array() };
	};
	const zipped = zipSync({ 'month.csv': [csv, { level: 6 }], 'stored.csv': [csv, { level: 0 }] });
	const copies: [string, SourceFile][] = [
		['a gzip', source('m.csv.gz', gzipSync(csv), 'gzip')],
		['a deflated zip entry', source('m.zip', zipped, 'zip', 'month.csv')],
		['a stored zip entry', source('m.zip', zipped, 'zip', 'stored.csv')]
	];
	for (const [what, file] of copies) {
		it(`copies ${what} out byte for byte as it checks it`, async () => {
			const copy = join(dir, 'copy.csv');
			expect(await checkStream(file, 1000, copy)).toEqual({ utf8: true, ascii: true });
			expect(Buffer.compare(readFileSync(copy), csv)).toBe(0);
		});
	}
	it('reports a plain Windows-1252 file as not UTF-8, without copying it', async () => {
		expect(await checkStream(source('w.csv', bytes(0x61, 0x92, 0x0a), 'plain'), 1000)).toEqual({ utf8: false, ascii: false });
	});
	const damaged: [string, SourceFile, RegExp][] = [
		['a gzip cut short', source('cut.csv.gz', gzipSync(csv).subarray(0, 20_000), 'gzip'), /^cut\.csv\.gz, line 0: the file is damaged or cut short and cannot be decompressed \(unexpected end of file\)\.$/],
		['a zip entry longer than its directory says', source('lies.zip', sizeLie(zipped), 'zip', 'month.csv'), /^lies\.zip, line 0: the file is damaged or cut short and cannot be decompressed \(month\.csv decompressed to \d+ bytes, not the 1000 its zip lists\)\.$/]
	];
	for (const [what, file, message] of damaged) {
		it(`refuses ${what}, naming the file`, async () => {
			await expect(checkStream(file, 1000, join(dir, 'copy.csv'))).rejects.toThrow(message);
		});
	}
	it('stops at a line too long, naming it', async () => {
		await expect(checkStream(source('long.csv.gz', gzipSync(strToU8(`a\nb\n${'x'.repeat(5000)}\n`)), 'gzip'), 1000, join(dir, 'copy.csv'))).rejects.toThrow(/^long\.csv\.gz, line 3: this line is longer than 1,000 bytes/);
	});
});

/** The first entry's uncompressed size set to 1000 in the central directory (which zipEntries reads). */
function sizeLie(zip: Uint8Array): Uint8Array {
	const copy = zip.slice();
	const view = new DataView(copy.buffer);
	const [first] = zipEntries(zip);
	// The central directory follows the last entry's data; its first header is the first entry's.
	let at = zip.length - 22;
	while (view.getUint32(at, true) !== 0x06054b50) at--;
	view.setUint32(view.getUint32(at + 16, true) + 24, 1000, true);
	expect(zipEntries(copy)[0]).toMatchObject({ name: first.name, size: 1000 });
	return copy;
}
