/**
 * `npm run data:build`: published files in, the site's data out.
 * discover → read (one reader per format) → validate and count → aggregate in
 * DuckDB → write Arrow (browser), Parquet (downloads), JSON (first answer) and
 * manifest.json into a temporary folder → swap it in only when all went well.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest, SourceReport } from '../../src/lib/schema/site-data.ts';
import { discoverSources, notDataReason, readSourceBytes, WORKBOOK, type SourceFile } from '../lib/source-files.ts';
import { InputHashes } from './input-hashes.ts';
import { keepCouncilResult, readCouncilWorkbook } from './council-sources.ts';
import { buildCouncilData, type CouncilData } from './council.ts';
import { recogniseRtt } from '../readers/rtt.ts';
import { ReadError, issueText } from '../readers/types.ts';
import { readOtherSource, type OtherDatasets, emptyDatasets } from './datasets.ts';
import { writeSiteData } from './outputs.ts';
import { cacheKey, MonthCache, placeFiles, pruneOtherCode, type CacheEntry } from './month-cache.ts';
import { monthCodeVersion, monthProviders, rttMonth, SITE_FILES, type BuildDb, type RttMonth } from './rtt-month.ts';
import type { RttProvider } from './providers.ts';
import { outputFigures } from './month-patient.ts';
import { keepSummaryYears, loadMonthSummaries, outputCodeVersion, summarySources, summaryYears } from './summary-history.ts';

export interface BuildOptions {
	input: string;
	out: string;
	allowRejects: boolean;
	demonstration: boolean;
	/**
	 * The month cache folder (month-cache.ts): months whose file and build code are
	 * unchanged come from here. Without one, the build uses a temporary cache it deletes.
	 */
	cache?: string;
	log?: (line: string) => void;
}

/** The month cache `npm run data:build` and `npm run refresh` keep between builds, in the project's .cache. */
export const DEFAULT_MONTH_CACHE = fileURLToPath(new URL('../../.cache/data-build/rtt-months', import.meta.url));

