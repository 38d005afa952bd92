import { describe, expect, it } from 'vitest';
import { currentCodesOf, predecessorsOf, REORGANISATIONS, replacementOf } from './reorganisations.ts';

describe('council reorganisations', () => {
	const today = [
		['E07000190', ['E06000066']], // Taunton Deane → Somerset West and Taunton (2019) → Somerset (2023)
		['E10000021', ['E06000061', 'E06000062']], // Northamptonshire split in two
		['E07000004', ['E06000060']],
		['E07000048', ['E06000058']], // Christchurch went to BCP, not Dorset
		['E07000049', ['E06000059']],
		['E08000020', ['E08000037']],
		['E07000201', ['E07000245']],
		['E08000035', ['E08000035']], // Leeds: unchanged
		['E06000061', ['E06000061']]
	] as const;
	it.each(today)('%s → today %j', (code, expected) => expect(currentCodesOf(code)).toEqual(expected));

	it('gives the direct replacement and its year, and null for a council that still exists', () => {
		expect(replacementOf('E10000023')).toEqual({ codes: ['E06000065'], year: 2023 });
		expect(replacementOf('E07000190')).toEqual({ codes: ['E07000246'], year: 2019 });
		expect(replacementOf('E06000065')).toBeNull();
	});

	it('names the predecessors, oldest change first', () => {
		expect(predecessorsOf('E06000066').map((p) => p.name)).toEqual(['Mendip', 'Sedgemoor', 'South Somerset', 'Somerset West and Taunton', 'Somerset County Council']);
		expect(predecessorsOf('E07000246').map((p) => [p.code, p.year])).toEqual([['E07000190', 2019], ['E07000191', 2019]]);
		expect(predecessorsOf('E06000062').map((p) => p.code)).toContain('E10000021');
		expect(predecessorsOf('E08000035')).toEqual([]);
	});

	it('lists each code once, never as its own successor, with successors that are codes', () => {
		const codes = REORGANISATIONS.map((r) => r.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const r of REORGANISATIONS) {
			expect(r.successors).not.toContain(r.code);
			for (const s of r.successors) expect(s).toMatch(/^E0[6-8]\d{6}$/);
		}
	});
});
