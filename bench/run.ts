/**
 * npm run bench: builds what it needs (bench/build.ts), then measures side by
 * side in one run (A B A B …, so the machine's load hits both sides alike) and
 * writes bench/results.json (numbers only) and bench/report.md.
 *
 * Options: --pairs N (pipeline vs DuckDB pairs, each with DuckDB writing the month's
 * detail files alone as a third side; default 3), --runs N (browser
 * runs per figure, default 5), --reuse-site (do not rebuild the site if built),
 * --no-gzip (serve without compression), --skip-pipeline, --only explorer (just the
 * explorer figures: cold vs DuckDB-WASM's floor, warm GROUP BY and upload; merged into
 * results.json and into report.md's table).
 * These are benchmarks, not tests: nothing here passes or fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { CACHE, prepare } from './build.ts';
import { coldFirstResult, coldVisit, councilCold, initialJs, launchChromium, newSession, SLOW_4G, warmQueries, type Session } from './browser.ts';
import { explorerWarmQuery, latestDetailTable, uploadLongTasks, type UploadLongTasks } from './explorer-browser.ts';
import { writeUploadCsv } from './upload-csv.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { decimalsOf, mergeIntoReport, writeReport, type CpuTime, type PipelinePair } from './report.ts';
import { benchFigures, EXPLORER_KEYS } from './figures.ts';
import { historyNotes, measureHistoryBuilds, prepareHistoryInputs, type HistoryFigures } from './history.ts';
import { buildHistorySite, exampleSql } from './history-browser.ts';
import { measureExplorerCold, NOT_RUN, type ExplorerColdRuns } from './explorer-cold.ts';

const { values: args } = parseArgs({
	options: {
		pairs: { type: 'string', default: '3' },
		runs: { type: 'string', default: '5' },
		'reuse-site': { type: 'boolean', default: false },
		'no-gzip': { type: 'boolean', default: false },
		'skip-pipeline': { type: 'boolean', default: false },
		'skip-history': { type: 'boolean', default: false },
		only: { type: 'string' }
	}
});
const PAIRS = Math.max(1, Math.min(10, Number(args.pairs)));
if (args.only !== undefined && args.only !== 'explorer') throw new Error(`--only takes "explorer", not "${args.only}"`);
const ONLY_EXPLORER = args.only === 'explorer';
const RUNS = Math.max(1, Math.min(15, Number(args.runs)));
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const prepared = await prepare({ rebuildSite: !args['reuse-site'] });
log(`prepared (${prepared.dataset} data; data build ${prepared.dataBuildSeconds ?? 'cached'} s, site build ${prepared.siteBuildSeconds ?? 'reused'} s)`);

// ---------------------------------------------------------------- pipeline vs plain DuckDB

interface ChildResult { ms: number; maxRssMb: number; cpu: CpuTime; stages?: { readMs: number; summariseMs: number; writeMs: number } }
function child(script: string, args: string[]): ChildResult {
	const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
	if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
	const line = result.stdout.trim().split('\n').at(-1)!;
	return JSON.parse(line) as ChildResult;
}

const pipeline: PipelinePair[] = [];
if (!args['skip-pipeline'] && !ONLY_EXPLORER) {
	// Each pipeline run writes a folder of its own, deleted after the last pair (pipeline-child.ts says why).
	const pipelineOut = (i: number) => join(CACHE, `pipeline-out-${i}`);
	for (let i = 0; i < PAIRS; i++) {
		const a = child('bench/pipeline-child.ts', [prepared.monthDir, pipelineOut(i)]);
		const b = child('bench/duckdb-child.ts', [prepared.monthCsv, join(CACHE, 'duckdb-out.parquet')]);
		const c = child('bench/output-floor-child.ts', [prepared.monthCsv, join(CACHE, 'output-floor-out')]);
		pipeline.push({ ratio: a.ms / b.ms, pipelineMs: a.ms, duckdbMs: b.ms, floorMs: c.ms, pipelineRss: a.maxRssMb, duckdbRss: b.maxRssMb, pipelineCpu: a.cpu, duckdbCpu: b.cpu, floorCpu: c.cpu, stages: a.stages! });
		log(`pair ${i + 1}/${PAIRS}: pipeline ${(a.ms / 1000).toFixed(1)} s (${a.maxRssMb.toFixed(0)} MB), DuckDB ${(b.ms / 1000).toFixed(1)} s (${b.maxRssMb.toFixed(0)} MB), ratio ${(a.ms / b.ms).toFixed(1)}; DuckDB writing the detail files ${(c.ms / 1000).toFixed(1)} s`);
	}
	for (let i = 0; i < PAIRS; i++) rmSync(pipelineOut(i), { recursive: true, force: true });
}

// ---------------------------------------------------------------- history: 60 and 61 generated months

let history: HistoryFigures | null = null;
let historyNote = '';
let site60: string | null = null;
if (!args['skip-history']) {
	try {
		history = measureHistoryBuilds(prepareHistoryInputs(log), PAIRS, log);
		site60 = buildHistorySite(history.data60, !args['reuse-site'], log);
	} catch (error) {
		historyNote = `not measured: ${(error as Error).message.split('\n')[0]}`;
		log(`history: ${historyNote}`);
	}
}

// ---------------------------------------------------------------- in the browser

const server = await serveStatic(prepared.siteBuild, { gzip: !args['no-gzip'] });
const server60 = site60 ? await serveStatic(site60, { gzip: !args['no-gzip'] }) : null;
const browser: Browser = await launchChromium();
const chromiumVersion = browser.version();
const outside = new Set<string>();
const pageErrors = new Set<string>();
async function done(session: Session) {
	session.outside.forEach((u) => outside.add(u));
	session.errors.forEach((e) => pageErrors.add(e));
	await session.context.close();
}

const NAIVE_SELECTOR = '#first-row:not([hidden])';
const cold: number[] = [];
const naive: number[] = [];
const speedups: number[] = [];
const warm: number[] = [];
const throttled: number[] = [];
let cold60: ExplorerColdRuns | null = null;
const allMonths: number[] = [];
let allMonthsNote = '';
const council: number[] = [];
let councilNote = '';
let naiveNote = '';
let initial: Awaited<ReturnType<typeof initialJs>> | null = null;
const explorerWarm: number[] = [];
let explorerWarmNote = '';
let upload: UploadLongTasks | null = null;
let uploadNote = '';

try {
	if (!ONLY_EXPLORER) {
	// Warm-up (not measured): the server compresses each file once, the OS caches the files.
	log('warm-up');
	await done((await coldFirstResult(browser, server.url)).session);
	try {
		const { session } = await coldVisit(browser, `${server.url}/naive/`, NAIVE_SELECTOR, { failSelector: '#status[data-failed]' });
		naiveNote = (await session.page.locator('#first-row').textContent()) ?? '';
		await done(session);
	} catch (error) {
		naiveNote = `the naive page failed: ${(error as Error).message}`;
	}

	// Cold first result and the naive page, side by side: A B A B …
	for (let i = 0; i < RUNS; i++) {
		const a = await coldFirstResult(browser, server.url);
		cold.push(a.ms);
		warm.push(...(await warmQueries(a.session, 6)));
		await done(a.session);
		if (naiveNote.startsWith('the naive page failed')) continue;
		const b = await coldVisit(browser, `${server.url}/naive/`, NAIVE_SELECTOR, { failSelector: '#status[data-failed]' });
		naive.push(b.ms);
		speedups.push(b.ms / a.ms);
		await done(b.session);
		log(`run ${i + 1}/${RUNS}: cold first result ${a.ms.toFixed(0)} ms, naive ${b.ms.toFixed(0)} ms`);
	}

	for (let i = 0; i < Math.min(RUNS, 3); i++) {
		const { ms, session } = await coldFirstResult(browser, server.url, SLOW_4G);
		throttled.push(ms);
		await done(session);
		log(`throttled run ${i + 1}: ${ms.toFixed(0)} ms`);
	}

	// A council's page, cold: Leeds on the real data, else the council with the most measures.
	try {
		const councils = await (await fetch(`${server.url}/data/council/councils.json`)).json().catch(() => null) as { councils: { code: string; measures: string[] }[] } | null;
		if (!councils) throw new Error('the site has no council/councils.json');
		const code = councils.councils.find((c) => c.code === 'E08000035')?.code ?? [...councils.councils].sort((a, b) => b.measures.length - a.measures.length)[0].code;
		await done((await councilCold(browser, server.url, code)).session); // warm-up
		for (let i = 0; i < RUNS; i++) {
			const visit = await councilCold(browser, server.url, code);
			council.push(visit.ms);
			await done(visit.session);
			log(`council run ${i + 1}: ${visit.ms.toFixed(0)} ms`);
		}
		councilNote = `cold visit of /council/${code} (new context, empty cache), from navigation start to the animation frame after the summary sentence is painted; each run then waits for network idle and fails if any DuckDB file was requested (none was)`;
	} catch (error) {
		councilNote = `not measured: ${(error as Error).message.split('\n')[0]}`;
		log(`council: ${councilNote}`);
	}

	initial = await initialJs(browser, server.url);
	log(`initial JS: ${initial.bytes} bytes gzip in ${initial.files.length} files`);
	}

	cold60 = await measureExplorerCold({ browser, siteUrl: server.url, site60Url: server60?.url ?? null, runs: RUNS, log, done, historyNote });

	// England's median wait by month over all 60 months, warm (the explorer's own example).
	if (server60) {
		let session60: Session | null = null;
		try {
			const sql = (await exampleSql(server60.url)).englandByMonth;
			if (!sql) throw new Error('the 60-month site offers no example over rtt_england');
			const warmRun = await explorerWarmQuery(browser, server60.url, sql, RUNS);
			session60 = warmRun.session;
			allMonths.push(...warmRun.times);
			allMonthsNote = `on /explore of the 60-month site, the example \`${sql.replace(/\s+/g, ' ')}\`; one unmeasured Run first (${warmRun.warmUpMs.toFixed(0)} ms: downloads DuckDB and loads the table), then ${RUNS} Runs, each from the click on Run to the animation frame after the status line and the results caption show the answer`;
			log(`England by month, warm: ${warmRun.times.map((t) => t.toFixed(0)).join(', ')} ms`);
		} catch (error) {
			allMonthsNote = `not measured: ${(error as Error).message.split('\n')[0]}`;
			log(`England by month: ${allMonthsNote}`);
		} finally {
			if (session60) await done(session60);
		}
	} else allMonthsNote = `not measured: ${historyNote || 'the history builds were skipped'}`;

	// The explorer, warm: a GROUP BY over a whole month's per-commissioner detail, then a 200 MB upload in the same page.
	let session: Session | null = null;
	try {
		const table = await latestDetailTable(server.url);
		const sql = `SELECT provider_code, sum(total_all) FROM ${table} WHERE part = 'Part_2' GROUP BY 1`;
		const warmRun = await explorerWarmQuery(browser, server.url, sql, RUNS);
		session = warmRun.session;
		explorerWarm.push(...warmRun.times);
		explorerWarmNote = `on /explore, \`${sql}\`; one unmeasured Run first (${warmRun.warmUpMs.toFixed(0)} ms: downloads DuckDB and loads the table), then ${RUNS} Runs, each from the click on Run to the animation frame after the status line and the results caption show the answer`;
		log(`explorer warm GROUP BY: ${warmRun.times.map((t) => t.toFixed(0)).join(', ')} ms (warm-up ${warmRun.warmUpMs.toFixed(0)} ms)`);
	} catch (error) {
		explorerWarmNote = `not measured: ${(error as Error).message.split('\n')[0]}`;
		log(`explorer warm: ${explorerWarmNote}`);
	}
	try {
		const csv = writeUploadCsv(join(CACHE, 'upload-200mb.csv'));
		log(`upload: ${csv.path} (${(csv.bytes / 1e6).toFixed(0)} MB, ${csv.rows.toLocaleString('en-GB')} rows)`);
		if (!session) {
			session = await newSession(browser);
			await session.page.goto(`${server.url}/explore`, { timeout: 120_000 });
			await session.page.waitForSelector('form.console[data-ready]', { timeout: 120_000 });
		}
		upload = await uploadLongTasks(session.page, csv.path);
		uploadNote =
			`${(csv.bytes / 1e6).toFixed(0)} MB generated CSV (${csv.rows.toLocaleString('en-GB')} rows of code,name,value,note; names quoted, some with commas and doubled quotes) chosen with setInputFiles on /explore after the warm queries; a PerformanceObserver('longtask') installed just before. ` +
			(upload.count === 0 ? 'No task reached 50 ms, the shortest the browser reports as a long task, so the figure is recorded as 0. ' : '') +
			`${upload.count} long tasks (≥ 50 ms), ${upload.totalMs.toFixed(0)} ms in all, over ${(upload.uploadMs / 1000).toFixed(1)} s to "${upload.rows.split('.')[0]}". ` +
			`While the worker parsed (${(upload.readingMs / 1000).toFixed(1)} s): ${upload.reading.count} long tasks, longest ${upload.reading.maxMs.toFixed(0)} ms; while DuckDB loaded the Arrow stream the worker built (registerUploadedIpc): ${upload.loading.count}, longest ${upload.loading.maxMs.toFixed(0)} ms`;
		log(`upload: ${uploadNote}`);
	} catch (error) {
		uploadNote = `not measured: ${(error as Error).message.split('\n')[0]}`;
		log(`upload: ${uploadNote}`);
	}
	if (session) await done(session);
} finally {
	await browser.close();
	await server.close();
	await server60?.close();
}

// ---------------------------------------------------------------- results

const { notes: { explorerNote, floorNote, explorer60Note }, ...explorerRuns } = cold60 ?? NOT_RUN;
const figures = benchFigures({ pipeline, cold, throttled, warm, council, initial, explorerWarm, upload, speedups, history, allMonths, ...explorerRuns });
const results: Record<string, number | null> = {};
const measured = ONLY_EXPLORER ? figures.filter((f) => EXPLORER_KEYS.includes(f.key)) : figures;
if (ONLY_EXPLORER && existsSync('bench/results.json')) Object.assign(results, JSON.parse(readFileSync('bench/results.json', 'utf8')));
for (const f of measured) results[f.key] = f.summary ? Number((f.useMax ? f.summary.max : f.summary.median).toFixed(decimalsOf(f))) : null;
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
const notes = {
	council_cold_ms: councilNote,
	explorer_cold_ms: explorerNote,
	explorer_floor_ms: floorNote,
	explorer_cold_vs_floor: `explorer_cold_ms ÷ explorer_floor_ms for each explorer, floor pair of the same run; how much the explorer adds (SvelteKit, the manifest, fetching and attaching the tables the first example names, the SETs, drawing the table) to what DuckDB-WASM itself costs`,
	explorer_warm_group_by_ms: explorerWarmNote,
	upload_max_main_thread_task_ms: uploadNote,
	...historyNotes(history, historyNote, { explorer60Note, allMonthsNote })
};
if (ONLY_EXPLORER) {
	mergeIntoReport('bench/report.md', measured, notes, `\`tsx bench/run.ts --only explorer\` on ${new Date().toISOString()}, ${prepared.dataset} data, Chromium ${chromiumVersion}`);
	log('merged the explorer figures into bench/results.json and bench/report.md');
	console.log(JSON.stringify(Object.fromEntries(EXPLORER_KEYS.map((k) => [k, results[k]])), null, 2));
	process.exit(0);
}

const cpu = cpus();
writeReport('bench/report.md', {
	figures,
	machine: {
		cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length} cores`,
		memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
		node: process.version,
		chromium: chromiumVersion,
		date: new Date().toISOString()
	},
	prepared,
	pipeline,
	cold,
	naive,
	naiveNote,
	notes,
	initial,
	outside: [...outside],
	pageErrors: [...pageErrors],
	gzip: !args['no-gzip'],
	seconds: (Date.now() - started) / 1000
});
log('wrote bench/results.json and bench/report.md');
console.log(JSON.stringify(results, null, 2));
