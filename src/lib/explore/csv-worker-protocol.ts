/** Messages between CsvUpload.svelte and csv-worker.ts. */
import type { CollectedCsv, Delimiter } from './csv-import';

export interface CsvWorkerRequest {
	file: File;
}

export type CsvWorkerMessage =
	| { type: 'sniffed'; encoding: string; delimiter: Delimiter }
	| { type: 'progress'; progress: number }
	/** Values kept since the previous batch, by column (rows in file order). */
	| { type: 'batch'; columns: CollectedCsv['columns'] }
	| ({ type: 'done' } & Omit<CollectedCsv, 'columns'>)
	| { type: 'error'; message: string };

/** Appends each batch to the columns gathered so far (no spread: batches can be large). */
export function appendBatch(columns: CollectedCsv['columns'], batch: CollectedCsv['columns']): void {
	for (let i = 0; i < batch.length; i++) {
		const target = (columns[i] ??= []);
		const source = batch[i];
		for (let j = 0; j < source.length; j++) target.push(source[j]);
	}
}
