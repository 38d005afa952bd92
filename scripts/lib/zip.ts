/**
 * Just enough of the zip format to read the published archives: the central
 * directory for names, then one entry at a time through Node's native inflate
 * (several times faster than inflating in JavaScript, which matters for an
 * 85 MB RTT month). A zip on disk is recognised from a few reads by position
 * (zipDirectory, zipEntryStart): its end and the start of each entry, not the whole
 * archive, parsed by the same code. Anything damaged or unsupported throws an Error
 * with a plain reason; callers turn it into a ReadError naming the file.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { concatBytes } from '../../src/lib/files/bytes.ts';

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

/**
 * Some of a zip's bytes: `bytes` are the file's from offset `base` on, and `size` is the
 * whole file's length. The whole file in memory is the part from 0; a zip on disk is read
 * a part at a time (the end, the directory, one header), parsed by the same code.
 */
interface ZipPart {
	bytes: Uint8Array;
	base: number;
	size: number;
}

/** A zip read by position: `read` gives `length` bytes from `position` (both within `size`). */
export interface ZipSource {
	size: number;
	read(position: number, length: number): Promise<Uint8Array>;
}

function wholeZip(zip: Uint8Array): ZipPart {
	return { bytes: zip, base: 0, size: zip.length };
}

/** A zip already in memory as a ZipSource, read without copying. */
export function zipInMemory(zip: Uint8Array): ZipSource {
	return { size: zip.length, read: async (position, length) => zip.subarray(position, position + length) };
}

function u16(part: ZipPart, at: number): number {
	const i = at - part.base;
	// Every read is checked against the file's size first; bytes missing here mean the file changed under us.
	if (i < 0 || i + 2 > part.bytes.length) throw new Error('the zip changed while it was being read');
	return part.bytes[i] | (part.bytes[i + 1] << 8);
}

function u32(part: ZipPart, at: number): number {
	return u16(part, at) + u16(part, at + 2) * 0x10000;
}

function need(part: ZipPart, end: number, what: string): void {
	if (end > part.size) throw new Error(`the zip is cut short (${what} runs past the end)`);
}

/** The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes. */
const END_SEARCH = 22 + 65_535;
const END_RECORD = 22;

/**
 * The offset of the end record, the one nearest the end; -1 when there is none in
 * `part`. `part` holds the file from `base` to its end; only when it holds the last
 * END_SEARCH bytes (or the whole file) is -1 final.
 */
function findEnd(part: ZipPart): number {
	for (let at = part.size - END_RECORD; at >= Math.max(part.base, part.size - END_SEARCH); at--) {
		if (u32(part, at) === END_OF_DIRECTORY) return at;
	}
	return -1;
}

function searchedWhole(part: ZipPart): boolean {
	return part.base <= Math.max(0, part.size - END_SEARCH);
}

const NO_DIRECTORY = 'not a zip archive, or one cut short (no central directory)';
const ZIP64 = 'zip64 archives (over 4 GB or 65,535 files) are not supported';

/** The number of entries and the offset of the central directory, from the end record at `end`. */
function endRecord(part: ZipPart, end: number): { count: number; directory: number } {
	if (end < 0) throw new Error(NO_DIRECTORY);
	const count = u16(part, end + 10);
	const directory = u32(part, end + 16);
	if (count === 0xffff || directory === 0xffffffff) throw new Error(ZIP64);
	return { count, directory };
}

/** The `count` entries of the central directory starting at `at`; `part` must hold the file from `at` to its end. */
function directoryEntries(part: ZipPart, count: number, at: number): ZipEntry[] {
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		need(part, at + 46, 'the central directory');
		if (u32(part, at) !== DIRECTORY_HEADER) throw new Error('the zip\'s central directory is damaged');
		const flags = u16(part, at + 8);
		const nameLength = u16(part, at + 28);
		need(part, at + 46 + nameLength, 'a file name');
		const nameBytes = part.bytes.subarray(at + 46 - part.base, at + 46 + nameLength - part.base);
		// Bit 11 marks UTF-8 names; older tools wrote the DOS code page, read here as Latin-1.
		const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
		const entry = {
			name,
			method: u16(part, at + 10),
			compressedSize: u32(part, at + 20),
			size: u32(part, at + 24),
			headerOffset: u32(part, at + 42)
		};
		if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) throw new Error(ZIP64);
		entries.push(entry);
		at += 46 + nameLength + u16(part, at + 30) + u16(part, at + 32);
	}
	return entries;
}

