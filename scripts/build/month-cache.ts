/**
 * The month cache: one folder per RTT input file and build code, holding what
 * the month build made from it (its results as JSON, its summary rows, its
 * output files), so a month whose file has not changed is not read again.
 *
 *   <root>/<key>/entry.json   written last: the results and every file's size and SHA-256
 *   <root>/<key>/…            the files (summary.parquet, files/<site paths>)
 *
 * key = <first 16 hex digits of the code version>-<input file's SHA-256>. An entry is built in a
 * temporary folder and renamed into place whole; one whose entry.json is missing
 * or unreadable, or whose files differ in size or SHA-256 from what it lists, is
 * deleted and built again, never used. Entries made by other code can never be
 * used again and are pruned after a build that succeeded.
 *
 * A file is read and hashed again only when its modification time is not the one
 * recorded with its SHA-256, as git's index does: writing to a cached file (even
 * through a hard link in a built site) sets its time, and reading every month's
 * files (90 MB over 60 generated months) cost each build more than the new month.
 * A file whose time is not older than entry.json's could have been changed within the
 * clock's tick after it was recorded ("racy git"), so it is always hashed.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { sha256OfFile } from '../lib/source-files.ts';
import { CACHE_FORMAT } from './code-version.ts';

/** Files up to this size are hashed in one piece: read whole, one hash update (a stream of 64 kB chunks took twice as long). */
const WHOLE_FILE_HASH = 64 << 20;

async function fileSha256(path: string, bytes: number): Promise<string> {
	if (bytes > WHOLE_FILE_HASH) return sha256OfFile(path);
	return createHash('sha256').update(await readFile(path)).digest('hex');
}

export interface CachedFile {
	path: string; // relative to the entry folder
	bytes: number;
	sha256: string;
	/** Modification time (ns, as text) of the file whose SHA-256 this is. */
	mtimeNs?: string;
}

interface EntryFile<T> {
	format: number;
	key: string;
	result: T;
	files: CachedFile[];
}

export interface CacheEntry<T> {
	dir: string;
	result: T;
	files: CachedFile[];
}

const ENTRY = 'entry.json';

export function cacheKey(codeVersion: string, inputSha256: string): string {
	return `${codeKey(codeVersion)}-${inputSha256}`;
}

/** The part of an entry's key that names the code that made it. */
export const codeKey = (codeVersion: string) => codeVersion.slice(0, 16);

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)))
		.filter((path) => path !== ENTRY)
		.sort();
}

/** Why an entry cannot be used, or null when every file is there as listed. */
async function damage<T>(dir: string, key: string): Promise<{ problem: string } | { entry: EntryFile<T> }> {
	let entry: EntryFile<T>;
	try {
		entry = JSON.parse(await readFile(join(dir, ENTRY), 'utf8')) as EntryFile<T>;
	} catch (error) {
		return { problem: `${ENTRY} is missing or unreadable (${(error as Error).message.split('\n')[0]})` };
	}
	if (entry.format !== CACHE_FORMAT || entry.key !== key || !Array.isArray(entry.files)) return { problem: `${ENTRY} is not an entry for this key and format` };
	const written = (await stat(join(dir, ENTRY), { bigint: true })).mtimeNs;
	// The files of an entry are checked side by side: reading one overlaps hashing another.
	const problems = await Promise.all(entry.files.map((file) => fileDamage(dir, file, written)));
	const problem = problems.find((p) => p !== null);
	return problem ? { problem } : { entry };
}

async function fileDamage(dir: string, file: CachedFile, entryWritten: bigint): Promise<string | null> {
	const path = join(dir, file.path);
	const info = await stat(path, { bigint: true }).catch(() => null);
	if (!info || Number(info.size) !== file.bytes) return `${file.path} is missing or has the wrong size`;
	if (info.mtimeNs < entryWritten && String(info.mtimeNs) === file.mtimeNs) return null;
	if ((await fileSha256(path, file.bytes)) !== file.sha256) return `${file.path} does not have the SHA-256 recorded for it`;
	return null;
}

export class MonthCache {
	/** Entries checked ahead of their use (`prefetch`), each handed out once by `get`. */
	private readonly ahead = new Map<string, Promise<CacheEntry<unknown> | null>>();

	constructor(readonly root: string) {}

	/** The entry for `key`, checked file by file; a damaged entry is deleted (and reported) and null returned. */
	get<T>(key: string, log: (line: string) => void): Promise<CacheEntry<T> | null> {
		const early = this.ahead.get(key);
		if (!early) return this.check<T>(key, log);
		this.ahead.delete(key);
		return early as Promise<CacheEntry<T> | null>;
	}

