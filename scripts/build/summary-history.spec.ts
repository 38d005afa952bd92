import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cacheKey, MonthCache, type CacheEntry } from './month-cache.ts';
import { SUMMARY_FILE } from './rtt-month.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';
import { keepSummaryYears, loadMonthSummaries, summarySources, summaryYearPath, summaryYears, writeSummaryYears, yearKey } from './summary-history.ts';

const MONTH_CODE = '1'.repeat(64);
const OUTPUT_CODE = 'a'.repeat(64);
const PERIODS = ['2025-11', '2025-12', '2026-01', '2026-02'];

/** A row of summary columns for `period` and `provider` (NULL elsewhere), as SQL. */
const row = (period: string, provider: string) =>
	`SELECT ${SUMMARY_COLUMNS.map((c) => (c.name === 'period' ? `'${period}'` : c.name === 'provider_code' ? `'${provider}'` : `NULL::${c.type}`) + ` AS ${c.name}`).join(', ')}`;

async function withDb<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		return await run(connection);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/** A cache with a month entry per period (oldest first), each holding two summary rows written out of order. */
async function months(connection: DuckDBConnection, periods = PERIODS, digits = 'abcd') {
	const cache = new MonthCache(mkdtempSync(join(tmpdir(), 'summary-years-')));
	const entries: CacheEntry<{ period: string }>[] = [];
	for (const [i, period] of periods.entries()) {
		entries.push(await cache.put(cacheKey(MONTH_CODE, digits[i].repeat(64)), async (dir) => {
			await connection.run(`COPY (${row(period, 'RB')} UNION ALL ${row(period, 'RA')}) TO '${join(dir, SUMMARY_FILE)}' (FORMAT parquet)`);
			return { period };
		}));
	}
	const site = join(cache.root, 'site');
	await mkdir(join(site, 'parquet'), { recursive: true });
	return { cache, entries, site };
}

const yearsOf = (cache: MonthCache, entries: CacheEntry<{ period: string }>[], lines: string[] = []) => summaryYears(cache, MONTH_CODE, OUTPUT_CODE, entries, (l) => lines.push(l));

async function rowsOf(connection: DuckDBConnection, file: string) {
	return (await connection.runAndReadAll(`SELECT period, provider_code FROM '${file}'`)).getRowsJS();
}

