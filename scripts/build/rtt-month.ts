/**
 * One RTT month, start to finish, on its own: read and validate the file into
 * `rtt_detail` (a clean month straight into its detail file, shown through a
 * view), summarise it into `rtt_summary`, take the figures the rest of
 * the site needs from this month (patient figures, national figures, the
 * providers it lists), write the month's own files (its tables, their Parquet
 * downloads, its league file), then drop its detail rows so the next month
 * starts from nothing. Results go through the month cache (month-cache.ts): an
 * unchanged file with unchanged code is not read again.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { RttMonthFigures, SourceReport, TableDescription, WaitFigures } from '../../src/lib/schema/site-data.ts';
import type { SourceFile } from '../lib/source-files.ts';
import { readRttIntoDuckDB } from '../readers/rtt.ts';
import { buildRttSummaries, type PatientFigures } from './rtt-summaries.ts';
import { monthTableOrder, monthTableSpec, writeMonthTable } from './month-files.ts';
import { DuckdbTableFile } from './duckdb-file.ts';
import { cacheKey, type CacheEntry, type MonthCache } from './month-cache.ts';
import { codeVersion } from './code-version.ts';
import type { RttProvider } from './providers.ts';
import { monthTrend, writeMonthPatient, type MonthTrend } from './month-trend.ts';
import { writeLeagueMonth } from './league-month.ts';

/** A month's patient figures, as JSON can hold them: treatment → name and provider → that month's figures. */
export type MonthPatientFigures = { treatment: string; name: string; providers: [string, WaitFigures][] }[];

export interface RttMonth {
	period: string;
	report: SourceReport;
	summaryRows: number;
	/** The month's patient figures in short (month-trend.ts); whole, they are the entry's patient.json. */
	trend: MonthTrend;
	figures: RttMonthFigures;
	/** What writeMonthFiles wrote, described for the manifest. */
	tables: TableDescription[];
}

/** Where, inside a cache entry, the month's summary rows and output files are. */
export const SUMMARY_FILE = 'summary.parquet';
/**
 * The providers with Part_2 rows that month. Only the latest month's list is used (it makes
 * providers.json), so it is kept beside the results rather than in them: a build reads every
 * month's results, and on the real data each month's list is about 120 kB of JSON.
 */
export const PROVIDERS_FILE = 'providers.json';
export const SITE_FILES = 'files';
/** The month's detail file while it is written, beside its files; gone once it is published. */
const DETAIL_DRAFT = 'rtt_detail.duckdb';

let monthCode: Promise<string> | null = null;

/** The fingerprint of this month code (code-version.ts), computed once per process. */
export function monthCodeVersion(): Promise<string> {
	monthCode ??= codeVersion(new URL(import.meta.url));
	return monthCode;
}

/** The month from the cache when its file and the code are unchanged, else built (and cached). */
export async function rttMonth(
	db: BuildDb,
	cache: MonthCache,
	file: SourceFile,
	sha256: string,
	sequence: number,
	log: (line: string) => void
): Promise<CacheEntry<RttMonth>> {
	const started = performance.now();
	const key = cacheKey(await monthCodeVersion(), sha256);
	const found = await cache.get<RttMonth>(key, log);
	if (!found) return cache.put(key, (dir) => buildRttMonth(db, file, sha256, sequence, dir, log));
	const r = found.result.report;
	log(`reused ${file.name} (rtt ${r.period}) from the month cache: ${r.rowsRead} rows, ${r.rowsAccepted} accepted, ${r.rowsRejected} rejected, ${ms(started)} ms`);
	return { ...found, result: renamed(found.result, file.name) };
}

const ms = (since: number) => Math.round(performance.now() - since);

/** The providers a month listed (see PROVIDERS_FILE). */
export async function monthProviders(entry: Pick<CacheEntry<RttMonth>, 'dir'>): Promise<RttProvider[]> {
	return JSON.parse(await readFile(join(entry.dir, PROVIDERS_FILE), 'utf8')) as RttProvider[];
}

/** The same bytes under another name (a renamed download) are the same month; the report names the file read now. */
function renamed(month: RttMonth, name: string): RttMonth {
	const report = { ...month.report, file: name, issues: month.report.issues.map((issue) => ({ ...issue, file: name })) };
	return { ...month, report };
}

