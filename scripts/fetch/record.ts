/**
 * `fetched.json` in the output folder: what was downloaded, from where, when,
 * and its sha256. It is the provenance the build can cite, and the checksum a
 * maintainer can copy into sources.json once a download is trusted.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FetchedFile {
	/** The official URL from the sources list. */
	url: string;
	/** Where the bytes actually came from, when a mirror (--base-url) served them. */
	servedFrom?: string;
	sourceId: string;
	size: number;
	sha256: string;
	/** ISO 8601 time the download finished. */
	fetchedAt: string;
	/** The month the file describes, for sources found on landing pages. */
	period?: string;
	/** The page the link was found on. */
	page?: string;
	/** The earlier upload this file replaced (a publisher's revision). */
	replaces?: { url: string; sha256: string };
}

export interface FetchedRecord {
	/** Keyed by saveAs, so re-fetching a file replaces its entry. */
	files: Record<string, FetchedFile>;
}

export const RECORD_NAME = 'fetched.json';

export async function readRecord(outDir: string): Promise<FetchedRecord> {
	let text: string;
	try {
		text = await readFile(join(outDir, RECORD_NAME), 'utf8');
	} catch {
		return { files: {} };
	}
	try {
		const data = JSON.parse(text) as Partial<FetchedRecord>;
		return { files: typeof data.files === 'object' && data.files ? { ...data.files } : {} };
	} catch {
		// A damaged record is rebuilt from the next downloads rather than blocking them.
		return { files: {} };
	}
}

/** Stable output: entries sorted by name, so the file diffs cleanly between runs. */
export function recordText(record: FetchedRecord): string {
	const files: Record<string, FetchedFile> = {};
	for (const name of Object.keys(record.files).sort()) files[name] = record.files[name];
	return `${JSON.stringify({ files }, null, 2)}\n`;
}

/** Written to a temporary name and renamed, so an interrupted run never leaves half a record. */
export async function writeRecord(outDir: string, record: FetchedRecord): Promise<void> {
	const path = join(outDir, RECORD_NAME);
	await writeFile(`${path}.tmp`, recordText(record));
	await rename(`${path}.tmp`, path);
}
