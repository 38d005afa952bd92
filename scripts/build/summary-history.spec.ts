import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { cacheKey, MonthCache, type CacheEntry } from './month-cache.ts';
import { SUMMARY_FILE } from './rtt-month.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';
import { historyKey, keepSummaryHistory, loadMonthSummaries, summaryFiles } from './summary-history.ts';

const MONTH_CODE = '1'.repeat(64);
const KEY = historyKey(MONTH_CODE, 'a'.repeat(64));

/** A cache with three month entries (oldest first), each holding a stand-in summary file. */
async function months() {
	const cache = new MonthCache(mkdtempSync(join(tmpdir(), 'summary-history-')));
	const entries: CacheEntry<unknown>[] = [];
	for (const digit of ['a', 'b', 'c']) {
		entries.push(await cache.put(cacheKey(MONTH_CODE, digit.repeat(64)), async (dir) => {
			await writeFile(join(dir, SUMMARY_FILE), `rows of ${digit}`);
			return {};
		}));
	}
	const written = join(cache.root, 'site/rtt_summary.parquet');
	await mkdir(join(cache.root, 'site'));
	await writeFile(written, 'every month');
	return { cache, entries, written };
}

const own = (entries: CacheEntry<unknown>[]) => entries.map((e) => join(e.dir, SUMMARY_FILE));

describe('every-month summary kept between builds', () => {
	it('reads every month file when nothing was kept', async () => {
		const { cache, entries } = await months();
		expect(await summaryFiles(cache, KEY, entries, () => {})).toEqual(own(entries));
	});

	const cases: [string, (entries: CacheEntry<unknown>[]) => CacheEntry<unknown>[], number][] = [
		['the same months: the kept file alone', (e) => e, 3],
		['one month more: the kept file, then that month', (e) => e.slice(0, 2), 2],
		['two months more', (e) => e.slice(0, 1), 1]
	];
	for (const [name, kept, held] of cases) {
		it(`uses the kept file when the months begin with its months (${name})`, async () => {
			const { cache, entries, written } = await months();
			await keepSummaryHistory(cache, KEY, kept(entries), written);
			const lines: string[] = [];
			const files = await summaryFiles(cache, KEY, entries, (line) => lines.push(line));
			expect(files).toEqual([join(cache.root, KEY, 'rtt_summary.parquet'), ...own(entries.slice(held))]);
			expect(lines).toEqual([`summary rows of ${held} months from the last build's every-month file, ${3 - held} from month files`]);
		});
	}

	const misfits: [string, (entries: CacheEntry<unknown>[]) => CacheEntry<unknown>[]][] = [
		['an older month is new (the months do not begin with the kept ones)', (e) => e.slice(1)],
		['a month was rebuilt from another file', (e) => [{ ...e[0], dir: join(e[0].dir, '..', cacheKey(MONTH_CODE, 'd'.repeat(64))) }, e[1]]],
		['the kept file holds a month the build no longer has', (e) => [...e, { ...e[0], dir: join(e[0].dir, '..', cacheKey(MONTH_CODE, 'e'.repeat(64))) }]]
	];
	for (const [name, kept] of misfits) {
		it(`reads every month file when ${name}`, async () => {
			const { cache, entries, written } = await months();
			await keepSummaryHistory(cache, KEY, kept(entries), written);
			expect(await summaryFiles(cache, KEY, entries, () => {})).toEqual(own(entries));
		});
	}

	it('reads every month file when the kept file has other columns, or is damaged (then it is deleted)', async () => {
		const { cache, entries, written } = await months();
		await keepSummaryHistory(cache, KEY, entries, written);
		const entryFile = join(cache.root, KEY, 'entry.json');
		const text = readFileSync(entryFile, 'utf8');
		writeFileSync(entryFile, text.replace('"period"', '"month"'));
		expect(await summaryFiles(cache, KEY, entries, () => {})).toEqual(own(entries));
		writeFileSync(entryFile, text);
		writeFileSync(join(cache.root, KEY, 'rtt_summary.parquet'), 'every MONTH');
		const lines: string[] = [];
		expect(await summaryFiles(cache, KEY, entries, (line) => lines.push(line))).toEqual(own(entries));
		expect(lines[0]).toMatch(/is damaged \(rtt_summary\.parquet does not have the SHA-256/);
		expect(existsSync(join(cache.root, KEY))).toBe(false);
	});

	it('keeps one every-month file per month code, hard-linked, and leaves the months alone', async () => {
		const { cache, entries, written } = await months();
		const other = historyKey(MONTH_CODE, 'b'.repeat(64));
		const otherMonthCode = historyKey('2'.repeat(64), 'a'.repeat(64));
		await keepSummaryHistory(cache, other, entries, written);
		await keepSummaryHistory(cache, otherMonthCode, entries, written);
		await keepSummaryHistory(cache, KEY, entries, written);
		const names = readdirSync(cache.root).filter((n) => n !== 'site').sort();
		expect(names).toEqual([...entries.map((e) => basename(e.dir)), KEY, otherMonthCode].sort());
		expect(readFileSync(join(cache.root, KEY, 'rtt_summary.parquet'), 'utf8')).toBe('every month');
	});

	it('makes the rtt_summary view over the files, in SUMMARY_COLUMNS', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		const dir = mkdtempSync(join(tmpdir(), 'summary-view-'));
		const values = SUMMARY_COLUMNS.map((c) => `NULL::${c.type} AS ${c.name}`).join(', ');
		const files = ['2026-01', '2026-02'].map((period) => join(dir, `${period}.parquet`));
		for (const [i, file] of files.entries()) {
			await connection.run(`COPY (SELECT * REPLACE ('2026-0${i + 1}' AS period) FROM (SELECT ${values})) TO '${file}' (FORMAT parquet)`);
		}
		await loadMonthSummaries(connection, files);
		const result = await connection.runAndReadAll('SELECT * FROM rtt_summary ORDER BY period');
		expect(result.columnNames()).toEqual(SUMMARY_COLUMNS.map((c) => c.name));
		expect(result.getRowsJS().map((r) => r[0])).toEqual(['2026-01', '2026-02']);
		connection.closeSync();
		instance.closeSync();
	});
});
