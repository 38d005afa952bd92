/** Runs fuzz cases in a worker thread, so the main thread can stop a case that hangs. */
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadBases } from './bases.ts';
import { disposeContext, newContext, runCase } from './run.ts';

const { seed, from, to, limitMs, source } = workerData as { seed: number; from: number; to: number; limitMs: number; source: 'auto' | 'demo' };
const { bases } = loadBases(source);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const ctx = newContext(connection);
for (let i = from; i < to; i++) {
	parentPort!.postMessage({ type: 'start', index: i });
	const result = await runCase(ctx, bases, seed, i, limitMs);
	parentPort!.postMessage({ type: 'done', result });
}
disposeContext(ctx);
connection.closeSync();
instance.closeSync();
parentPort!.postMessage({ type: 'end' });
