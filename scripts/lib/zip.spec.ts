import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { strToU8, zipSync } from 'fflate';
import { readZipEntry, zipEntries, zipEntryStart } from './zip.ts';

// A large, compressible text, as an RTT month is.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0; // toEqual is slow on big arrays
const csv = strToU8(Array.from({ length: 20_000 }, (_, i) => `RTT-January-2026,R0A,Trust ${i % 97},C_110,${i}`).join('\n'));
const archive = zipSync({
	'data/month.csv': [csv, { level: 6 }],
	'README.txt': [strToU8('read me'), { level: 0 }],
	'Données ä.csv': [strToU8('a,b\n1,2\n'), { level: 9 }],
	'__MACOSX/': new Uint8Array()
});

describe('zipEntries', () => {
	it('lists every entry with its method and sizes', () => {
		const entries = zipEntries(archive);
		expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
			['data/month.csv', 8, csv.length],
			['README.txt', 0, 7],
			['Données ä.csv', 8, 8],
			['__MACOSX/', 8, 0]
		]);
		expect(entries[0].compressedSize).toBeLessThan(csv.length / 4);
	});

	it.each([
		['an empty file', new Uint8Array(), 'not a zip archive, or one cut short (no central directory)'],
		['a CSV named .zip', strToU8('a,b\n1,2\n'.repeat(10)), 'not a zip archive, or one cut short (no central directory)'],
		['a zip cut in half', archive.subarray(0, archive.length >> 1), 'not a zip archive, or one cut short (no central directory)']
	])('refuses %s with a plain reason', (_, bytes, message) => {
		expect(() => zipEntries(bytes)).toThrow(message);
	});
});

describe('readZipEntry and zipEntryStart', () => {
	const [month, readme, accented] = zipEntries(archive);

	it('decompresses deflated and stored entries exactly', () => {
		expect(same(readZipEntry(archive, month), csv)).toBe(true);
		expect(new TextDecoder().decode(readZipEntry(archive, readme))).toBe('read me');
		expect(new TextDecoder().decode(readZipEntry(archive, accented))).toBe('a,b\n1,2\n');
	});

	it.each([1, 100, 65_536, csv.length, csv.length + 10])('gives the first %i bytes without the rest', (limit) => {
		const start = zipEntryStart(archive, month, limit);
		expect(start.length).toBe(Math.min(limit, csv.length));
		expect(same(start, csv.subarray(0, limit))).toBe(true);
	});

	it('refuses an entry whose data was damaged, an unknown method and a size that does not match', () => {
		const damaged = archive.slice();
		const start = month.headerOffset + 30 + 'data/month.csv'.length;
		damaged.fill(0xff, start + 10, start + 40);
		expect(() => readZipEntry(damaged, month)).toThrow();
		expect(() => readZipEntry(archive, { ...month, method: 12 })).toThrow('data/month.csv uses compression method 12; only stored and deflate are supported');
		expect(() => readZipEntry(archive, { ...month, size: 5 })).toThrow(`data/month.csv decompressed to ${csv.length} bytes, not the 5 its zip lists`);
		expect(() => readZipEntry(archive, { ...month, compressedSize: archive.length })).toThrow('the zip is cut short (data/month.csv runs past the end)');
	});
});
