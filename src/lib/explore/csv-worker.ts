/// <reference lib="webworker" />
/**
 * Parses an uploaded CSV off the main thread. Started by CsvUpload.svelte as
 * `new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' })`,
 * so Vite bundles it as a file of our own (served from 'self', as the CSP's
 * worker-src allows). It receives the File, sniffs encoding and delimiter with
 * the pure functions of csv-import.ts, streams the file through PapaParse in
 * 1 MB chunks into a CsvCollector, and posts the kept values back a chunk at a
 * time (so the page never has to take the whole table in one message).
 */
import Papa from 'papaparse';
import { CsvCollector, decodeSample, detectEncoding, sniffDelimiter } from './csv-import';
import type { CsvWorkerRequest, CsvWorkerMessage } from './csv-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CsvWorkerMessage) => scope.postMessage(message);

/** Takes the values kept since the last call out of the collector (it keeps counting rows). */
function drain(collector: CsvCollector): CsvWorkerMessage & { type: 'batch' } {
	return { type: 'batch', columns: collector.columns.map((column) => column.splice(0)) };
}

async function parse(file: File): Promise<void> {
	const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
	const guess = detectEncoding(head);
	if (guess.encoding.startsWith('utf-16')) throw new Error(`${file.name} is saved as ${guess.label}. Save it as CSV UTF-8 and try again.`);
	const delimiter = sniffDelimiter(decodeSample(head, guess));
	post({ type: 'sniffed', encoding: guess.label, delimiter });
	const collector = new CsvCollector();
	await new Promise<void>((resolve, reject) => {
		Papa.parse<string[]>(file, {
			encoding: guess.encoding,
			delimiter,
			header: false,
			skipEmptyLines: false,
			chunkSize: 1024 * 1024,
			chunk(results) {
				const base = collector.linesRead;
				collector.addRows(results.data);
				for (const e of results.errors) collector.problem(base + (e.row ?? 0) + 1, null, e.message);
				if (collector.columns.length && collector.columns[0].length) post(drain(collector));
				if (typeof results.meta.cursor === 'number') post({ type: 'progress', progress: Math.min(1, results.meta.cursor / file.size) });
			},
			complete: () => resolve(),
			error: (error) => reject(error)
		});
	});
	const finished = collector.finish();
	post(drain(collector));
	post({
		type: 'done',
		headers: finished.headers,
		types: finished.types,
		rowCount: finished.rowCount,
		problems: finished.problems,
		problemCount: finished.problemCount,
		preview: finished.preview
	});
}

scope.onmessage = (event: MessageEvent<CsvWorkerRequest>) => {
	parse(event.data.file).catch((error) => post({ type: 'error', message: (error as Error)?.message ?? String(error) }));
};
