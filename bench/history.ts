/**
 * History at scale (#13), on generated data so it runs anywhere: 61 consecutive
 * demonstration months (`scripts/sample/generate.ts --months 61`, ending 2026-04),
 * hard-linked into two input folders under .cache/bench/history/:
 *   months/  every file except the last RTT month (2026-04): 60 RTT months
 *   alone/   every file except the first 60 RTT months: the 61st month alone
 * Each build runs in a fresh child process (bench/history-child.ts) with its own
 * month cache. "Incremental" is what a user does: the 61st month's file is added to
 * the folder the 60-month build read, and the build runs on the cache that build
 * left, hard-linked so every cached file keeps its modification time (a copy would
 * give each a new one, and the cache would hash all 60 months again to trust them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CACHE, walk } from './build.ts';
import type { Figure } from './report.ts';
import { summarise, type Summary } from './stats.ts';

export const HISTORY = join(CACHE, 'history');
const RAW = join(HISTORY, 'raw61');
const LAST_MONTH_FILE = /RTT-April-2026-full-extract/i;
const RTT_FILE = /RTT-.*-full-extract/i;

export interface HistoryBuild { ms: number; maxRssMb: number; bytes: number; months: number }

export interface HistoryFigures {
	full60: HistoryBuild;
	/** Adding the 61st month to the 60-month cache, and that month alone, side by side. */
	pairs: { incrementalMs: number; aloneMs: number; ratio: number }[];
	bytes61: number;
	/** The 60-month site's data folder, for the explorer figures. */
	data60: string;
}

export function folderBytes(dir: string): number {
	return walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Hard links (the reader skips symbolic links), so the folders cost no disk. */
function linkFolder(source: string, target: string, keep: (name: string) => boolean = () => true): void {
	rmSync(target, { recursive: true, force: true });
	for (const file of walk(source)) {
		if (!keep(basename(file))) continue;
		const to = join(target, relative(source, file));
		mkdirSync(dirname(to), { recursive: true });
		linkSync(file, to);
	}
}

export interface HistoryInputs {
	/** The first 60 RTT months and every other file. */
	months: string;
	/** The 61st month's file, to add to `months`. */
	last: string;
	/** The 61st month alone, with every other file. */
	alone: string;
}

export function prepareHistoryInputs(log: (line: string) => void): HistoryInputs {
	const stamp = join(HISTORY, 'raw61.stamp');
	const wanted = readFileSync('scripts/sample/rtt-history.ts', 'utf8') + readFileSync('scripts/sample/rtt.ts', 'utf8') + readFileSync('scripts/sample/rtt-model.ts', 'utf8');
	if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
		log('generating 61 months of demonstration data…');
		rmSync(RAW, { recursive: true, force: true });
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sample/generate.ts', '--months', '61', '--out', RAW], { stdio: 'inherit' });
		if (result.status !== 0) throw new Error('generating the 61 months failed');
		writeFileSync(stamp, wanted);
	}
	const months = join(HISTORY, 'months');
	const alone = join(HISTORY, 'alone');
	linkFolder(RAW, months, (name) => !LAST_MONTH_FILE.test(name));
	linkFolder(RAW, alone, (name) => !RTT_FILE.test(name) || LAST_MONTH_FILE.test(name));
	const rttFiles = (dir: string) => walk(dir).filter((f) => RTT_FILE.test(basename(f)));
	const last = rttFiles(RAW).filter((f) => LAST_MONTH_FILE.test(basename(f)));
	if (rttFiles(months).length !== 60 || last.length !== 1 || rttFiles(alone).length !== 1) throw new Error(`history inputs: ${rttFiles(months).length}/${last.length}/${rttFiles(alone).length} RTT months, expected 60/1/1`);
	return { months, last: last[0], alone };
}

