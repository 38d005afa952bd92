/**
 * The every-month `rtt_summary` download, one Parquet file per calendar year
 * (parquet/rtt_summary_<YYYY>.parquet: that year's months, sorted as every
 * summary file is), so adding a month rewrites only its year's file. Each
 * year's file is kept in the month cache as an entry of its own:
 *
 *   <cache>/<month code key>-summary-<YYYY>-<output code key>/rtt_summary_<YYYY>.parquet
 *
 * listing the month entries it holds, oldest first. A build whose months of that
 * year are exactly those (same files, same code) hard-links the kept file; any
 * other build writes the year again from its months' own summary files. Either
 * way the rows and their order are the same, so the bytes are too.
 */
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { codeVersion } from './code-version.ts';
import { codeKey, placeFile, pruneOtherVersions, type CacheEntry, type MonthCache } from './month-cache.ts';
import { SUMMARY_FILE } from './rtt-month.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';
import { sqlText } from './table-file.ts';

interface History {
	/** The month entries (their cache keys) whose rows the file holds, oldest month first. */
	months: string[];
	columns: string[];
}

/** One calendar year of the build's months, and the kept file that holds exactly them (null: write it). */
export interface SummaryYear {
	year: string;
	months: CacheEntry<{ period: string }>[];
	kept: string | null;
}

/** The download of one year's summary rows, relative to the site folder. */
export const summaryYearPath = (year: string) => `parquet/rtt_summary_${year}.parquet`;

const fileName = (year: string) => basename(summaryYearPath(year));

/**
 * A year's entry key: the month code (so entries of other month code are pruned with the
 * months) and the code that writes the file (outputs.ts and what it imports).
 */
export function yearKey(monthCode: string, outputCode: string, year: string): string {
	return `${codeKey(monthCode)}-summary-${year}-${codeKey(outputCode)}`;
}

let outputCode: Promise<string> | null = null;

/** The fingerprint of the code that writes the year files (code-version.ts), computed once per process. */
export function outputCodeVersion(): Promise<string> {
	outputCode ??= codeVersion(new URL('./outputs.ts', import.meta.url));
	return outputCode;
}

const columns = () => SUMMARY_COLUMNS.map((c) => c.name);
const ORDER = 'period, part, provider_code, treatment_code';

/** The build's months (oldest first) by calendar year, each year with its kept file when it holds exactly those months. */
export async function summaryYears(cache: MonthCache, monthCode: string, outputCode: string, months: CacheEntry<{ period: string }>[], log: (line: string) => void): Promise<SummaryYear[]> {
	const years: SummaryYear[] = [];
	for (const month of months) {
		const year = month.result.period.slice(0, 4);
		if (years.at(-1)?.year !== year) years.push({ year, months: [], kept: null });
		years.at(-1)!.months.push(month);
	}
	for (const entry of years) {
		const history = await cache.get<History>(yearKey(monthCode, outputCode, entry.year), log);
		if (!history) continue;
		const held = history.result.months;
		const fits = held.length === entry.months.length && held.every((k, i) => basename(entry.months[i].dir) === k) && history.result.columns.join() === columns().join();
		if (fits) entry.kept = join(history.dir, fileName(entry.year));
	}
	const kept = years.filter((y) => y.kept).length;
	if (kept) log(`summary files of ${kept} years kept from the last build, ${years.length - kept} written`);
	return years;
}

/** The files holding every summary row: each year's kept file, else its months' own files. */
export function summarySources(years: SummaryYear[]): string[] {
	return years.flatMap((y) => (y.kept ? [y.kept] : y.months.map((m) => join(m.dir, SUMMARY_FILE))));
}

/** The all-months `rtt_summary` view over `files` (a view: each query reads only the columns it needs). */
export async function loadMonthSummaries(connection: DuckDBConnection, files: string[]): Promise<void> {
	await connection.run(`CREATE OR REPLACE VIEW rtt_summary AS SELECT ${columns().join(', ')} FROM read_parquet([${files.map(sqlText).join(', ')}])`);
}

/** Each year's file in the site folder `dir`: the kept one linked, the others written from their months. */
export async function writeSummaryYears(connection: DuckDBConnection, dir: string, years: SummaryYear[]): Promise<void> {
	for (const { year, months, kept } of years) {
		const target = join(dir, summaryYearPath(year));
		if (kept) await placeFile(kept, target);
		else {
			const files = months.map((m) => sqlText(join(m.dir, SUMMARY_FILE))).join(', ');
			await connection.run(`COPY (SELECT ${columns().join(', ')} FROM read_parquet([${files}]) ORDER BY ${ORDER})
				TO ${sqlText(target)} (FORMAT parquet, COMPRESSION zstd)`);
		}
	}
}

/** Keeps each year file just written in the site folder `dir` for the next build, hard-linked, and drops older versions. */
export async function keepSummaryYears(cache: MonthCache, monthCode: string, outputCode: string, years: SummaryYear[], dir: string): Promise<void> {
	for (const { year, months, kept } of years) {
		if (kept) continue;
		const key = yearKey(monthCode, outputCode, year);
		const written = join(dir, summaryYearPath(year));
		await cache.put<History>(key, async (entry) => {
			await placeFile(written, join(entry, fileName(year)));
			return { months: months.map((e) => basename(e.dir)), columns: columns() };
		});
		await pruneOtherVersions(cache, key);
	}
}
