/**
 * Just enough of the zip format to read the published archives: the central
 * directory for names, then one entry at a time through Node's native inflate
 * (several times faster than inflating in JavaScript, which matters for an
 * 85 MB RTT month). Anything damaged or unsupported throws an Error with a
 * plain reason; callers turn it into a ReadError naming the file.
 */
import { constants, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
	name: string;
	method: number; // 0 stored, 8 deflate
	compressedSize: number;
	size: number;
	headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function view(zip: Uint8Array): DataView {
	return new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
}

function need(zip: Uint8Array, end: number, what: string): void {
	if (end > zip.length) throw new Error(`the zip is cut short (${what} runs past the end)`);
}

/** Every entry listed in the central directory, in order. */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
	const data = view(zip);
	// The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
	let end = -1;
	for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
		if (data.getUint32(at, true) === END_OF_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end < 0) throw new Error('not a zip archive, or one cut short (no central directory)');
	const count = data.getUint16(end + 10, true);
	let at = data.getUint32(end + 16, true);
	if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives (over 4 GB or 65,535 files) are not supported');
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		need(zip, at + 46, 'the central directory');
		if (data.getUint32(at, true) !== DIRECTORY_HEADER) throw new Error('the zip\'s central directory is damaged');
		const flags = data.getUint16(at + 8, true);
		const nameLength = data.getUint16(at + 28, true);
		need(zip, at + 46 + nameLength, 'a file name');
		const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
		// Bit 11 marks UTF-8 names; older tools wrote the DOS code page, read here as Latin-1.
		const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
		const entry = {
			name,
			method: data.getUint16(at + 10, true),
			compressedSize: data.getUint32(at + 20, true),
			size: data.getUint32(at + 24, true),
			headerOffset: data.getUint32(at + 42, true)
		};
		if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) throw new Error('zip64 archives (over 4 GB or 65,535 files) are not supported');
		entries.push(entry);
		at += 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
	}
	return entries;
}

/** The entry's bytes as stored in the zip (deflated unless `method` is 0). */
export function compressedBytes(zip: Uint8Array, entry: ZipEntry): Uint8Array {
	const data = view(zip);
	const at = entry.headerOffset;
	need(zip, at + 30, `the header of ${entry.name}`);
	if (data.getUint32(at, true) !== LOCAL_HEADER) throw new Error(`the header of ${entry.name} is damaged`);
	const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
	need(zip, start + entry.compressedSize, entry.name);
	if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
	return zip.subarray(start, start + entry.compressedSize);
}

/**
 * The whole entry, decompressed and checked against the size the directory gives.
 * `maxBytes` stops inflating there, for archives that may lie about their sizes (zip bombs).
 */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry, maxBytes?: number): Uint8Array {
	const packed = compressedBytes(zip, entry);
	const options = maxBytes === undefined ? {} : { maxOutputLength: Math.max(1, maxBytes) };
	const bytes = entry.method === 0 ? packed : new Uint8Array(inflateRawSync(packed, options));
	if (bytes.length !== entry.size) throw new Error(`${entry.name} decompressed to ${bytes.length} bytes, not the ${entry.size} its zip lists`);
	return bytes;
}

/** The first `limit` bytes of an entry, decompressing no more than needed. */
export function zipEntryStart(zip: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
	const packed = compressedBytes(zip, entry);
	if (entry.method === 0) return packed.subarray(0, limit);
	// Text packs four to ten times: a quarter of the limit, packed, usually decodes to more than the limit.
	for (let take = Math.min(packed.length, Math.ceil(limit / 4)); ; take = Math.min(packed.length, take * 4)) {
		// A sync flush returns what the bytes so far decode to instead of failing on the missing end.
		const bytes = new Uint8Array(inflateRawSync(packed.subarray(0, take), { finishFlush: constants.Z_SYNC_FLUSH }));
		if (bytes.length >= limit || take === packed.length) return bytes.subarray(0, limit);
	}
}
