/**
 * Bring your own CSV, the whole sequence: a file in, and either a sentence
 * saying why it cannot be loaded, or its columns, types, first rows, problems,
 * counts and good rows as an Arrow IPC stream out. csv-worker.ts runs it off
 * the page's thread and only passes messages; tests run it in Node on the
 * bad-input corpus (tests/unit/bad-input-upload.spec.ts).
 *
 * The file is streamed, never held whole: unpacked if it is a gzip or a zip
 * (upload-source.ts), sniffed from its first 64 KB (encoding, delimiter, and
 * whether it is CSV at all), decoded, parsed by PapaParse about 1 MB of text
 * at a time, checked row by row (csv-collector.ts) and written as Arrow
 * (upload-ipc.ts).
 */
import Papa from 'papaparse';
import { notCsvReason, SAMPLE_BYTES } from '../files/not-data';
import { concatBytes } from '../files/bytes';
import { MAX_UPLOAD_BYTES, decodeSample, detectEncoding, sniffDelimiter, type Delimiter, type ParseError } from './csv-import';
import { CsvCollector, type CollectedCsv } from './csv-collector';
import { UploadIpcWriter } from './upload-ipc';
import { UploadError, megabytes, packingOf, unpackedChunks, type Packing } from './upload-source';

/** Text handed to PapaParse at a time. */
export const CHUNK_CHARS = 1 << 20;
/** A record still open after this much text is refused: a missing quote, or not CSV. */
export const MAX_RECORD_CHARS = 16 << 20;

export interface UploadEvents {
	/** The encoding and delimiter, once the first 64 KB are read. */
	sniffed?(encoding: string, delimiter: Delimiter, packing: Packing): void;
	/** The share of the file read so far, from 0 to 1. */
	progress?(fraction: number): void;
}

export interface UploadedCsv extends CollectedCsv {
	encoding: string;
	delimiter: Delimiter;
	packing: Packing;
	/** The good rows (rowCount of them) as one Arrow IPC stream. */
	ipc: Uint8Array;
}

export type UploadOutcome = { ok: false; error: string } | ({ ok: true } & UploadedCsv);

/** PapaParse's own chunked parser, as Papa.parse drives it for a File; it is exported, though not in its types. */
interface ChunkParser {
	parse(input: string, baseIndex: number, ignoreLastRow: boolean): { data: string[][]; errors: ParseError[]; meta: { cursor: number } };
}
const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser };

/** Feeds text to PapaParse in pieces, carrying a record cut at a piece's end over to the next (as Papa's ChunkStreamer does). */
class ChunkedCsv {
	private handle: ChunkParser;
	private partial = '';
	private base = 0;

	constructor(
		delimiter: Delimiter,
		private collector: CsvCollector,
		private name: string
	) {
		this.handle = new ParserHandle({ delimiter, header: false, skipEmptyLines: false });
	}

	push(text: string, last: boolean): void {
		const aggregate = this.partial + text;
		const results = this.handle.parse(aggregate, this.base, !last);
		this.collector.addRows(results.data, results.errors, aggregate.includes('"'));
		if (last) return;
		this.partial = aggregate.substring(results.meta.cursor - this.base);
		this.base = results.meta.cursor;
		if (this.partial.length > MAX_RECORD_CHARS) {
			throw new UploadError(`${this.name}, line ${this.collector.nextLine}: the row that starts on this line runs on for more than ${megabytes(MAX_RECORD_CHARS)} without ending; a closing quote (") is probably missing, or this is not a CSV file.`);
		}
	}
}

async function read(file: Blob, name: string, events: UploadEvents): Promise<UploadedCsv> {
	if (file.size > MAX_UPLOAD_BYTES) {
		throw new UploadError(`${name} is ${megabytes(file.size)}. Files up to ${megabytes(MAX_UPLOAD_BYTES)} can be loaded here, because the whole table has to fit in your browser's memory. Split the file, or keep only the columns you need, and try again.`);
	}
	if (file.size === 0) throw new UploadError(`${name} is empty.`);
	const packing = packingOf(name, new Uint8Array(await file.slice(0, 4).arrayBuffer()));
	let bytesRead = 0;
	const chunks = unpackedChunks(file, name, packing, (bytes) => (bytesRead = bytes))[Symbol.asyncIterator]();

	const headParts: Uint8Array[] = [];
	let headLength = 0;
	while (headLength < SAMPLE_BYTES) {
		const next = await chunks.next();
		if (next.done) break;
		headParts.push(next.value);
		headLength += next.value.length;
	}
	const head = concatBytes(headParts).subarray(0, SAMPLE_BYTES);
	if (!head.length) throw new UploadError(`${name} is empty once unpacked.`);
	const notCsv = notCsvReason(head);
	if (notCsv) throw new UploadError(`${name}: ${notCsv}`);
	const guess = detectEncoding(head);
	if (guess.encoding.startsWith('utf-16')) throw new UploadError(`${name} is saved as ${guess.label}. Save it as CSV UTF-8 and try again.`);
	const delimiter = sniffDelimiter(decodeSample(head, guess));
	events.sniffed?.(guess.label, delimiter, packing);

	let writer: UploadIpcWriter | null = null;
	const collector = new CsvCollector({
		begin: (headers, types) => (writer = new UploadIpcWriter(headers, types)),
		add: (cells) => writer!.add(cells)
	});
	const parser = new ChunkedCsv(delimiter, collector, name);
	// Windows-1252 decodes any byte; UTF-8 must stay valid past the sample, or values would be silently changed.
	const decoder = new TextDecoder(guess.encoding, { fatal: true });
	const decode = (bytes?: Uint8Array) => {
		try {
			return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
		} catch {
			throw new UploadError(`${name} is not valid UTF-8 text after its first ${SAMPLE_BYTES / 1024} KB (around line ${collector.nextLine}). Save it as CSV UTF-8 and try again.`);
		}
	};
	// Pieces of exactly CHUNK_CHARS, however the bytes arrived, so the outcome never depends on the platform's chunks.
	let text = '';
	const feed = (more: string) => {
		text += more;
		while (text.length >= CHUNK_CHARS) {
			parser.push(text.slice(0, CHUNK_CHARS), false);
			text = text.slice(CHUNK_CHARS);
			// Once a piece, not once a read: each message is a task on the page.
			events.progress?.(Math.min(1, bytesRead / file.size));
		}
	};
	for (const part of headParts) feed(decode(part));
	for (let next = await chunks.next(); !next.done; next = await chunks.next()) feed(decode(next.value));
	parser.push(text + decode(), true);
	events.progress?.(1);

	const collected = collector.finish();
	if (!collected.rowsRead) throw new UploadError(`No rows could be read from ${name}: it has a header line but no rows under it.`);
	if (!collected.rowCount) {
		const [first] = collected.problems;
		throw new UploadError(`No rows could be read from ${name}: every one of its ${collected.rowsRead.toLocaleString('en-GB')} rows has a problem (the first: line ${first.line}, column "${first.column}": ${first.reason}).`);
	}
	const ipc = (writer as UploadIpcWriter | null)!.finish();
	return { ...collected, encoding: guess.label, delimiter, packing, ipc };
}

/** Reads an uploaded file (see the top of this module); never throws: anything wrong is a sentence. */
export async function readUpload(file: Blob, name: string, events: UploadEvents = {}): Promise<UploadOutcome> {
	try {
		return { ok: true, ...(await read(file, name, events)) };
	} catch (error) {
		if (error instanceof UploadError) return { ok: false, error: error.message };
		return { ok: false, error: `${name} could not be read: ${(error as Error)?.message ?? String(error)}.` };
	}
}
