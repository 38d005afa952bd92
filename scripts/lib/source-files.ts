/**
 * Finds the files in an input folder and opens them the same way whatever they
 * are packed in: plain CSV, .gz, or CSV entries inside a .zip (junk such as
 * `__MACOSX/._x` resource forks is skipped). Readers see decompressed bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip, createInflateRaw, gunzipSync } from 'node:zlib';
import { compressedBytes, readZipEntry, zipDirectory, zipEntries, zipEntryStart, type ZipEntry, type ZipSource } from './zip.ts';
import { ReadError } from '../readers/types.ts';
import { mapAtOnce } from './at-once.ts';
import { notCsvReason, SAMPLE_BYTES } from '../../src/lib/files/not-data.ts';

export { SAMPLE_BYTES };

export interface SourceFile {
	/** Absolute path of the file on disk (the .zip for a zip entry). */
	path: string;
	/** Path relative to the input folder, with `!entry` for a zip entry: used in every message. */
	name: string;
	container: 'plain' | 'gzip' | 'zip';
	entry: string | null;
	/** Size on disk of the file (the whole zip for a zip entry). */
	bytes: number;
	/** First bytes after decompression. */
	sample: Uint8Array;
}

const SKIPPED = /(^|\/)(__MACOSX\/|\.DS_Store$|\._)/;

async function* walk(dir: string): AsyncGenerator<string> {
	const entries = await readdir(dir, { withFileTypes: true });
	entries.sort((a, b) => a.name.localeCompare(b.name));
	for (const entry of entries) {
		if (entry.name.startsWith('.')) continue;
		const full = join(dir, entry.name);
		// Follow symbolic links: people link their downloads folder in rather than copy it.
		const info = entry.isSymbolicLink() ? await stat(full).catch(() => null) : entry;
		if (info?.isDirectory()) yield* walk(full);
		else if (info?.isFile()) yield full;
	}
}

/** How a file is packed, from its name. */
export function containerOf(path: string): SourceFile['container'] {
	if (/\.zip$/i.test(path)) return 'zip';
	if (/\.gz$/i.test(path)) return 'gzip';
	return 'plain';
}

/** Zip entries worth sampling: not folders, not macOS resource forks. */
export function usefulZipEntries(names: string[]): string[] {
	return names.filter((name) => !name.endsWith('/') && !SKIPPED.test(name));
}

/** A zip on disk, read by position: its directory, without the entries' data. */
export interface ZipFile {
	zip: ZipSource;
	listed: ZipEntry[];
	close(): Promise<void>;
}

/**
 * Opens the zip at `path` (`size` bytes, as just found by `stat`) and reads its directory
 * from the end of the file; the rest is read only for the entries sampled. Close it when
 * done (it is closed on failure). A file that shrinks meanwhile fails its reads.
 */
export async function openZip(path: string, size: number): Promise<ZipFile> {
	const handle = await open(path, 'r');
	try {
		const zip = positional(handle, size);
		return { zip, listed: await zipDirectory(zip), close: () => handle.close() };
	} catch (error) {
		await handle.close();
		throw error;
	}
}

function positional(handle: FileHandle, size: number): ZipSource {
	return {
		size,
		async read(position, length) {
			const bytes = new Uint8Array(length);
			for (let filled = 0; filled < length; ) {
				const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
				if (bytesRead === 0) throw new Error('the zip changed while it was being read');
				filled += bytesRead;
			}
			return bytes;
		}
	};
}

/** One SourceFile per entry of the zip at `path` (shown as `name`), each with its first bytes, in order. */
export async function* zipEntrySources(path: string, name: string, bytes: number, zip: ZipFile, entries: string[]): AsyncGenerator<SourceFile> {
	for (const entry of entries) {
		const sample = await zipEntryStart(zip.zip, findEntry(zip.listed, entry), SAMPLE_BYTES);
		yield { path, name: `${name}!${entry}`, container: 'zip', entry, bytes, sample };
	}
}

