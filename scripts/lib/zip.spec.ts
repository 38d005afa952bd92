import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { strToU8, zipSync } from 'fflate';
import { readZipEntry, zipDirectory, zipEntries, zipEntryStart, zipInMemory } from './zip.ts';

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

	it.each([1, 100, 65_536, csv.length, csv.length + 10])('gives the first %i bytes without the rest', async (limit) => {
		const start = await zipEntryStart(zipInMemory(archive), month, limit);
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

/** A ZipSource over `zip` that checks every read stays inside the file and counts the bytes read. */
function counted(zip: Uint8Array) {
	const source = { size: zip.length, bytesRead: 0, reads: 0, starts: [] as number[], read: async (position: number, length: number) => {
		expect(position).toBeGreaterThanOrEqual(0);
		expect(length).toBeGreaterThanOrEqual(0);
		expect(position + length).toBeLessThanOrEqual(zip.length);
		source.bytesRead += length;
		source.reads++;
		source.starts.push(position);
		return zip.subarray(position, position + length);
	} };
	return source;
}

/** `zip` with the 16- or 32-bit field at `at` set (a negative `at` counts from the end). */
function patched(zip: Uint8Array, at: number, value: number, bits: 16 | 32 = 32): Uint8Array {
	const copy = zip.slice();
	const view = new DataView(copy.buffer);
	const offset = at < 0 ? copy.length + at : at;
	if (bits === 16) view.setUint16(offset, value, true);
	else view.setUint32(offset, value, true);
	return copy;
}

function withComment(zip: Uint8Array, bytes: number): Uint8Array {
	const copy = new Uint8Array(zip.length + bytes).fill(0x41);
	copy.set(zip);
	new DataView(copy.buffer).setUint16(zip.length - 2, bytes, true);
	return copy;
}

// Incompressible text, so that the archive is large and reading it whole would show.
let state = 7;
const noise = strToU8(Array.from({ length: 200_000 }, () => ((state = (state * 48271) % 0x7fffffff) % 36).toString(36)).join(''));
const big = zipSync({ 'noise.csv': [noise, { level: 6 }], '__MACOSX/._noise.csv': strToU8('junk') });
const directory = new DataView(big.buffer).getUint32(big.length - 6, true); // the end record's directory offset
const directoryBytes = big.length - 22 - directory;
const many = zipSync(Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`a/folder/with/a/long/name/entry-${String(i).padStart(4, '0')}.csv`, strToU8(`x,${i}\n`)])));

describe('zipDirectory reads only the end of the file', () => {
	it.each([
		['an archive with no comment', big, 16_384],
		['an archive comment of 40,000 bytes', withComment(big, 40_000), 16_384 + 65_557],
		['the longest archive comment (65,535 bytes)', withComment(big, 65_535), 16_384 + 65_557 + directoryBytes],
		['a central directory larger than the first read', many, many.length - zipEntries(many)[0].headerOffset]
	])('%s: the same entries as from the whole file, bounded reads', async (_, zip, most) => {
		const source = counted(zip);
		expect(await zipDirectory(source)).toEqual(zipEntries(zip));
		expect(source.bytesRead).toBeLessThanOrEqual(most);
		expect(source.bytesRead).toBeLessThan(zip.length);
	});

	it('reads the directory of a 700-entry archive from where it starts, not the whole file', async () => {
		const source = counted(many);
		const entries = await zipDirectory(source);
		expect(entries).toHaveLength(700);
		const start = new DataView(many.buffer).getUint32(many.length - 6, true);
		expect(source.bytesRead).toBe(16_384 + (many.length - 16_384 - start));
	});

	const cd = directory;
	it.each([
		['an empty file', new Uint8Array(), 'not a zip archive, or one cut short (no central directory)'],
		['a CSV named .zip', strToU8('a,b\n1,2\n'.repeat(10_000)), 'not a zip archive, or one cut short (no central directory)'],
		['a zip cut in half', big.subarray(0, big.length >> 1), 'not a zip archive, or one cut short (no central directory)'],
		['a zip whose last 10 bytes are lost', big.subarray(0, big.length - 10), 'not a zip archive, or one cut short (no central directory)'],
		['a comment longer than the zip format allows', withComment(big, 70_000), 'not a zip archive, or one cut short (no central directory)'],
		['a directory said to start past the end', patched(big, -6, big.length + 1000), 'the zip is cut short (the central directory runs past the end)'],
		['a directory said to start at the first entry', patched(big, -6, 0), "the zip's central directory is damaged"],
		['more entries than the directory holds', patched(big, -12, 3, 16), 'the zip is cut short (the central directory runs past the end)'],
		['a second directory header that is not one', patched(big, directory + 46 + 'noise.csv'.length, 0x04034b50), "the zip's central directory is damaged"],
		['a file name running past the end', patched(big, cd + 28, 0xfff0, 16), 'the zip is cut short (a file name runs past the end)'],
		['zip64: 65,535 entries', patched(big, -12, 0xffff, 16), 'zip64 archives (over 4 GB or 65,535 files) are not supported'],
		['zip64: a directory offset of 0xffffffff', patched(big, -6, 0xffffffff), 'zip64 archives (over 4 GB or 65,535 files) are not supported'],
		['zip64: an entry size of 0xffffffff', patched(big, cd + 24, 0xffffffff), 'zip64 archives (over 4 GB or 65,535 files) are not supported']
	])('refuses %s with the same reason as from the whole file', async (_, zip, message) => {
		expect(() => zipEntries(zip)).toThrow(message);
		await expect(zipDirectory(counted(zip))).rejects.toThrow(message);
	});

	it('lists an empty archive as no entries, from its 22 bytes', async () => {
		const source = counted(zipSync({}));
		expect(await zipDirectory(source)).toEqual([]);
		expect(source.bytesRead).toBe(22);
	});
});

