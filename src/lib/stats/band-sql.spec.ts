import { describe, expect, it } from 'vitest';
import { bandColumnsList, bandTotalExpression, sumBandsSelect } from './band-sql.ts';

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
