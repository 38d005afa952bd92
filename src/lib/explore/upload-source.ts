/**
 * The bytes of an uploaded file, chunk by chunk, unpacked: a gzip file through
 * the platform's own DecompressionStream, a zip holding one CSV through
 * fflate's streaming unzip (in JavaScript, no worker of its own, no eval). The
 * unpacked bytes are held to MAX_UPLOAD_BYTES too, so a small archive cannot
 * fill the browser's memory. Anything wrong becomes an UploadError whose
 * message is the sentence to show.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { MAX_UPLOAD_BYTES } from './csv-import';

export type Packing = 'gzip' | 'zip' | null;

/** A failed upload, with the sentence the page shows. */
export class UploadError extends Error {}

/** How a file is packed: by its first bytes, then by its name. */
export function packingOf(name: string, start: Uint8Array): Packing {
	if (start[0] === 0x1f && start[1] === 0x8b) return 'gzip';
	// PK\3\4 starts a zip's first entry; PK\5\6 is the end record of an empty zip.
	if (start[0] === 0x50 && start[1] === 0x4b && ((start[2] === 3 && start[3] === 4) || (start[2] === 5 && start[3] === 6))) return 'zip';
	if (/\.gz$/i.test(name)) return 'gzip';
	if (/\.zip$/i.test(name)) return 'zip';
	return null;
}

export function megabytes(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-GB')} MB`;
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		// Stop reading (and decompressing) when the consumer gives up early.
		await reader.cancel().catch(() => {});
	}
}

async function* gunzip(stream: ReadableStream<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
	try {
		yield* chunksOf(stream.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>));
	} catch (error) {
		throw new UploadError(`${name} is a gzip file that is damaged or cut short, so it cannot be decompressed (${(error as Error)?.message ?? error}). Download it again.`);
	}
}

/** Entries that are not data: folders and what macOS adds to the zips it makes. */
const NOT_DATA_ENTRY = /\/$|(^|\/)(__MACOSX\/|\.DS_Store$|\._)/;
const CSV_ENTRY = /\.(csv|tsv)$/i;
/** The first entries of an OpenDocument (`mimetype`) or Office Open XML (`[Content_Types].xml`) file. */
const WORKBOOK_ENTRY = /^(mimetype|\[Content_Types\]\.xml)$/;

/** The bytes of the one CSV in a zip; a zip with none or several is refused, as the page cannot guess which is meant. */
async function* unzipOneCsv(chunks: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
	const out: Uint8Array[] = [];
	const others: string[] = [];
	let chosen: string | null = null;
	let ended = false;
	let failure: Error | null = null;
	const unzip = new Unzip((entry) => {
		// ODS and XLSX workbooks are zips too: say what they are rather than "no CSV inside".
		if (WORKBOOK_ENTRY.test(entry.name)) {
			throw new UploadError(`${name} is a spreadsheet workbook (ODS or XLSX), not a CSV; open it in a spreadsheet program, save the sheet you want as CSV, and upload that.`);
		}
		if (NOT_DATA_ENTRY.test(entry.name)) return;
		if (!CSV_ENTRY.test(entry.name)) {
			others.push(entry.name);
			return; // never started, so never inflated
		}
		if (chosen !== null) throw new UploadError(`${name} is a zip archive holding more than one CSV file (${chosen}, ${entry.name}); unzip it and upload the CSV you want.`);
		chosen = entry.name;
		entry.ondata = (error, data, final) => {
			if (error) failure = error;
			else out.push(data);
			if (final) ended = true;
		};
		entry.start();
	});
	unzip.register(UnzipInflate);
	const damaged = (detail: string) =>
		new UploadError(`${name} is a zip archive that is damaged or cut short, or packed in a way this page cannot read (${detail}); unzip it and upload the CSV inside.`);
	try {
		for await (const chunk of chunks) {
			unzip.push(chunk);
			if (failure) throw failure;
			yield* out.splice(0);
		}
		unzip.push(new Uint8Array(0), true);
		if (failure) throw failure;
		yield* out.splice(0);
	} catch (error) {
		throw error instanceof UploadError ? error : damaged((error as Error)?.message ?? String(error));
	}
	if (chosen === null) {
		const held = others.length ? ` (it holds ${others.slice(0, 5).join(', ')}${others.length > 5 ? ' …' : ''})` : '';
		throw new UploadError(`${name} is a zip archive with no CSV file inside${held}; unzip it and upload a CSV.`);
	}
	if (!ended) throw damaged(`${chosen} ends early`);
}

async function* atMost(chunks: AsyncIterable<Uint8Array>, name: string, limit: number): AsyncGenerator<Uint8Array> {
	let total = 0;
	for await (const chunk of chunks) {
		total += chunk.length;
		if (total > limit) {
			throw new UploadError(`${name} holds more than ${megabytes(limit)} once unpacked. Files up to ${megabytes(limit)} can be loaded here, because the whole table has to fit in your browser's memory. Split the file, or keep only the columns you need, and try again.`);
		}
		yield chunk;
	}
}

/**
 * The file's bytes, unpacked as `packing` says; `onRead` hears how many bytes of
 * the file itself (packed) have been read so far, for a progress bar.
 */
export function unpackedChunks(file: Blob, name: string, packing: Packing, onRead: (bytes: number) => void, limit = MAX_UPLOAD_BYTES): AsyncIterable<Uint8Array> {
	let read = 0;
	const counted = file.stream().pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				read += chunk.length;
				onRead(read);
				controller.enqueue(chunk);
			}
		})
	);
	if (packing === 'gzip') return atMost(gunzip(counted, name), name, limit);
	if (packing === 'zip') return atMost(unzipOneCsv(chunksOf(counted), name), name, limit);
	return chunksOf(counted);
}
