import { describe, expect, it } from 'vitest';
import {
	BAND_COUNT, TOP_BAND, addBands, bandsFromCounts, bandsFromRow, checkBands, countOver, countWithin,
	cumulativeBands, emptyBands, sumBands, totalPathways
} from './bands.ts';
import { RTT_BAND_COLUMNS } from '../schema/rtt.ts';

describe('emptyBands', () => {
	it('has 105 zero bands, the last being "more than 104 weeks"', () => {
		expect(emptyBands()).toHaveLength(105);
		expect(BAND_COUNT).toBe(105);
		expect(TOP_BAND).toBe(104);
		expect(totalPathways(emptyBands())).toBe(0);
	});
	it('returns a fresh array each time', () => {
		const a = emptyBands();
		a[0] = 1;
		expect(emptyBands()[0]).toBe(0);
	});
});

describe('checkBands', () => {
	const bad: [string, number[]][] = [
		['too short', [1, 2, 3]],
		['too long', new Array(106).fill(0)],
		['negative', bandsWithRaw(3, -1)],
		['not a number', bandsWithRaw(3, Number.NaN)],
		['infinite', bandsWithRaw(104, Infinity)]
	];
	for (const [name, bands] of bad) it(`rejects ${name}`, () => expect(() => checkBands(bands)).toThrow(RangeError));
});

describe('counting', () => {
	// 10 in band 0, 5 in band 17 (17–18 weeks), 4 in band 18, 3 in band 52, 2 in band 78, 1 in band 104.
	const bands = bandsFromCounts({ 0: 10, 17: 5, 18: 4, 52: 3, 78: 2, 104: 1 });
	const cases: [string, () => number, number][] = [
		['total', () => totalPathways(bands), 25],
		['within 18 = bands 0..17', () => countWithin(bands, 18), 15],
		['over 18 = bands 18..104', () => countOver(bands, 18), 10],
		['over 52 = bands 52..104', () => countOver(bands, 52), 6],
		['over 65', () => countOver(bands, 65), 3],
		['over 78 includes band 78 (more than 78 weeks)', () => countOver(bands, 78), 3],
		['over 104 = the top band', () => countOver(bands, 104), 1],
		['within 0', () => countWithin(bands, 0), 0],
		['within 105 = all', () => countWithin(bands, 105), 25]
	];
	for (const [name, run, expected] of cases) it(name, () => expect(run()).toBe(expected));
	it('rejects fractional weeks', () => expect(() => countWithin(bands, 17.5)).toThrow(RangeError));
});

describe('adding', () => {
	it('addBands adds band by band', () => {
		const sum = addBands(bandsFromCounts({ 0: 1, 5: 2 }), bandsFromCounts({ 5: 3, 104: 4 }));
		expect(sum).toEqual(bandsFromCounts({ 0: 1, 5: 5, 104: 4 }));
	});
	it('sumBands of nothing is empty', () => expect(sumBands([])).toEqual(emptyBands()));
	it('sumBands of three', () => {
		const list = [bandsFromCounts({ 1: 1 }), bandsFromCounts({ 1: 2 }), bandsFromCounts({ 2: 3 })];
		expect(sumBands(list)).toEqual(bandsFromCounts({ 1: 3, 2: 3 }));
	});
	it('cumulativeBands', () => {
		const c = cumulativeBands(bandsFromCounts({ 0: 2, 2: 3 }));
		expect(c.slice(0, 4)).toEqual([2, 2, 5, 5]);
		expect(c[104]).toBe(5);
	});
});

describe('bandsFromRow', () => {
	it('reads band_000..band_104, treating missing and null cells as zero', () => {
		const row: Record<string, number | bigint | null> = { band_000: 3n, band_017: 2, band_104: null };
		expect(bandsFromRow(row, RTT_BAND_COLUMNS)).toEqual(bandsFromCounts({ 0: 3, 17: 2 }));
	});
	it('rejects a wrong column list', () => expect(() => bandsFromRow({}, ['band_000'])).toThrow(RangeError));
	it('bandsFromCounts rejects a band that does not exist', () => expect(() => bandsFromCounts({ 105: 1 })).toThrow(RangeError));
});

function bandsWithRaw(k: number, value: number): number[] {
	const bands = emptyBands();
	bands[k] = value;
	return bands;
}
