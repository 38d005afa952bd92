/** Reads every real A&E file and checks the figures computed independently in the data README. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aeReader, pctWithin4Hours, type AeRow } from './ae.ts';
import type { ReadResult } from './types.ts';
import { SHARED_DATA, hasSharedData, sharedFile } from './test-support.ts';

const dir = resolve(SHARED_DATA, 'ae');

describe.skipIf(!hasSharedData)('A&E reader on the real published files', () => {
	const files = hasSharedData ? readdirSync(dir).filter((f) => /\.csv(\.gz)?$/.test(f)) : [];
	const byPeriod = new Map<string, ReadResult<AeRow>>();
	for (const f of files) {
		const bytes = sharedFile(`ae/${f}`);
		expect(aeReader.recognise({ name: f, bytes: bytes.subarray(0, 65536) })).toBe(true);
		const result = aeReader.read(f, bytes) as ReadResult<AeRow>;
		byPeriod.set(result.report.period!, result);
	}

	it('reads 59 distinct months with no rejected rows and every total row matching', () => {
		expect(byPeriod.size).toBe(59);
		for (const { report } of byPeriod.values()) {
			expect(report.rowsRejected, report.file).toBe(0);
			expect(report.issues, report.file).toEqual([]);
		}
	});

	// From the README oracle table (sum of provider rows, total row excluded).
	const oracle = [
		{ period: '2021-04', providers: 210, type1: 1222784, all: 1787500, pct: 86.59, rrk: 31358 },
		{ period: '2023-04', providers: 204, type1: 1242513, all: 1962852, pct: 76.82, rrk: 29850 },
		{ period: '2024-09', providers: 197, type1: 1335923, all: 2140977, pct: 73.7, rrk: null },
		{ period: '2025-04', providers: 198, type1: 1354645, all: 2208172, pct: 74.14, rrk: 34366 },
		{ period: '2026-02', providers: 197, type1: 1271830, all: 2043572, pct: 73.5, rrk: 30640 }
	];
	it.each(oracle)('$period matches the README', ({ period, providers, type1, all, pct, rrk }) => {
		const { rows } = byPeriod.get(period)!;
		expect(rows).toHaveLength(providers);
		expect(rows.reduce((s, r) => s + r.attendancesType1, 0)).toBe(type1);
		const england = rows.reduce(
			(s, r) => ({
				attendancesType1: s.attendancesType1 + r.attendancesType1,
				attendancesType2: s.attendancesType2 + r.attendancesType2,
				attendancesOther: s.attendancesOther + r.attendancesOther,
				over4hType1: s.over4hType1 + r.over4hType1,
				over4hType2: s.over4hType2 + r.over4hType2,
				over4hOther: s.over4hOther + r.over4hOther
			}),
			{ attendancesType1: 0, attendancesType2: 0, attendancesOther: 0, over4hType1: 0, over4hType2: 0, over4hOther: 0 }
		);
		expect(england.attendancesType1 + england.attendancesType2 + england.attendancesOther).toBe(all);
		expect(pctWithin4Hours(england)!).toBeCloseTo(pct, 2);
		if (rrk !== null) expect(rows.find((r) => r.orgCode === 'RRK')!.attendancesType1).toBe(rrk);
	});
});