export class BuildFailed extends Error {
	constructor(readonly problems: string[]) {
		super(`The data build failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'BuildFailed';
	}
}

export interface ReadStage {
	sources: SourceReport[];
	ignored: string[];
	failures: string[];
	periods: string[];
	datasets: OtherDatasets;
	/** Each RTT month's results, oldest first (one per file read; two for one month is a failure). */
	months: RttMonth[];
	/** Where each month's results and files are kept, in the order of `months`. */
	monthEntries: CacheEntry<RttMonth>[];
	/** The providers the latest month lists (none without a month). */
	latestProviders: RttProvider[];
	/** The council files, merged (null when no council file was read). */
	council?: CouncilData | null;
}

/**
 * Reads every recognised file. Each RTT month is built on its own (rtt-month.ts), or
 * taken from the month cache, and leaves only its results behind, never its rows.
 */
export async function readInputs(db: BuildDb, input: string, cache: MonthCache, log: (l: string) => void): Promise<ReadStage> {
	const { files, problems, ignored } = await discoverSources(input);
	const hashes = await InputHashes.open(cache.root);
	const ahead = prefetchMonths(files, cache, hashes, log).catch(() => {}); // each month checks its entry again when it comes to it
	for (const name of ignored) log(`ignored ${name}: no reader takes this kind of file.`);
	const stage: ReadStage = { sources: [], ignored: [...ignored], failures: problems.map((p) => p.message), periods: [], datasets: emptyDatasets(), months: [], monthEntries: [], latestProviders: [] };
	let sequence = 0;
	for (const file of files) {
		try {
			await readOne(db, cache, hashes, file, stage, sequence++, log);
		} catch (error) {
			if (!(error instanceof ReadError)) throw error;
			stage.failures.push(error.message);
		}
	}
	await ahead;
	await hashes.save().catch((error: Error) => log(`the input files' hashes were not kept for the next build: ${error.message}`));
	const seen = new Map<string, string>();
	for (const source of stage.sources.filter((s) => s.dataset === 'rtt' && s.period)) {
		const other = seen.get(source.period!);
		if (other) stage.failures.push(`${source.file}: month ${source.period} is already read from ${other}; keep one file per month.`);
		seen.set(source.period!, source.file);
	}
	stage.periods = [...seen.keys()].sort();
	stage.monthEntries.sort((a, b) => a.result.period.localeCompare(b.result.period));
	stage.months = stage.monthEntries.map((e) => e.result);
	const latest = stage.monthEntries.at(-1);
	if (latest) stage.latestProviders = await monthProviders(latest);
	return stage;
}

/**
 * Checks the cache entries of the RTT months, in file order, while the files are read one
 * by one: the checks fill the time the build waits on DuckDB reading a new month.
 */
async function prefetchMonths(files: SourceFile[], cache: MonthCache, hashes: InputHashes, log: (l: string) => void): Promise<void> {
	const code = await monthCodeVersion();
	for (const file of files) {
		if (WORKBOOK.test(file.name) || notDataReason(file) || !file.sample.length || !recogniseRtt({ name: file.name, bytes: file.sample })) continue;
		const sha256 = await hashes.sha256(file.path).catch(() => null);
		if (sha256) await cache.prefetch(cacheKey(code, sha256), log);
	}
}

async function readOne(db: BuildDb, cache: MonthCache, hashes: InputHashes, file: SourceFile, stage: ReadStage, sequence: number, log: (l: string) => void) {
	const started = Date.now();
	if (WORKBOOK.test(file.name)) return readWorkbook(file, await hashes.sha256(file.path), stage, log);
	// An empty file or a saved web page is a failed download: say so rather than skip it.
	const notData = notDataReason(file);
	if (notData) throw new ReadError(file.name, 1, null, notData);
	const sha256 = await hashes.sha256(file.path);
	if (file.sample.length && recogniseRtt({ name: file.name, bytes: file.sample })) {
		const entry = await rttMonth(db, cache, file, sha256, sequence, log);
		stage.sources.push(entry.result.report);
		stage.monthEntries.push(entry);
		return;
	} else {
		const report = await readOtherSource(file, sha256, stage.datasets);
		if (!report) {
			stage.ignored.push(file.name);
			log(`ignored ${file.name}: no reader recognises its first line.`);
			return;
		}
		stage.sources.push(report);
	}
	const r = stage.sources.at(-1)!;
	log(`read ${r.file} (${r.dataset}${r.period ? ` ${r.period}` : ''}): ${r.rowsRead} rows, ${r.rowsAccepted} accepted, ${r.rowsRejected} rejected, ${Date.now() - started} ms`);
}

/** An ODS/XLSX: read whole by the council workbook reader that knows its sheets, else listed as ignored. */
async function readWorkbook(file: SourceFile, sha256: string, stage: ReadStage, log: (l: string) => void) {
	if (file.bytes === 0) throw new ReadError(file.name, 1, null, 'the file is empty (0 bytes).');
	const result = await readCouncilWorkbook(file.name, await readSourceBytes(file));
	if (!result) {
		stage.ignored.push(file.name);
		log(`ignored ${file.name}: no reader recognises this workbook.`);
		return;
	}
	const r = keepCouncilResult(stage.datasets.council, file.name, result, sha256, file.bytes);
	stage.sources.push(r);
	log(`read ${r.file} (${r.dataset}): ${r.rowsRead} rows, ${r.rowsAccepted} accepted, ${r.rowsRejected} rejected`);
}

export async function buildSiteData(options: BuildOptions): Promise<Manifest> {
	const started = Date.now();
	const log = (line: string) => options.log?.(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
	const out = resolve(options.out);
	// A memory limit lets DuckDB spill to disk instead of growing past the 1.5 GB budget. Each
	// build gets its own spill folder: two builds sharing one corrupt each other's files.
	const spill = await mkdtemp(join(tmpdir(), 'openwaits-duckdb-'));
	const cacheRoot = options.cache ? resolve(options.cache) : join(spill, 'month-cache');
	await mkdir(cacheRoot, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '600MB', temp_directory: spill });
	const connection = await instance.connect();
	try {
		const cache = new MonthCache(cacheRoot);
		const stage = await readInputs({ instance, connection }, resolve(options.input), cache, log);
		const rejected = stage.sources.filter((s) => s.rowsRejected > 0);
		const problems = [...stage.failures];
		if (!options.allowRejects) {
			for (const source of rejected) {
				problems.push(`${source.file}: ${source.rowsRejected} of ${source.rowsRead} rows rejected (use --allow-rejects to keep the good rows).`);
				problems.push(...source.issues.slice(0, 5).map(issueText));
			}
		}
		if (stage.periods.length === 0) problems.push(`no RTT full extract found in ${options.input}.`);
		if (stage.datasets.council.length > 0) {
			stage.council = buildCouncilData(stage.datasets.council);
			problems.push(...stage.council.problems);
		}
		if (problems.length) throw new BuildFailed(problems);

		// From here on only the months' results are used: summary rows, figures and files.
		const [monthCode, outputCode] = [await monthCodeVersion(), await outputCodeVersion()];
		const years = await summaryYears(cache, monthCode, outputCode, stage.monthEntries, log);
		await loadMonthSummaries(connection, summarySources(years));
		const staging = `${out}.tmp-${process.pid}`;
		await rm(staging, { recursive: true, force: true });
		await mkdir(staging, { recursive: true });
		const folders = new Set<string>();
		for (const entry of stage.monthEntries) await placeFiles(entry, SITE_FILES, staging, folders);
		const { patient, trends } = await outputFigures(stage.monthEntries, stage.periods, stage.latestProviders);
		const manifest = await writeSiteData(connection, staging, stage, patient, trends, years, options.demonstration, log);
		await keepSummaryYears(cache, monthCode, outputCode, years, staging).catch((error: Error) => log(`the summary year files were not kept for the next build: ${error.message}`));
		await swapIn(staging, out);
		const pruned = await pruneOtherCode(cache, monthCode);
		if (pruned) log(`removed ${pruned} month cache entries made by earlier build code`);
		return manifest;
	} finally {
		connection.closeSync();
		instance.closeSync();
		await rm(spill, { recursive: true, force: true });
	}
}

/** The previous output stays in place until the new one is complete. */
async function swapIn(staging: string, out: string): Promise<void> {
	await mkdir(dirname(out), { recursive: true });
	const old = `${out}.old-${process.pid}`;
	await rename(out, old).catch(() => {});
	await rename(staging, out);
	await rm(old, { recursive: true, force: true });
}