function historyChild(input: string, out: string, cache: string): HistoryBuild {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/history-child.ts', input, out, cache], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 1_800_000 });
	if (result.status !== 0) throw new Error(`bench/history-child.ts ${input} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as HistoryBuild;
}

/**
 * The 60-month build from an empty cache (→ history_build_s_per_month, its peak
 * memory and bytes), then `pairs` × (the 61st month added to its folder and built on
 * that cache, hard-linked afresh each time; the 61st month alone from an empty cache), alternating.
 */
export function measureHistoryBuilds(inputs: HistoryInputs, pairs: number, log: (line: string) => void): HistoryFigures {
	const cache60 = join(HISTORY, 'cache60');
	const data60 = join(HISTORY, 'site60/static/data');
	rmSync(cache60, { recursive: true, force: true });
	log('history: building 60 generated months from an empty cache…');
	const full60 = historyChild(inputs.months, data60, cache60);
	log(`history: 60 months in ${(full60.ms / 1000).toFixed(1)} s, peak ${full60.maxRssMb.toFixed(0)} MB, ${(full60.bytes / 1e6).toFixed(1)} MB of data`);
	const result: HistoryFigures = { full60, pairs: [], bytes61: 0, data60 };
	for (let i = 0; i < pairs; i++) {
		const cache = join(HISTORY, 'cache61');
		linkFolder(cache60, cache);
		const added = join(inputs.months, relative(RAW, inputs.last));
		linkSync(inputs.last, added);
		let incremental: HistoryBuild;
		try {
			incremental = historyChild(inputs.months, join(HISTORY, 'out61'), cache);
		} finally {
			rmSync(added);
		}
		result.bytes61 = incremental.bytes;
		const emptyCache = join(HISTORY, 'cache-alone');
		rmSync(emptyCache, { recursive: true, force: true });
		const alone = historyChild(inputs.alone, join(HISTORY, 'out-alone'), emptyCache);
		result.pairs.push({ incrementalMs: incremental.ms, aloneMs: alone.ms, ratio: incremental.ms / alone.ms });
		log(`history pair ${i + 1}/${pairs}: 61st month added in ${(incremental.ms / 1000).toFixed(1)} s, that month alone ${(alone.ms / 1000).toFixed(1)} s, ratio ${(incremental.ms / alone.ms).toFixed(2)}`);
	}
	for (const dir of ['out61', 'out-alone', 'cache61', 'cache-alone']) rmSync(join(HISTORY, dir), { recursive: true, force: true });
	return result;
}

interface ExplorerHistoryRuns { explorer60: number[]; explorer60Ratio: number[]; bytes60: number[]; allMonths: number[] }

/** The history figures for results.json and the report (null summaries when not measured). */
export function historyFigures(history: HistoryFigures | null, runs: ExplorerHistoryRuns): Figure[] {
	const s = (values: number[]): Summary | null => (values.length ? summarise(values) : null);
	const h = history;
	return [
		{ key: 'history_build_s_per_month', label: 'Data build of 60 generated months ÷ 60 (empty cache)', unit: 's', summary: h ? s([h.full60.ms / 1000 / 60]) : null, goal: null, better: 'lower', decimals: 2 },
		{ key: 'history_peak_rss_mb', label: 'Peak memory of the 60-month build (maxRSS)', unit: 'MB', summary: h ? s([h.full60.maxRssMb]) : null, goal: 1536, better: 'lower', useMax: true },
		{ key: 'incremental_month_ratio', label: 'Adding the 61st month to 60 cached ÷ that month alone (per pair)', unit: '×', summary: h?.pairs.length ? s(h.pairs.map((p) => p.ratio)) : null, goal: 1.3, better: 'lower' },
		{ key: 'site_bytes_per_month', label: 'Site data growth per generated month (61 months − 60)', unit: 'bytes', summary: h && h.bytes61 ? s([h.bytes61 - h.full60.bytes]) : null, goal: null, better: 'lower' },
		{ key: 'explorer_cold_ms_60', label: 'Explorer cold, first example query, 60 generated months', unit: 'ms', summary: s(runs.explorer60), goal: null, better: 'lower' },
		{ key: 'explorer_cold_60_vs_2', label: 'Explorer cold: 60 months ÷ the 2 real months (per pair)', unit: '×', summary: s(runs.explorer60Ratio), goal: 1.2, better: 'lower' },
		{ key: 'explorer_bytes_first_query_60', label: 'Bytes the first example query fetches, 60 months (as the page reports)', unit: 'bytes', summary: s(runs.bytes60), goal: null, better: 'lower', useMax: true },
		{ key: 'explorer_all_months_ms', label: "England's median wait by month over 60 months, warm (Run → caption)", unit: 'ms', summary: s(runs.allMonths), goal: 1000, better: 'lower' }
	];
}

export function historyNotes(history: HistoryFigures | null, failure: string, notes: { explorer60Note: string; allMonthsNote: string }): Record<string, string> {
	const builds = history
		? `generated months from \`scripts/sample/generate.ts --months 61\` hard-linked into two folders (60 RTT months; the 61st alone; each with every non-RTT file), each build in a fresh child process (bench/history-child.ts, times taken inside it) with its own month cache. The 60-month build from an empty cache took ${(history.full60.ms / 1000).toFixed(1)} s and wrote ${(history.full60.bytes / 1e6).toFixed(1)} MB; the 61-month build wrote ${(history.bytes61 / 1e6).toFixed(1)} MB. Pairs (the 61st month's file added to the 60 months' folder, built on the cache the 60-month build left, hard-linked afresh for each pair so its files keep their times; then the 61st month alone from an empty cache): ${history.pairs.map((p) => `${(p.incrementalMs / 1000).toFixed(1)} s / ${(p.aloneMs / 1000).toFixed(1)} s`).join(', ')}`
		: `not measured: ${failure || 'skipped (--skip-history)'}`;
	return {
		history_build_s_per_month: builds,
		history_peak_rss_mb: builds,
		incremental_month_ratio: builds,
		site_bytes_per_month: builds,
		explorer_cold_ms_60: notes.explorer60Note,
		explorer_cold_60_vs_2: notes.explorer60Note,
		explorer_bytes_first_query_60: notes.explorer60Note,
		explorer_all_months_ms: notes.allMonthsNote
	};
}
