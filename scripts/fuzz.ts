/**
 * `npx tsx scripts/fuzz.ts [--cases 10000] [--seed 1] [--case N] [--limit-ms 10000] [--demo]`
 *
 * Mutates real published files (from the shared data folder when present, else the
 * demonstration files) and reads each through the build's recognisers and readers.
 * Every case must end accepted (rows read = accepted + rejected) or refused with a
 * ReadError naming file and line; anything else is printed with its seed, case number
 * and mutations, and `--case N` replays exactly that case. Cases run in a worker thread
 * so a hang is stopped after --limit-ms and reported. Exit code 1 when anything crashed.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadBases } from './fuzz/bases.ts';
import { caseRng } from './fuzz/mutate.ts';
import { describeCrash, pickBase, summaryLine, type CaseResult, type Summary } from './fuzz/run.ts';

const { values } = parseArgs({
	options: {
		cases: { type: 'string', default: '10000' },
		seed: { type: 'string', default: '1' },
		case: { type: 'string' },
		'limit-ms': { type: 'string', default: '10000' },
		demo: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false }
	}
});
const seed = Number(values.seed);
const limitMs = Number(values['limit-ms']);
const source = values.demo ? 'demo' : 'auto';
const [from, to] = values.case !== undefined ? [Number(values.case), Number(values.case) + 1] : [0, Number(values.cases)];
if (![seed, limitMs, from, to].every(Number.isInteger)) {
	console.error('usage: npx tsx scripts/fuzz.ts [--cases 10000] [--seed 1] [--case N] [--limit-ms 10000] [--demo]');
	process.exit(2);
}

const WORKER = new URL('./fuzz/worker.ts', import.meta.url).href;
const { bases, from: origin } = loadBases(source);
console.log(`fuzzing ${to - from} cases, seed ${seed}, from ${origin}: ${bases.map((b) => `${b.name}${b.rtt ? ' (RTT, DuckDB)' : ''}`).join(', ')}`);
const started = Date.now();
const summary: Summary = { cases: 0, accepted: 0, rejected: 0, ignored: 0, crashes: [] };

function record(c: CaseResult): void {
	summary.cases++;
	if (c.outcome === 'crash') {
		summary.crashes.push(c);
		console.log(describeCrash(seed, c));
	} else if (c.outcome === 'accepted') summary.accepted++;
	else if (c.outcome === 'rejected') summary.rejected++;
	else summary.ignored++;
	if (values.verbose || values.case !== undefined) console.log(`case ${c.index} (${c.base}; ${c.applied.join(" + ")}): ${c.outcome} in ${Math.round(c.ms)} ms: ${c.detail.slice(0, 200)}`);
	if (summary.cases % 1000 === 0) console.log(`  … ${summary.cases} cases, ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Runs [start, to) in a worker; resolves with the index after a hang, or `to` when done. */
function runWorker(start: number): Promise<number> {
	return new Promise((resolve, reject) => {
		// tsx's loader is registered per thread: register it in the worker, then load the .ts file.
		const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
		const worker = new Worker(script, { eval: true, workerData: { seed, from: start, to, limitMs, source } });
		let current = start;
		let beat = Date.now();
		const watchdog = setInterval(() => {
			if (Date.now() - beat < limitMs * 2) return;
			clearInterval(watchdog);
			const rng = caseRng(seed, current);
			const base = pickBase(bases, rng);
			record({ index: current, base: base.name, applied: ['(see --case to replay)'], outcome: 'crash', detail: `no answer within ${limitMs * 2} ms: the worker was stopped (a hang)`, ms: limitMs * 2 });
			void worker.terminate().then(() => resolve(current + 1));
		}, 500);
		worker.on('message', (m: { type: string; index?: number; result?: CaseResult }) => {
			beat = Date.now();
			if (m.type === 'start') current = m.index!;
			else if (m.type === 'done') record(m.result!);
			else if (m.type === 'end') {
				clearInterval(watchdog);
				void worker.terminate().then(() => resolve(to));
			}
		});
		worker.on('error', (error) => {
			clearInterval(watchdog);
			reject(error);
		});
	});
}

for (let next = from; next < to; ) next = await runWorker(next);
console.log(`${summaryLine(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(summary.crashes.length ? 1 : 0);
