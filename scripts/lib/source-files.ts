/**
 * Finds the files in an input folder and opens them the same way whatever they
 * are packed in: plain CSV, .gz, or CSV entries inside a .zip (junk such as
 * `__MACOSX/._x` resource forks is skipped). Readers see decompressed bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { ReadError } from '../readers/types.ts';

export const SAMPLE_BYTES = 64 * 1024;

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

/** Zip entries worth sampling: not folders, not macOS resource forks. */
export function usefulZipEntries(names: string[]): string[] {
	return names.filter((name) => !name.endsWith('/') && !SKIPPED.test(name));
}

export function zipEntryNames(zip: Uint8Array): string[] {
	const names: string[] = [];
	unzipSync(zip, {
		filter(file) {
			names.push(file.name);
			return false;
		}
	});
	return names;
}

export function unzipEntry(zip: Uint8Array, entry: string): Uint8Array {
	const out = unzipSync(zip, { filter: (file) => file.name === entry });
	const bytes = out[entry];
	if (!bytes) throw new Error(`no entry ${entry}`);
	return bytes;
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
		gunzip.on('error', (error) => (size > 0 ? finish() : reject(error)));
		input.on('error', reject);
		input.pipe(gunzip);
	});
}

/** Every file below `dir`, one SourceFile per useful zip entry. Unreadable archives are reported, not skipped. */
export async function discoverSources(
	dir: string
): Promise<{ files: SourceFile[]; problems: ReadError[] }> {
	const files: SourceFile[] = [];
	const problems: ReadError[] = [];
	for await (const path of walk(dir)) {
		const name = relative(dir, path);
		const bytes = (await stat(path)).size;
		try {
			if (/\.zip$/i.test(path)) {
				const zip = new Uint8Array(await readFile(path));
				const entries = usefulZipEntries(zipEntryNames(zip));
				if (isCodePointArchive(entries)) {
					files.push({ path, name, container: 'zip', entry: null, bytes, sample: new Uint8Array() });
					continue;
				}
				for (const entry of entries) {
					const sample = unzipEntry(zip, entry).subarray(0, SAMPLE_BYTES);
					files.push({ path, name: `${name}!${entry}`, container: 'zip', entry, bytes, sample });
				}
				if (entries.length === 0) problems.push(new ReadError(name, 0, null, 'the zip holds no data file.'));
			} else if (/\.gz$/i.test(path)) {
				files.push({ path, name, container: 'gzip', entry: null, bytes, sample: await gzipSample(path) });
			} else if (/\.(csv|txt|tsv)$/i.test(path)) {
				const handle = await readFile(path);
				files.push({ path, name, container: 'plain', entry: null, bytes, sample: new Uint8Array(handle.subarray(0, SAMPLE_BYTES)) });
			}
		} catch (error) {
			problems.push(new ReadError(name, 0, null, `the file could not be opened (${(error as Error).message}).`));
		}
	}
	return { files, problems };
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
		throw new ReadError(
			source.name,
			0,
			null,
			`the file is damaged or cut short and cannot be decompressed (${(error as Error).message}).`
		);
	}
}

export async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
