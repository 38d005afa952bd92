/**
 * Opens one RTT file given on the command line as the build's SourceFile, so
 * the build's reader (scripts/readers/rtt.ts) loads it exactly as it would
 * from a folder. A zip is searched for the entry whose header is RTT's (real
 * downloads carry `__MACOSX/._…` resource forks and sometimes other files).
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { recogniseRtt } from '../readers/rtt.ts';
import { ReadError } from '../readers/types.ts';
import {
	SAMPLE_BYTES,
	containerOf,
	fileStart,
	openZip,
	readSourceBytes,
	usefulZipEntries,
	zipEntrySources,
	type SourceFile,
	type ZipFile
} from '../lib/source-files.ts';

export async function openRttFile(input: string): Promise<SourceFile> {
	const path = resolve(input);
	const name = basename(path);
	let bytes: number;
	try {
		bytes = (await stat(path)).size;
	} catch {
		throw new ReadError(name, 0, null, `no such file: ${input}`);
	}
	const container = containerOf(path);
	if (container === 'zip') {
		let zip: ZipFile;
		try {
			zip = await openZip(path, bytes);
		} catch (error) {
			throw new ReadError(name, 0, null, `the zip cannot be opened (${(error as Error).message}).`);
		}
		const entries = usefulZipEntries(zip.listed.map((e) => e.name));
		try {
			for await (const source of zipEntrySources(path, name, bytes, zip, entries)) {
				if (recogniseRtt({ name: source.name, bytes: source.sample })) return source;
			}
		} finally {
			await zip.close();
		}
		throw new ReadError(name, 0, null, `no entry in the zip is an RTT full extract (entries: ${entries.join(', ') || 'none'}).`);
	}
	// The reader hands plain and .gz files straight to DuckDB; only the header sample is needed here.
	const sample = container === 'gzip'
		? (await readSourceBytes({ path, name, container, entry: null, bytes, sample: new Uint8Array() })).subarray(0, SAMPLE_BYTES)
		: await fileStart(path);
	if (!recogniseRtt({ name, bytes: sample })) {
		throw new ReadError(name, 1, null, 'this is not an RTT full extract (the header should start with "Period" and include "Treatment Function Code").');
	}
	return { path, name, container, entry: null, bytes, sample };
}