	/**
	 * Starts checking the entry for `key` now, for a `get` to come: a build checks the
	 * cached months while it waits on DuckDB building a new one. Resolves when checked.
	 */
	prefetch(key: string, log: (line: string) => void): Promise<unknown> {
		if (!this.ahead.has(key)) this.ahead.set(key, this.check(key, log));
		return this.ahead.get(key)!.catch(() => null); // a failure is the later get's to report
	}

	private async check<T>(key: string, log: (line: string) => void): Promise<CacheEntry<T> | null> {
		const dir = join(this.root, key);
		if (!(await stat(dir).catch(() => null))) return null;
		const checked = await damage<T>(dir, key);
		if ('problem' in checked) {
			log(`cache entry ${key.slice(0, 12)} is damaged (${checked.problem}); building it again`);
			await rm(dir, { recursive: true, force: true });
			return null;
		}
		return { dir, result: checked.entry.result, files: checked.entry.files };
	}

	/**
	 * Builds an entry: `make` writes its files into an empty folder and returns
	 * the results; the folder is renamed into place only once entry.json is written.
	 */
	async put<T>(key: string, make: (dir: string) => Promise<T>): Promise<CacheEntry<T>> {
		const dir = join(this.root, key);
		const building = join(this.root, `.building-${key}-${process.pid}`);
		await rm(building, { recursive: true, force: true });
		await mkdir(building, { recursive: true });
		try {
			const result = await make(building);
			const files = await Promise.all(
				(await listFiles(building)).map(async (path): Promise<CachedFile> => {
					const info = await stat(join(building, path), { bigint: true });
					const bytes = Number(info.size);
					return { path, bytes, sha256: await fileSha256(join(building, path), bytes), mtimeNs: String(info.mtimeNs) };
				})
			);
			const text = JSON.stringify({ format: CACHE_FORMAT, key, result, files } satisfies EntryFile<T>);
			await writeFile(join(building, ENTRY), text);
			await rm(dir, { recursive: true, force: true });
			// Another build may have put the same entry in place meanwhile: theirs is as good as ours.
			await rename(building, dir).catch((error: NodeJS.ErrnoException) => {
				if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
			});
			this.ahead.delete(key);
			// Read back as a cached build will read it, so a fresh month and a cached one give the same results.
			return { dir, result: (JSON.parse(text) as EntryFile<T>).result, files };
		} finally {
			await rm(building, { recursive: true, force: true });
		}
	}
}

/**
 * Deletes the entries made by any code but `codeVersion`'s (they can never be used
 * again); entries being built (dot folders) are left to their builds.
 */
export async function pruneOtherCode(cache: MonthCache, codeVersion: string): Promise<number> {
	const names = await readdir(cache.root).catch(() => [] as string[]);
	const stale = names.filter((name) => !name.startsWith('.') && !name.startsWith(`${codeKey(codeVersion)}-`));
	for (const name of stale) await rm(join(cache.root, name), { recursive: true, force: true });
	return stale.length;
}

/**
 * Deletes the other versions of a build-wide entry (`<month code key>-<name>-<other code key>`):
 * entries keyed like `key` up to its last '-', but not `key` itself.
 */
export async function pruneOtherVersions(cache: MonthCache, key: string): Promise<void> {
	const prefix = key.slice(0, key.lastIndexOf('-') + 1);
	for (const name of await readdir(cache.root)) {
		if (name.startsWith(prefix) && name !== key) await rm(join(cache.root, name), { recursive: true, force: true });
	}
}

/**
 * Puts an entry's files under `prefix` into the site folder at the same relative
 * paths: hard links where the file system allows (no copy of megabytes), copies otherwise.
 */
export async function placeFiles(entry: CacheEntry<unknown>, prefix: string, site: string, made = new Set<string>()): Promise<string[]> {
	const files = entry.files.filter((f) => f.path.startsWith(`${prefix}/`));
	const placed = files.map((file) => file.path.slice(prefix.length + 1));
	// `made`: the folders earlier calls for the same site made (every month has a parquet/ file).
	for (const folder of new Set(placed.map((path) => dirname(join(site, path))))) {
		if (made.has(folder)) continue;
		await mkdir(folder, { recursive: true });
		made.add(folder);
	}
	await Promise.all(files.map((file, i) => placeFile(join(entry.dir, file.path), join(site, placed[i]))));
	return placed;
}

/** A hard link, replacing what is there (the usual case, an empty site folder, costs no extra call); else a copy. */
export async function placeFile(from: string, target: string): Promise<void> {
	try {
		await link(from, target);
	} catch (error) {
		await rm(target, { force: true });
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') await link(from, target).catch(() => copyFile(from, target));
		else await copyFile(from, target);
	}
}
