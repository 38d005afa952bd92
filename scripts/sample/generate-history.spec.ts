/**
 * `--months 60`: five years of RTT months in the published formats, read by the real RTT reader.
 * Generating them takes ~15 s, so it is done once for the whole file.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_SEED, generateAll, sha256 } from './generate.ts';
import { MONTH_NAMES, consecutiveMonths, rttMonthIndex } from './rtt-history.ts';
import { rttMonthCsv } from './rtt.ts';
import { discoverSources } from '../lib/source-files.ts';
import { readRttIntoDuckDB, recogniseRtt } from '../readers/rtt.ts';

const MONTHS = consecutiveMonths('2026-04', 60);
let files: Map<string, Uint8Array>;
/** Period (YYYY-MM) → CSV text, whatever the container. */
const texts = new Map<string, string>();

function csvOf(path: string, bytes: Uint8Array): string {
	if (path.endsWith('.gz')) return strFromU8(gunzipSync(bytes));
	if (path.endsWith('.zip')) return Object.entries(unzipSync(bytes)).map(([, b]) => strFromU8(b)).find((t) => t.startsWith('Period,'))!;
	return strFromU8(bytes);
}

function periodOfLabel(label: string): string {
	const [, month, year] = label.split('-');
	return `${year}-${String(MONTH_NAMES.indexOf(month) + 1).padStart(2, '0')}`;
}

/** National sum of `Total All` over the C_999 rows of one part (the last field of each row). */
function nationalTotal(csv: string, part: string): number {
	let total = 0;
	for (const line of csv.split('\r\n')) {
		if (line.includes(`,${part},`) && line.includes(',C_999,Total,')) total += Number(line.slice(line.lastIndexOf(',') + 1));
	}
	return total;
}

beforeAll(() => {
	files = generateAll(DEFAULT_SEED, { months: 60 });
	for (const [path, bytes] of files) {
		if (!path.startsWith('rtt/')) continue;
		const csv = csvOf(path, bytes);
		texts.set(periodOfLabel(csv.slice(csv.indexOf('\r\n') + 2).split(',', 1)[0]), csv);
	}
}, 120_000);

describe('--months 60', () => {
	it('writes 60 consecutive RTT months, one file each, ending 2026-04', () => {
		expect([...files.keys()].filter((p) => p.startsWith('rtt/'))).toHaveLength(60);
		expect([...texts.keys()].sort()).toEqual(MONTHS);
		expect(MONTHS[0]).toBe('2021-05');
		expect([...files.keys()].filter((p) => p.startsWith('ae/'))).toHaveLength(60);
		expect(strFromU8(files.get('README.txt')!)).toMatch(/RTT 2021-05 to 2026-04/);
	});

	it('keeps the original three months and every other default file byte for byte', () => {
		const plain = generateAll(DEFAULT_SEED);
		for (const [path, bytes] of plain) {
			if (path === 'README.txt') continue;
			expect(files.has(path), path).toBe(true);
			expect(sha256(files.get(path)!), path).toBe(sha256(bytes));
		}
	});

	it('is deterministic: a history month generated again has the same bytes', () => {
		for (const period of ['2021-05', '2023-12']) {
			expect(sha256(new TextEncoder().encode(rttMonthCsv(DEFAULT_SEED, period, rttMonthIndex(period)))), period).toBe(
				sha256(new TextEncoder().encode(texts.get(period)!))
			);
		}
		const other = rttMonthCsv(DEFAULT_SEED + 1, '2023-12', rttMonthIndex('2023-12'));
		expect(other).not.toBe(texts.get('2023-12'));
	});

	it('waiting lists rise slowly to a peak, then fall; no month jumps', () => {
		const lists = MONTHS.map((m) => nationalTotal(texts.get(m)!, 'Part_2'));
		const peak = lists.indexOf(Math.max(...lists));
		expect(peak).toBeGreaterThan(20);
		expect(peak).toBeLessThan(55);
		expect(lists[0]).toBeLessThan(lists[peak] * 0.8);
		expect(lists[59]).toBeLessThan(lists[peak] * 0.97);
		for (let i = 1; i < 60; i++) expect(Math.abs(lists[i] / lists[i - 1] - 1), MONTHS[i]).toBeLessThan(0.06);
	});

	it('December has less activity than the months either side', () => {
		for (const december of MONTHS.filter((m) => m.endsWith('-12'))) {
			const i = MONTHS.indexOf(december);
			const activity = (m: string) => nationalTotal(texts.get(m)!, 'Part_1A') + nationalTotal(texts.get(m)!, 'Part_1B') + nationalTotal(texts.get(m)!, 'Part_3');
			const around = (activity(MONTHS[i - 1]) + activity(MONTHS[i + 1])) / 2;
			expect(activity(december) / around, december).toBeLessThan(0.9);
		}
	});

	describe('the RTT reader', () => {
		let dir: string;
		let instance: DuckDBInstance;
		beforeAll(async () => {
			dir = mkdtempSync(join(tmpdir(), 'history-spec-'));
			for (const [path, bytes] of files) {
				if (!path.startsWith('rtt/')) continue;
				mkdirSync(dirname(join(dir, path)), { recursive: true });
				writeFileSync(join(dir, path), bytes);
			}
			instance = await DuckDBInstance.create(':memory:');
		}, 60_000);
		afterAll(() => {
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		});

		it('recognises every month and reads a sample with no rejects', async () => {
			const { files: sources, problems } = await discoverSources(dir);
			expect(problems).toEqual([]);
			const rtt = sources.filter((s) => recogniseRtt({ name: s.name, bytes: s.sample }));
			expect(rtt).toHaveLength(60);
			const connection = await instance.connect();
			// The oldest month, a December, the last history month (a zip) and the original gzip.
			const sample = rtt.filter((s) => /2021-05|May-2021|December-2023|January-2026|March-2026/.test(s.name + (s.entry ?? '')));
			expect(sample).toHaveLength(4);
			const periods: string[] = [];
			for (const [i, source] of sample.entries()) {
				const { report, period } = await readRttIntoDuckDB(connection, source, 'sha', i);
				expect(report.rowsRejected, source.name).toBe(0);
				expect(report.rowsAccepted, source.name).toBe(report.rowsRead);
				expect(report.rowsRead).toBeGreaterThan(1000);
				periods.push(period!);
			}
			expect(periods.sort()).toEqual(['2021-05', '2023-12', '2026-01', '2026-03']);
			connection.closeSync();
		}, 60_000);
	});
});
