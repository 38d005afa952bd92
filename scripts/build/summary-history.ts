/**
 * Where the all-months `rtt_summary` rows come from. Each cached month keeps its
 * own summary rows; reading 60 small files costs more than their rows do, so the
 * last build's every-month file (parquet/rtt_summary.parquet) is kept in the month
 * cache too, as one entry:
 *
 *   <cache>/<month code key>-all-months-<output code key>/rtt_summary.parquet
 *
 * listing the month entries it holds, oldest month first. A build whose months
 * begin with exactly those (same files, same code) reads that one file plus the
 * months after it; any other build reads every month's own file. Either way the
 * rows are the same, and every query over them sorts, so the output is too.
 */
import { copyFile, link } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { codeVersion } from './code-version.ts';
import { codeKey, pruneOtherVersions, type CacheEntry, type MonthCache } from './month-cache.ts';
import { SUMMARY_FILE } from './rtt-month.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';
import { sqlText } from './table-file.ts';

const HISTORY_FILE = 'rtt_summary.parquet';
const HISTORY = 'all-months';

interface History {
	/** The month entries (their cache keys) whose rows the file holds, oldest month first. */
	months: string[];
	columns: string[];
}

/**
 * The entry's key: the month code (so entries of other month code are pruned with the
 * months) and the code that writes the every-month file (outputs.ts and what it imports).
 */
export function historyKey(monthCode: string, outputCode: string): string {
	return `${codeKey(monthCode)}-${HISTORY}-${codeKey(outputCode)}`;
}

let outputCode: Promise<string> | null = null;

/** The fingerprint of the code that writes the every-month file (code-version.ts), computed once per process. */
export function outputCodeVersion(): Promise<string> {
	outputCode ??= codeVersion(new URL('./outputs.ts', import.meta.url));
	return outputCode;
}

const columns = () => SUMMARY_COLUMNS.map((c) => c.name);

/**
 * The summary files to read, in month order: the kept every-month file when the months
 * begin with the ones it holds, then each later month's own file; else every month's own.
 */
export async function summaryFiles(cache: MonthCache, key: string, months: CacheEntry<unknown>[], log: (line: string) => void): Promise<string[]> {
	const own = (entries: CacheEntry<unknown>[]) => entries.map((e) => join(e.dir, SUMMARY_FILE));
	const history = await cache.get<History>(key, log);
	if (!history) return own(months);
	const held = history.result.months;
	const fits = held.length > 0 && held.length <= months.length && held.every((k, i) => basename(months[i].dir) === k) && history.result.columns.join() === columns().join();
	if (!fits) return own(months);
	log(`summary rows of ${held.length} months from the last build's every-month file, ${months.length - held.length} from month files`);
	return [join(history.dir, HISTORY_FILE), ...own(months.slice(held.length))];
}

/** The all-months `rtt_summary` view over `files` (a view: each query reads only the columns it needs). */
export async function loadMonthSummaries(connection: DuckDBConnection, files: string[]): Promise<void> {
	await connection.run(`CREATE OR REPLACE VIEW rtt_summary AS SELECT ${columns().join(', ')} FROM read_parquet([${files.map(sqlText).join(', ')}])`);
}

/**
 * Keeps `written` (the every-month file just written: every summary row of `months`, in
 * SUMMARY_COLUMNS) as the history for the next build, hard-linked, and drops older ones.
 */
export async function keepSummaryHistory(cache: MonthCache, key: string, months: CacheEntry<unknown>[], written: string): Promise<void> {
	await cache.put<History>(key, async (dir) => {
		await link(written, join(dir, HISTORY_FILE)).catch(() => copyFile(written, join(dir, HISTORY_FILE)));
		return { months: months.map((e) => basename(e.dir)), columns: columns() };
	});
	await pruneOtherVersions(cache, key);
}
