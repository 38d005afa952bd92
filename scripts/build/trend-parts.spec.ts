import { describe, expect, it } from 'vitest';
import { providerGroups, splitTrendFile, type Locate } from './trend-parts.ts';
import type { TreatmentTrendFile } from '../../src/lib/schema/site-data.ts';
import { providerTrend } from '../../src/lib/schema/test-fixtures.ts';

/** Places by code: two clusters (Leeds, London) far apart, and codes with no place. */
const PLACES: Record<string, [number, number]> = {
	L1: [53.80, -1.55], L2: [53.81, -1.52], L3: [53.79, -1.6], L4: [53.83, -1.5],
	S1: [51.50, -0.12], S2: [51.52, -0.1], S3: [51.49, -0.2], S4: [51.45, -0.05]
};
const locate: Locate = (code) => PLACES[code] ?? null;

describe('providerGroups: neighbours together, at most `size` each, the unlocated last by code', () => {
	const cases: [string, string[], number, string[][]][] = [
		['nobody', [], 4, []],
		['all fit in one', ['S2', 'L1', 'S1'], 4, [['L1', 'S1', 'S2']]],
		['two cities, four each: split between them, south first', ['L1', 'S1', 'L2', 'S2', 'L3', 'S3', 'L4', 'S4'], 4, [['S1', 'S2', 'S3', 'S4'], ['L1', 'L2', 'L3', 'L4']]],
		['unlocated after, in code order, chunked', ['Z9', 'L1', 'A1', 'B1'], 2, [['L1'], ['A1', 'B1'], ['Z9']]],
		['nobody located', ['C', 'A', 'B'], 2, [['A', 'B'], ['C']]],
		// London spans more longitude than latitude: halved west to east.
		['halved along the longer side', ['S1', 'S2', 'S3', 'S4'], 2, [['S1', 'S3'], ['S2', 'S4']]]
	];
	it.each(cases)('%s', (_, codes, size, groups) => expect(providerGroups(codes, locate, size)).toEqual(groups));

	it('halves at the median: balanced, even when that cuts a cluster', () => {
		// Sorted south to north: S1, S2, L3 | L1, L2.
		expect(providerGroups(['L1', 'L2', 'L3', 'S1', 'S2'], locate, 3)).toEqual([['L3', 'S1', 'S2'], ['L1', 'L2']]);
	});

	it('keeps every provider exactly once, groups between half and whole size', () => {
		const codes = Array.from({ length: 101 }, (_, i) => `P${String(i).padStart(3, '0')}`);
		const spread: Locate = (code) => {
			const i = Number(code.slice(1));
			return i % 10 === 0 ? null : [50 + ((i * 37) % 50) / 10, -5 + ((i * 53) % 60) / 10];
		};
		const groups = providerGroups(codes, spread, 8);
		expect(groups.flat().sort()).toEqual(codes);
		const located = groups.filter((g) => g.every((c) => spread(c)));
		for (const g of located) expect(g.length).toBeGreaterThanOrEqual(4);
		for (const g of groups) expect(g.length).toBeLessThanOrEqual(8);
		expect(providerGroups([...codes].reverse(), spread, 8)).toEqual(groups);
	});

	it('refuses an empty part size', () => expect(() => providerGroups(['A'], locate, 0)).toThrow('at least one provider'));
});

describe('splitTrendFile', () => {
	const file: TreatmentTrendFile = { treatment: 'C_110', periods: ['2026-01', '2026-04'], rows: ['L1', 'L2', 'S1', 'S2', 'X1', 'X2'].map((code) => providerTrend(code, 2)) };

	it('puts every row in the part partOf names, once, in the file’s order', () => {
		const { files, partOf } = splitTrendFile(file, locate, 2);
		expect(files.map((f) => [f.part, f.parts, f.rows.map((r) => r.provider)])).toEqual([
			[0, 3, ['S1', 'S2']],
			[1, 3, ['L1', 'L2']],
			[2, 3, ['X1', 'X2']]
		]);
		for (const f of files) {
			expect(f).toMatchObject({ treatment: 'C_110', periods: file.periods });
			for (const r of f.rows) expect(partOf.get(r.provider)).toBe(f.part);
		}
		expect(files.flatMap((f) => f.rows).sort((a, b) => a.provider.localeCompare(b.provider))).toEqual(file.rows);
	});

	it('a treatment nobody reports has no part', () => {
		expect(splitTrendFile({ ...file, rows: [] }, locate)).toEqual({ files: [], partOf: new Map() });
	});
});