describe('zipEntryStart reads the local header and just enough packed bytes', () => {
	const [entry] = zipEntries(big);

	// One read of the header, 1 kB of room for its name and extra field and a quarter of the limit packed;
	// then more, four times as much in all, while that decodes to too little.
	const name = 'noise.csv'.length;
	it.each([
		[100, 1, 30 + 1024 + 25],
		[65_536, 2, 30 + name + 65_536]
	])('the first %i bytes of a deflated entry in %i read(s) of %i bytes', async (limit, reads, bytesRead) => {
		const source = counted(big);
		expect(same(await zipEntryStart(source, entry, limit), noise.subarray(0, limit))).toBe(true);
		expect([source.reads, source.bytesRead]).toEqual([reads, bytesRead]);
		expect(source.bytesRead).toBeLessThan(entry.compressedSize / 2);
	});

	it('the first bytes of a stored entry, no more', async () => {
		const stored = zipSync({ 'raw.csv': [noise, { level: 0 }] });
		const source = counted(stored);
		const [raw] = zipEntries(stored);
		expect(same(await zipEntryStart(source, raw, 1000), noise.subarray(0, 1000))).toBe(true);
		expect([source.reads, source.bytesRead]).toEqual([1, 30 + 1024 + 1000]);
	});

	it.each([
		['a local header that is not one', { ...entry, headerOffset: 1 }, 'the header of noise.csv is damaged'],
		['a local header past the end', { ...entry, headerOffset: big.length - 10 }, 'the zip is cut short (the header of noise.csv runs past the end)'],
		['packed data running past the end', { ...entry, compressedSize: big.length }, 'the zip is cut short (noise.csv runs past the end)'],
		['an unknown method', { ...entry, method: 12 }, 'noise.csv uses compression method 12; only stored and deflate are supported']
	])('refuses %s with the same reason as reading the whole entry', async (_, lying, message) => {
		expect(() => readZipEntry(big, lying)).toThrow(message);
		await expect(zipEntryStart(counted(big), lying, 1000)).rejects.toThrow(message);
	});

	it('reads on past the room left for the name when the extra field is larger', async () => {
		// A 4,000-byte extra field: the first packed bytes start beyond the first read.
		const extra = zipSync({ 'e.csv': [noise, { level: 6, extra: { 0x7777: new Uint8Array(3996) } }] });
		const [e] = zipEntries(extra);
		const source = counted(extra);
		expect(same(await zipEntryStart(source, e, 1000), noise.subarray(0, 1000))).toBe(true);
		expect(source.starts[1]).toBe(30 + 'e.csv'.length + 4000);
	});

	it('refuses a local header whose name runs the data past the end', async () => {
		const zip = patched(big, 26, 0xffff, 16);
		expect(() => readZipEntry(zip, entry)).toThrow('the zip is cut short (noise.csv runs past the end)');
		await expect(zipEntryStart(counted(zip), entry, 1000)).rejects.toThrow('the zip is cut short (noise.csv runs past the end)');
	});
});