function findEntry(listed: ZipEntry[], entry: string) {
	const found = listed.find((e) => e.name === entry);
	if (!found) throw new Error(`no entry ${entry}`);
	return found;
}

export function unzipEntry(zip: Uint8Array, entry: string): Uint8Array {
	return readZipEntry(zip, findEntry(zipEntries(zip), entry));
}

async function gzipSample(path: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let size = 0;
	const input = createReadStream(path);
	const gunzip = createGunzip();
	return new Promise((resolve, reject) => {
		const finish = () => {
			input.destroy();
			gunzip.destroy();
			resolve(new Uint8Array(Buffer.concat(chunks).subarray(0, SAMPLE_BYTES)));
		};
		gunzip.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			size += chunk.length;
			if (size >= SAMPLE_BYTES) finish();
		});
		gunzip.on('end', finish);
		// A gzip cut short still yields its first bytes; the full read reports the damage.
		gunzip.on('error', (error) => (size > 0 ? finish() : reject(new Error(`${DAMAGED} (${error.message})`))));
		input.on('error', reject);
		input.pipe(gunzip);
	});
}

const DAMAGED = 'the file is damaged or cut short and cannot be decompressed';

/** The first SAMPLE_BYTES of a file on disk, without reading the rest. */
export async function fileStart(path: string): Promise<Uint8Array> {
	const handle = await open(path, 'r');
	try {
		const buffer = new Uint8Array(SAMPLE_BYTES);
		const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/**
 * Why a file is plainly not data, whatever reader might want it: empty, a web page
 * saved under a data file's name (a failed download), or a first line longer than
 * the whole sample (the last two shared with the /explore upload). Null when the
 * file is worth offering to the readers.
 */
export function notDataReason(file: SourceFile): string | null {
	if (file.container === 'zip' && file.entry === null) return null; // Code-Point: the zip itself is the source
	const sample = file.sample;
	if (sample.length === 0) return file.bytes === 0 ? 'the file is empty (0 bytes).' : 'the file is empty once decompressed.';
	return notCsvReason(sample);
}

/** Spreadsheets (ODS, XLSX): offered to the council workbook readers, whole. */
export const WORKBOOK = /\.(ods|xlsx)$/i;

/**
 * Every file below `dir`, one SourceFile per useful zip entry. Unreadable archives are
 * reported, not skipped; files of a kind no reader takes (.json, .xls, .pdf, …) are
 * listed in `ignored` so the manifest says what was left out.
 */
export async function discoverSources(
	dir: string
): Promise<{ files: SourceFile[]; problems: ReadError[]; ignored: string[] }> {
	const paths: string[] = [];
	for await (const path of walk(dir)) paths.push(path);
	const found = await mapAtOnce(paths, FILES_AT_ONCE, (path) => discoverOne(dir, path));
	return { files: found.flatMap((f) => f.files), problems: found.flatMap((f) => f.problems), ignored: found.flatMap((f) => f.ignored) };
}

/**
 * Files sampled side by side (each is a few small reads: a zip's directory, the start of its
 * entry). The bench's folder of 60 generated months took 74–91 ms one file at a time and
 * 35–59 ms eight at a time; the folder of one month 21–30 ms and 7–15 ms.
 */
const FILES_AT_ONCE = 8;

/** One file found below `dir`: its sources (one per useful zip entry), or why it cannot be read, or that no reader takes it. */
async function discoverOne(dir: string, path: string): Promise<{ files: SourceFile[]; problems: ReadError[]; ignored: string[] }> {
	const name = relative(dir, path);
	const found = { files: [] as SourceFile[], problems: [] as ReadError[], ignored: [] as string[] };
	const bytes = (await stat(path)).size;
	const container = containerOf(path);
	try {
		if (container === 'zip') {
			// The directory and the start of each entry only: the month cache may never need the rest.
			const zip = await openZip(path, bytes);
			try {
				const entries = usefulZipEntries(zip.listed.map((e) => e.name));
				if (isCodePointArchive(entries)) {
					found.files.push({ path, name, container: 'zip', entry: null, bytes, sample: new Uint8Array() });
					return found;
				}
				// One by one: the entries sampled before a damaged one are kept.
				for await (const source of zipEntrySources(path, name, bytes, zip, entries)) found.files.push(source);
				if (entries.length === 0) found.problems.push(new ReadError(name, 0, null, 'the zip holds no data file.'));
			} finally {
				await zip.close();
			}
		} else if (container === 'gzip') {
			found.files.push({ path, name, container: 'gzip', entry: null, bytes, sample: await gzipSample(path) });
		} else if (/\.(csv|txt|tsv)$/i.test(path) || WORKBOOK.test(path)) {
			// Only the first bytes: a multi-gigabyte file must not be read into memory to be recognised.
			found.files.push({ path, name, container: 'plain', entry: null, bytes, sample: await fileStart(path) });
		} else found.ignored.push(name);
	} catch (error) {
		const message = (error as Error).message;
		found.problems.push(new ReadError(name, 0, null, message.startsWith(DAMAGED) ? `${message}.` : `the file could not be opened (${message}).`));
	}
	return found;
}

/** OS Code-Point Open ships 120 header-less area files; the whole zip is one source. */
export function isCodePointArchive(entries: string[]): boolean {
	return entries.some((entry) => /Data\/CSV\/[a-z]{1,2}\.csv$/i.test(entry));
}

/** The whole decompressed contents. A damaged archive becomes a ReadError naming the file. */
export async function readSourceBytes(source: SourceFile): Promise<Uint8Array> {
	const raw = new Uint8Array(await readFile(source.path));
	try {
		if (source.container === 'gzip') return new Uint8Array(gunzipSync(raw));
		if (source.container === 'zip' && source.entry) return unzipEntry(raw, source.entry);
		return raw;
	} catch (error) {
		throw damaged(source, error as Error);
	}
}

export async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	// 1 MB pieces: with the stream's default 64 kB, hashing 100 MB took half as long again.
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/**
 * The decompressed contents as a stream of chunks, never whole in memory. A zip entry
 * is inflated from the archive in memory (a few MB) and its size checked against the
 * directory at the end, as `readZipEntry` does; zlib's own errors say when a stream is cut short.
 */
export async function decompressedStream(source: SourceFile): Promise<AsyncIterable<Uint8Array>> {
	if (source.container === 'zip' && source.entry) {
		const zip = new Uint8Array(await readFile(source.path));
		const entry = findEntry(zipEntries(zip), source.entry);
		const packed = compressedBytes(zip, entry);
		return sizeChecked(entry, entry.method === 0 ? [packed] : pipeline(Readable.from([packed]), createInflateRaw({ chunkSize: CHUNK }), ignore));
	}
	const input = createReadStream(source.path, { highWaterMark: CHUNK });
	// pipeline, not pipe: when the reader stops early, the file is closed too.
	return source.container === 'gzip' ? pipeline(input, createGunzip({ chunkSize: CHUNK }), ignore) : input;
}

/** Errors surface where the stream is read; the pipeline's own report of them is not needed. */
const ignore = () => {};

/** Large chunks: the checks made on each cost a little per chunk, not per byte. */
const CHUNK = 1 << 20;

async function* sizeChecked(entry: ZipEntry, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	let size = 0;
	for await (const chunk of chunks) {
		size += chunk.length;
		yield chunk;
	}
	if (size !== entry.size) throw new Error(`${entry.name} decompressed to ${size} bytes, not the ${entry.size} its zip lists`);
}

/** A damaged or cut-short archive met while streaming becomes a ReadError naming the file. */
export function damaged(source: SourceFile, error: Error): ReadError {
	return new ReadError(source.name, 0, null, `${DAMAGED} (${error.message}).`);
}