/** The build's DuckDB: the connection it works on, and the database a month opens a second connection to. */
export interface BuildDb {
	instance: DuckDBInstance;
	connection: DuckDBConnection;
}

/** Reads, summarises and writes one month into `dir` (an empty cache entry being built). */
export async function buildRttMonth(
	db: BuildDb,
	file: SourceFile,
	sha256: string,
	sequence: number,
	dir: string,
	log: (line: string) => void
): Promise<RttMonth> {
	const { connection } = db;
	const files = join(dir, SITE_FILES);
	// Opened before the month is read: a clean month's rows are sorted straight into it as they
	// are read, rather than into memory and then into the file. On January 2026 that made the
	// build 0.6 s sooner, with 1 s less CPU and 230 MB less peak memory (5 alternating runs).
	let detailFile = await DuckdbTableFile.open(connection, join(dir, DETAIL_DRAFT), 'rtt_detail');
	let detailIsView = false;
	try {
		let step = performance.now();
		const { report, period, load } = await readRttIntoDuckDB(connection, file, sha256, sequence, { table: detailFile.table, orderBy: monthTableOrder('rtt_detail') });
		detailIsView = load === 'clean';
		if (!detailIsView) {
			// A clean load that then found a duplicate row has already written its rows into the
			// file; dropped, they would still take up its blocks. The checked rows go to a new file.
			await detailFile.discard(connection);
			detailFile = await DuckdbTableFile.open(connection, join(dir, DETAIL_DRAFT), 'rtt_detail');
		}
		log(`read ${file.name} (rtt ${period}): ${report.rowsRead} rows, ${report.rowsAccepted} accepted, ${report.rowsRejected} rejected, ${ms(step)} ms`);
		step = performance.now();
		const detailSpec = monthTableSpec(period!, 'rtt_detail');
		// Finished before the summaries read it, so they never wait on its checkpoint.
		if (detailIsView) await detailFile.checkpoint(connection);
		// The detail file is gzipped and its Parquet written (and, for a month that was not clean,
		// sorted into the file first: the longest step) on a second connection while this one
		// summarises, mostly in JavaScript: both cores work.
		const [, month] = await meanwhile(db.instance, async (side) => {
			if (!detailIsView) await detailFile.fill(side, detailSpec);
			await detailFile.publish(side, files, detailSpec);
		}, async () => {
			const summaries = await buildRttSummaries(connection);
			const [figures] = await rttMonthFigures(connection);
			const providers = await rttProviders(connection, period!);
			log(`summarised ${summaries.rows} provider × treatment × part rows for ${period}, ${ms(step)} ms`);
			step = performance.now();
			const summary = await writeMonthTable(connection, files, period!, 'rtt_summary');
			// The month's summary rows for later builds: its Parquet download holds exactly them.
			await copyFile(join(files, summary.parquet!), join(dir, SUMMARY_FILE));
			return { period: period!, report, summaryRows: summaries.rows, patient: monthPatientFigures(summaries.patient), figures, providers, summary };
		});
		const detail = await detailFile.close(connection);
		const { summary, patient, providers, ...result } = month;
		// In the manifest's order (MONTH_TABLES).
		const tables = [summary, detail];
		log(`wrote ${period}'s files (${tables.map((t) => t.name).join(', ')}), ${ms(step)} ms`);
		await writeMonthPatient(dir, patient);
		await writeLeagueMonth(files, result.period, patient);
		await writeFile(join(dir, PROVIDERS_FILE), JSON.stringify(providers));
		return { ...result, trend: monthTrend(patient), tables };
	} catch (error) {
		await detailFile.discard(connection);
		throw error;
	} finally {
		await connection.run(`DROP ${detailIsView ? 'VIEW' : 'TABLE'} IF EXISTS rtt_detail`);
		for (const table of ['rtt_summary', 'rtt_problems', `rtt_rejects_${sequence}`, `rtt_scan_${sequence}`]) {
			await connection.run(`DROP TABLE IF EXISTS ${table}`);
		}
	}
}

/**
 * Runs `aside` on a second connection to the same database while `main` runs; returns
 * both results once both are done. Whichever fails, the other is waited for first, so
 * nothing is left running (nor an error unheard) when this returns or throws.
 */