describe('the summary download, one file per year, kept between builds', () => {
	it('writes each year from its months, sorted; a second build with the same months links the kept files, byte for byte', async () => {
		await withDb(async (connection) => {
			const { cache, entries, site } = await months(connection);
			const first = await yearsOf(cache, entries);
			expect(first.map((y) => [y.year, y.months.map((m) => m.result.period), y.kept])).toEqual([['2025', ['2025-11', '2025-12'], null], ['2026', ['2026-01', '2026-02'], null]]);
			expect(summarySources(first)).toEqual(entries.map((e) => join(e.dir, SUMMARY_FILE)));
			await writeSummaryYears(connection, site, first);
			expect(await rowsOf(connection, join(site, summaryYearPath('2025')))).toEqual([['2025-11', 'RA'], ['2025-11', 'RB'], ['2025-12', 'RA'], ['2025-12', 'RB']]);
			await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, first, site);

			const lines: string[] = [];
			const second = await yearsOf(cache, entries, lines);
			expect(second.map((y) => y.kept)).toEqual(['2025', '2026'].map((y) => join(cache.root, yearKey(MONTH_CODE, OUTPUT_CODE, y), `rtt_summary_${y}.parquet`)));
			expect(summarySources(second)).toEqual(second.map((y) => y.kept));
			expect(lines).toEqual(['summary files of 2 years kept from the last build, 0 written']);
			const again = join(cache.root, 'again');
			await mkdir(join(again, 'parquet'), { recursive: true });
			await writeSummaryYears(connection, again, second);
			for (const year of ['2025', '2026']) expect(readFileSync(join(again, summaryYearPath(year)))).toEqual(readFileSync(join(site, summaryYearPath(year))));
		});
	});

	it('a month added to a year writes that year again and keeps the others, as a build from nothing would write them', async () => {
		await withDb(async (connection) => {
			const { cache, entries, site } = await months(connection);
			const earlier = await yearsOf(cache, entries.slice(0, 3));
			await writeSummaryYears(connection, site, earlier);
			await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, earlier, site);
			const now = await yearsOf(cache, entries);
			expect(now.map((y) => y.kept !== null)).toEqual([true, false]);
			expect(summarySources(now)).toEqual([now[0].kept, ...entries.slice(2).map((e) => join(e.dir, SUMMARY_FILE))]);
			const next = join(cache.root, 'next');
			await mkdir(join(next, 'parquet'), { recursive: true });
			await writeSummaryYears(connection, next, now);
			// The same months from an empty cache: the same bytes.
			const scratch = join(cache.root, 'scratch');
			await mkdir(join(scratch, 'parquet'), { recursive: true });
			await writeSummaryYears(connection, scratch, (await yearsOf(new MonthCache(mkdtempSync(join(tmpdir(), 'summary-empty-'))), entries)));
			for (const year of ['2025', '2026']) expect(readFileSync(join(next, summaryYearPath(year)))).toEqual(readFileSync(join(scratch, summaryYearPath(year))));
			// The kept 2026 file held one month; the build keeps the new one and drops nothing else.
			await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, now, next);
			expect((await yearsOf(cache, entries)).every((y) => y.kept)).toBe(true);
		});
	});

	const misfits: [string, (e: CacheEntry<{ period: string }>[]) => CacheEntry<{ period: string }>[]][] = [
		['a month of the year was rebuilt from another file', (e) => [{ ...e[0], dir: join(e[0].dir, '..', cacheKey(MONTH_CODE, 'e'.repeat(64))) }, e[1]]],
		['the kept file holds a month the build no longer has', (e) => [e[1]]]
	];
	for (const [name, build] of misfits) {
		it(`writes the year again when ${name}`, async () => {
			await withDb(async (connection) => {
				const { cache, entries, site } = await months(connection);
				const kept = await yearsOf(cache, entries);
				await writeSummaryYears(connection, site, kept);
				await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, kept, site);
				expect((await yearsOf(cache, build(entries)))[0].kept).toBeNull();
			});
		});
	}

	it('writes the year again when the kept file has other columns, or is damaged (then it is deleted)', async () => {
		await withDb(async (connection) => {
			const { cache, entries, site } = await months(connection);
			const years = await yearsOf(cache, entries);
			await writeSummaryYears(connection, site, years);
			await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, years, site);
			const dir = join(cache.root, yearKey(MONTH_CODE, OUTPUT_CODE, '2025'));
			const text = readFileSync(join(dir, 'entry.json'), 'utf8');
			writeFileSync(join(dir, 'entry.json'), text.replace('"period"', '"month"'));
			expect((await yearsOf(cache, entries))[0].kept).toBeNull();
			writeFileSync(join(dir, 'entry.json'), text);
			writeFileSync(join(dir, 'rtt_summary_2025.parquet'), 'not the kept rows');
			const lines: string[] = [];
			expect((await yearsOf(cache, entries, lines))[0].kept).toBeNull();
			expect(lines[0]).toMatch(/is damaged \(rtt_summary_2025\.parquet (does not have the SHA-256|is missing or has the wrong size)/);
			expect(existsSync(dir)).toBe(false);
		});
	});

	it('keeps one file per year and output code, hard-linked, and leaves the months alone', async () => {
		await withDb(async (connection) => {
			const { cache, entries, site } = await months(connection);
			const years = await yearsOf(cache, entries);
			await writeSummaryYears(connection, site, years);
			await keepSummaryYears(cache, MONTH_CODE, 'b'.repeat(64), years, site);
			await keepSummaryYears(cache, MONTH_CODE, OUTPUT_CODE, years, site);
			const names = readdirSync(cache.root).filter((n) => n !== 'site').sort();
			expect(names).toEqual([...entries.map((e) => basename(e.dir)), ...['2025', '2026'].map((y) => yearKey(MONTH_CODE, OUTPUT_CODE, y))].sort());
		});
	});

	it('makes the rtt_summary view over the files, in SUMMARY_COLUMNS', async () => {
		await withDb(async (connection) => {
			const { entries } = await months(connection);
			await loadMonthSummaries(connection, entries.map((e) => join(e.dir, SUMMARY_FILE)));
			const result = await connection.runAndReadAll('SELECT * FROM rtt_summary ORDER BY period, provider_code');
			expect(result.columnNames()).toEqual(SUMMARY_COLUMNS.map((c) => c.name));
			expect(result.getRowsJS().map((r) => r[0])).toEqual(PERIODS.flatMap((p) => [p, p]));
		});
	});
});
