/// <reference lib="webworker" />
/**
 * Reads an uploaded CSV off the main thread. Started by CsvUpload.svelte as
 * `new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' })`,
 * so Vite bundles it as a file of our own (served from 'self', as the CSP's
 * worker-src allows). It only runs readUpload (read-upload.ts) on the File and
 * posts what it hears: the sniffed encoding and delimiter, progress, then the
 * columns, problems and the good rows as Arrow IPC bytes (transferred, not
 * copied), or the sentence saying why the file cannot be loaded. The page
 * never holds or encodes the values itself.
 */
import { readUpload } from './read-upload';
import type { CsvWorkerMessage, CsvWorkerRequest } from './csv-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CsvWorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<CsvWorkerRequest>) => {
	const { file } = event.data;
	const outcome = await readUpload(file, file.name, {
		sniffed: (encoding, delimiter, packing) => post({ type: 'sniffed', encoding, delimiter, packing }),
		progress: (progress) => post({ type: 'progress', progress })
	});
	if (!outcome.ok) post({ type: 'error', message: outcome.error });
	else {
		const { ok: _, ...uploaded } = outcome;
		post({ type: 'done', ...uploaded }, [uploaded.ipc.buffer]);
	}
};
