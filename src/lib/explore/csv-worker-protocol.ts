/** Messages between CsvUpload.svelte and csv-worker.ts. */
import type { Delimiter } from './csv-import';
import type { UploadedCsv } from './read-upload';
import type { Packing } from './upload-source';

export interface CsvWorkerRequest {
	file: File;
}

/**
 * The finished upload: what the page shows (types, first rows, problems) and
 * the good rows as an Arrow IPC stream (see upload-ipc.ts), transferred with
 * the message, which the page hands to DuckDB without reading it.
 */
export type CsvWorkerDone = { type: 'done' } & UploadedCsv;

export type CsvWorkerMessage =
	| { type: 'sniffed'; encoding: string; delimiter: Delimiter; packing: Packing }
	| { type: 'progress'; progress: number }
	| CsvWorkerDone
	| { type: 'error'; message: string };
