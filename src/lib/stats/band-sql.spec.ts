import { describe, expect, it } from 'vitest';
import { bandColumnsList, bandedPartsList, bandTotalExpression, sumBandsSelect, summariseBandRow } from './band-sql.ts';
import { RTT_BAND_COLUMNS } from '../schema/rtt.ts';
import { summariseWaits } from './wait-summary.ts';

describe('band SQL', () => {
	const cases: [string, () => string, string, string, number][] = [
		// [what, build, starts with, ends with, how many band columns]
		['sumBandsSelect', sumBandsSelect, 'sum(band_000)::BIGINT AS band_000, sum(band_001)', 'sum(band_104)::BIGINT AS band_104', 105],
		['bandColumnsList', bandColumnsList, 'band_000, band_001', 'band_103, band_104', 105],
		['bandTotalExpression', bandTotalExpression, '(coalesce(band_000, 0) + ', 'coalesce(band_104, 0))', 105]
	];
	for (const [name, build, start, end, count] of cases) {
		it(name, () => {
			const sql = build();
			expect(sql.startsWith(start)).toBe(true);
			expect(sql.endsWith(end)).toBe(true);
			expect(new Set(sql.match(/band_\d{3}/g)).size).toBe(count);
			expect(sql).not.toMatch(/[;'"]/);
		});
	}
});

describe('bandedPartsList', () => {
	it('lists the parts with week bands as SQL strings', () => {
		expect(bandedPartsList()).toBe("'Part_1A', 'Part_1B', 'Part_2', 'Part_2A'");
	});
});

describe('summariseBandRow', () => {
	const tens = RTT_BAND_COLUMNS.map((_, i) => (i < 30 ? 10 : 0));
	const onlyFirst = RTT_BAND_COLUMNS.map((_, i) => (i === 0 ? 10 : 0));
	it.each([
		['bigint sums and an unknown clock start', { ...Object.fromEntries(RTT_BAND_COLUMNS.map((c, i) => [c, BigInt(tens[i])])), unknown_clock_start: 4n }, tens, 4],
		['missing bands and a null unknown clock start', { band_000: 10, unknown_clock_start: null }, onlyFirst, 0]
	])('summarises %s like summariseWaits', (_what, row, bands, unknown) => {
		expect(summariseBandRow(row)).toEqual(summariseWaits(bands, unknown));
	});
});
