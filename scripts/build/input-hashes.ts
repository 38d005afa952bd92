/**
 * The SHA-256 of each input file, remembered between builds as git's index
 * remembers its files: by path, size, modification and change times and inode.
 * A file whose size, times or inode differ is hashed again; one that matches
 * keeps its hash without being read. The hash stays the month's identity
 * (month-cache.ts); this only spares reading 60 unchanged files to learn it.
 *
 *   <month cache>/.input-hashes.json   (a dot file: pruning the cache leaves it alone)
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256OfFile } from '../lib/source-files.ts';

const FILE = '.input-hashes.json';
const FORMAT = 1;

interface Known {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	ino: number;
	sha256: string;
}

export class InputHashes {
	private changed = false;
	private readonly used = new Map<string, Known>();
	private readonly asked = new Map<string, Promise<string>>();

	private constructor(
		private readonly path: string,
		private readonly known: Map<string, Known>
	) {}

	/** The hashes kept in `cacheRoot`; none when the file is missing, unreadable or of another format. */
	static async open(cacheRoot: string): Promise<InputHashes> {
		const path = join(cacheRoot, FILE);
		const text = await readFile(path, 'utf8').catch(() => null);
		let known = new Map<string, Known>();
		try {
			const parsed = text ? (JSON.parse(text) as { format: number; files: Record<string, Known> }) : null;
			if (parsed?.format === FORMAT && parsed.files) known = new Map(Object.entries(parsed.files));
		} catch {
			// A damaged file is as good as none: every input is hashed again.
		}
		return new InputHashes(path, known);
	}

	/**
	 * The file's SHA-256: the kept one when its size, times and inode are unchanged, else read
	 * and hashed; once per build, however often asked (a zip's entries share their file's).
	 */
	sha256(path: string): Promise<string> {
		let hash = this.asked.get(path);
		if (!hash) {
			hash = this.find(path);
			this.asked.set(path, hash);
		}
		return hash;
	}

	private async find(path: string): Promise<string> {
		const info = await stat(path);
		const kept = this.known.get(path);
		const now = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
		if (kept && kept.size === now.size && kept.mtimeMs === now.mtimeMs && kept.ctimeMs === now.ctimeMs && kept.ino === now.ino) {
			this.used.set(path, kept);
			return kept.sha256;
		}
		const sha256 = await sha256OfFile(path);
		// A file changed while it was read is not remembered: its next build hashes it again.
		const after = await stat(path);
		if (after.size === now.size && after.mtimeMs === now.mtimeMs) {
			this.used.set(path, { ...now, sha256 });
			this.changed = true;
		}
		return sha256;
	}

	/** Writes the hashes of the files asked for in this build (others are forgotten), when any is new. */
	async save(): Promise<void> {
		if (!this.changed && this.used.size === this.known.size) return;
		const temporary = `${this.path}.${process.pid}`;
		await writeFile(temporary, JSON.stringify({ format: FORMAT, files: Object.fromEntries(this.used) }));
		await rename(temporary, this.path);
	}
}
