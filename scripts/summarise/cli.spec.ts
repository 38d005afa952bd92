import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSummarise } from './cli.ts';

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/rtt/rtt-two-commissioners.csv');

async function run(args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runSummarise(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
	return { code, stdout, stderr };
}

async function json(args: string[]) {
	const result = await run([FIXTURE, '--format', 'json', ...args]);
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as Record<string, unknown>[];
}

/*
 * The fixture (Part_2, January 2026), bands as {band: count}:
 *   RXX 00A  C_100 {0:10, 10:10, 20:10}   C_110 {5:20, 60:5}   C_999 = their sum
 *   RXX NONC C_100 {0:5, 30:5}                                  C_999 = the same
 *   RYY 00B  C_100 {2:4, 104:1}                                 C_999 = the same
 * plus Part_1A rows for RXX (band 1: 7, unknown clock start 3) and a Part_3 row.
 *
 * By hand, with k + (q·N − C(k−1)) / b(k):
 *   RXX all commissioners: N = 65 {0:15, 5:20, 10:10, 20:10, 30:5, 60:5}
 *     median 5 + (32.5 − 15)/20 = 5.875; p92 30 + (59.8 − 55)/5 = 30.96; p95 60 + (61.75 − 60)/5 = 60.35
 *     within 18: 45/65 = 69.23%, Wilson 95% 57.20–79.11; over 52: 5
 *   England (no NONC): N = 60 {0:10, 2:4, 5:20, 10:10, 20:10, 60:5, 104:1}
 *     median 5 + (30 − 14)/20 = 5.8; p92 60 + (55.2 − 54)/5 = 60.24; p95 60 + (57 − 54)/5 = 60.6
 *     within 18: 44/60 = 73.33%, Wilson 60.99–82.87; over 52: 6; over 104: 1
 *   England C_100: N = 35 {0:10, 2:4, 10:10, 20:10, 104:1}: median 10 + (17.5 − 14)/10 = 10.35
 *   RXX C_100 (both commissioners): N = 40: median 10 + (20 − 15)/10 = 10.5; RXX C_110: 5 + 12.5/20 = 5.625
 */
describe('summarise on the hand-made fixture', () => {
	it.each([
		{ by: 'provider', rows: [
			{ code: 'RXX', name: 'TEST HOSPITAL, NORTH NHS TRUST', treatment_code: 'C_999', pathways: 65, total_all: 65, median_weeks: 5.88, p92_weeks: 30.96, p95_weeks: 60.35, pct_within_18: 69.23, pct_within_18_low: 57.2, pct_within_18_high: 79.11, over_52: 5, over_104: 0, flags: [] },
			{ code: 'RYY', pathways: 5, median_weeks: null, pct_within_18: null, over_52: 1, over_104: 1, flags: ['too_few'] }
		] },
		{ by: 'england', rows: [
			{ code: 'ENG', name: 'England', treatment_code: 'C_999', pathways: 60, unknown_clock_start: 0, median_weeks: 5.8, p92_weeks: 60.24, p95_weeks: 60.6, pct_within_18: 73.33, pct_within_18_low: 60.99, pct_within_18_high: 82.87, over_52: 6, over_104: 1 }
		] },
		{ by: 'treatment', rows: [
			{ code: 'ENG', treatment_code: 'C_100', treatment_name: 'General Surgery Service', pathways: 35, median_weeks: 10.35 },
			{ code: 'ENG', treatment_code: 'C_110', pathways: 25, median_weeks: 5.63 }
		] },
		{ by: 'provider,treatment', rows: [
			{ code: 'RXX', treatment_code: 'C_100', pathways: 40, median_weeks: 10.5 },
			{ code: 'RXX', treatment_code: 'C_110', pathways: 25, median_weeks: 5.63 },
			{ code: 'RYY', treatment_code: 'C_100', pathways: 5, flags: ['too_few'] }
		] },
		{ by: 'region', rows: [
			{ code: 'QXX', name: 'NHS TEST NORTH INTEGRATED CARE BOARD', pathways: 65, median_weeks: 5.88 },
			{ code: 'QYY', pathways: 5 }
		] }
	])('--by $by', async ({ by, rows }) => {
		const result = await json(['--by', by]);
		expect(result).toHaveLength(rows.length);
		rows.forEach((row, i) => expect(result[i]).toMatchObject(row));
	});

	it('--part Part_1A counts unknown clock starts apart from the banded pathways', async () => {
		expect(await json(['--part', 'Part_1A'])).toMatchObject([{ code: 'RXX', pathways: 7, unknown_clock_start: 3, total_all: 10, flags: ['too_few'] }]);
	});

	it('writes RFC 4180 CSV by default', async () => {
		const { code, stdout, stderr } = await run([FIXTURE]);
		expect(code).toBe(0);
		expect(stdout.split('\r\n').slice(0, 2)).toEqual([
			'code,name,treatment_code,treatment_name,pathways,unknown_clock_start,total_all,median_weeks,p92_weeks,p95_weeks,pct_within_18,pct_within_18_low,pct_within_18_high,over_52,over_104,flags',
			'RXX,"TEST HOSPITAL, NORTH NHS TRUST",C_999,Total,65,0,65,5.88,30.96,60.35,69.23,57.2,79.11,5,0,'
		]);
		expect(stderr).toContain('2026-01, Part_2, by provider: 2 groups');
	});

	it.each([
		{ args: [], error: 'give exactly one RTT file (got 0)' },
		{ args: [FIXTURE, '--part', 'Part_3'], error: 'Part_3 (new clock starts) has no week bands' },
		{ args: [FIXTURE, '--part', 'Part_9'], error: 'unknown --part "Part_9"' },
		{ args: [FIXTURE, '--by', 'icb'], error: 'unknown --by "icb"' },
		{ args: [FIXTURE, '--format', 'xml'], error: 'unknown --format "xml"' },
		{ args: [FIXTURE, '--colour'], error: "Unknown option '--colour'" }
	])('exit 2 for $args', async ({ args, error }) => {
		const result = await run(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(error);
	});

	it('exit 1 naming the file when it is not RTT', async () => {
		const result = await run([resolve(import.meta.dirname, '../../package.json')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('package.json');
	});

	it('documents the England scope in --help', async () => {
		const { code, stdout } = await run(['--help']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/england\s+England \(C_999 rows, excluding commissioner NONC/);
	});
});