/** Every entry listed in the central directory, in order. */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
	const part = wholeZip(zip);
	const { count, directory } = endRecord(part, findEnd(part));
	return directoryEntries(part, count, directory);
}

/** A first read of the end: the end record and, in most archives, the whole directory (12 kB for Code-Point's 130 files). */
const FIRST_TAIL = 16 * 1024;

/** The bytes from `position` to the end of the file. */
async function partFrom(zip: ZipSource, position: number): Promise<ZipPart> {
	return { bytes: await zip.read(position, zip.size - position), base: position, size: zip.size };
}

/**
 * Every entry listed in the central directory, as `zipEntries` gives them, reading only
 * the end of the file: a first tail, then the whole comment's reach when the end record
 * is not in it, then back to the directory's start when it begins before the tail.
 * Every read is bounded by the file's size, whatever the records say.
 */
export async function zipDirectory(zip: ZipSource): Promise<ZipEntry[]> {
	let tail = await partFrom(zip, Math.max(0, zip.size - FIRST_TAIL));
	let end = findEnd(tail);
	if (end < 0 && !searchedWhole(tail)) {
		tail = await partFrom(zip, Math.max(0, zip.size - END_SEARCH));
		end = findEnd(tail);
	}
	const { count, directory } = endRecord(tail, end);
	// A directory said to start past the end stays with the tail, and is found cut short.
	const part = directory >= tail.base ? tail : { bytes: concatBytes([await zip.read(directory, tail.base - directory), tail.bytes]), base: directory, size: zip.size };
	return directoryEntries(part, count, directory);
}

const LOCAL_HEADER_BYTES = 30;

/** Where the entry's stored bytes start, from its local header (which `part` must hold). */
function dataStart(part: ZipPart, entry: ZipEntry): number {
	const at = entry.headerOffset;
	need(part, at + LOCAL_HEADER_BYTES, `the header of ${entry.name}`);
	if (u32(part, at) !== LOCAL_HEADER) throw new Error(`the header of ${entry.name} is damaged`);
	const start = at + LOCAL_HEADER_BYTES + u16(part, at + 26) + u16(part, at + 28);
	need(part, start + entry.compressedSize, entry.name);
	if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
	return start;
}

/** The entry's bytes as stored in the zip (deflated unless `method` is 0). */
export function compressedBytes(zip: Uint8Array, entry: ZipEntry): Uint8Array {
	const start = dataStart(wholeZip(zip), entry);
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

/** Room for the local header's name and extra field, read with the header so that the first packed bytes come in the same read. */
const HEADER_SLACK = 1024;

/**
 * The first `limit` bytes of an entry, reading and decompressing no more than needed:
 * its local header with the first packed bytes, then more of them only if those fall short.
 */
export async function zipEntryStart(zip: ZipSource, entry: ZipEntry, limit: number): Promise<Uint8Array> {
	const at = entry.headerOffset;
	const first = Math.min(entry.compressedSize, entry.method === 0 ? limit : Math.ceil(limit / 4));
	const head = { bytes: at < zip.size ? await zip.read(at, Math.min(zip.size - at, LOCAL_HEADER_BYTES + HEADER_SLACK + first)) : new Uint8Array(), base: at, size: zip.size };
	const start = dataStart(head, entry);
	if (entry.method === 0) return readFrom(zip, head, start, first);
	let held: ZipPart = head;
	// Text packs four to ten times: a quarter of the limit, packed, usually decodes to more than the limit.
	for (let take = first; ; take = Math.min(entry.compressedSize, take * 4)) {
		const packed = await readFrom(zip, held, start, take);
		if (start + packed.length > held.base + held.bytes.length) held = { bytes: packed, base: start, size: zip.size };
		// A sync flush returns what the bytes so far decode to instead of failing on the missing end.
		const bytes = new Uint8Array(inflateRawSync(packed, { finishFlush: constants.Z_SYNC_FLUSH }));
		if (bytes.length >= limit || take === entry.compressedSize) return bytes.subarray(0, limit);
	}
}

/** `length` bytes of the file from `position` (at or after `held.base`): those `held` has, and a read for the rest. */
async function readFrom(zip: ZipSource, held: ZipPart, position: number, length: number): Promise<Uint8Array> {
	const kept = held.bytes.subarray(position - held.base, position - held.base + length);
	return kept.length === length ? kept : concatBytes([kept, await zip.read(position + kept.length, length - kept.length)]);
}