export async function meanwhile<A, M>(instance: DuckDBInstance, aside: (side: DuckDBConnection) => Promise<A>, main: () => Promise<M>): Promise<[A, M]> {
	const side = await instance.connect();
	try {
		const started = aside(side);
		// Handled now, thrown below: a failure while `main` runs is not an unhandled rejection.
		started.catch(() => {});
		try {
			const result = await main();
			return [await started, result];
		} catch (error) {
			await started.catch(() => {});
			throw error;
		}
	} finally {
		side.closeSync();
	}
}

export function monthPatientFigures(patient: PatientFigures): MonthPatientFigures {
	return [...patient].map(([treatment, { name, providers }]) => ({
		treatment,
		name,
		providers: [...providers].map(([provider, months]): [string, WaitFigures] => [provider, months[0]])
	}));
}

/** Every month's patient figures as one map, months oldest first; a treatment's name is the first month's. */
export function mergePatientFigures(months: { period: string; patient: MonthPatientFigures }[]): PatientFigures {
	const merged: PatientFigures = new Map();
	for (const month of [...months].sort((a, b) => a.period.localeCompare(b.period))) {
		for (const { treatment, name, providers } of month.patient) {
			const entry = merged.get(treatment) ?? { name, providers: new Map() };
			merged.set(treatment, entry);
			for (const [provider, figures] of providers) {
				const list = entry.providers.get(provider) ?? [];
				entry.providers.set(provider, list);
				list.push(figures);
			}
		}
	}
	return merged;
}

/** The month's national figures: Part_2 totals counted once (C_999), and England's headline summary. */
export async function rttMonthFigures(connection: DuckDBConnection): Promise<RttMonthFigures[]> {
	const rows = (await connection.runAndReadAll(`
WITH totals AS (
  SELECT period,
    sum(total_all)::BIGINT AS all_rows,
    sum(total_all) FILTER (WHERE commissioner_code <> 'NONC')::BIGINT AS england,
    count(DISTINCT provider_code)::BIGINT AS providers
  FROM rtt_detail WHERE part = 'Part_2' AND treatment_code = 'C_999' GROUP BY period)
SELECT t.*, s.median_weeks, s.p92_weeks, s.pct_within_18
FROM totals t LEFT JOIN rtt_summary s
  ON s.period = t.period AND s.part = 'Part_2' AND s.provider_code = 'ENG' AND s.treatment_code = 'C_999'
ORDER BY t.period`)).getRowObjectsJS();
	return rows.map((r) => ({
		period: String(r.period),
		incompletePathways: Number(r.all_rows),
		incompletePathwaysEngland: Number(r.england),
		englandMedianWeeks: (r.median_weeks as number | null) ?? null,
		englandP92Weeks: (r.p92_weeks as number | null) ?? null,
		englandPctWithin18: (r.pct_within_18 as number | null) ?? null,
		providers: Number(r.providers)
	}));
}

/** Providers with RTT data in the month, with the treatments they report (Part_2). */
export async function rttProviders(connection: DuckDBConnection, period: string): Promise<RttProvider[]> {
	// The parent's name comes from the month's own rows (Provider Parent Name), so areas read as names, not codes.
	const rows = (await connection.runAndReadAll(
		`WITH parents AS (
		   SELECT provider_parent_code AS code, any_value(provider_parent_name) AS name
		   FROM rtt_detail WHERE period = $period AND provider_parent_code IS NOT NULL GROUP BY provider_parent_code)
		 SELECT s.provider_code, any_value(s.provider_name) AS name, any_value(s.region_code) AS region,
		   any_value(p.name) AS region_name, list(DISTINCT s.treatment_code ORDER BY s.treatment_code) AS treatments
		 FROM rtt_summary s LEFT JOIN parents p ON p.code = s.region_code
		 WHERE s.part = 'Part_2' AND s.provider_code <> 'ENG' AND s.period = $period
		 GROUP BY s.provider_code ORDER BY s.provider_code`,
		{ period }
	)).getRowObjectsJS();
	return rows.map((r) => ({
		code: String(r.provider_code),
		name: String(r.name),
		regionCode: (r.region as string) ?? null,
		regionName: (r.region_name as string) || null,
		treatments: (r.treatments as string[]) ?? []
	}));
}
