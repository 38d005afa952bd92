import { describe, expect, it } from 'vitest';
import { median, medianAbsoluteDeviation, peerSpread } from './peer-spread.ts';

describe('median and MAD (worked by hand)', () => {
	const cases: [number[], number, number][] = [
		// values, median, MAD
		[[1], 1, 0],
		[[3, 1, 2], 2, 1],
		[[1, 2, 3, 4], 2.5, 1],
		// 40, 42, 45, 47, 50, 60: median 46; |d| = 6,4,1,1,4,14 → sorted 1,1,4,4,6,14 → MAD 4
		[[50, 40, 45, 60, 42, 47], 46, 4]
	];
	for (const [values, m, mad] of cases) {
		it(`${values.join(', ')}`, () => {
			expect(median(values)).toBe(m);
			expect(medianAbsoluteDeviation(values)).toBe(mad);
		});
	}
	it('refuses an empty list', () => expect(() => median([])).toThrow());
});

describe('peerSpread', () => {
	const peers = [50, 40, 45, 60, 42, 47]; // median 46, MAD 4, 1.4826 × MAD = 5.9304
	const cases: [number, string, number | null][] = [
		// value, position, robust z to 3 places
		[46, 'within', 0],
		[57.8, 'within', 1.99], // (57.8 − 46) / 5.9304 = 1.990
		[58, 'clearly-above', 2.023],
		[33, 'clearly-below', -2.192]
	];
	for (const [value, position, z] of cases) {
		it(`${value} → ${position}`, () => {
			const s = peerSpread(value, peers);
			expect(s.position).toBe(position);
			expect(s.robustZ).toBeCloseTo(z!, 3);
			expect(s.madDistance).toBeCloseTo((value - 46) / 4, 10);
			expect([s.median, s.mad, s.min, s.max, s.peers]).toEqual([46, 4, 40, 60, 6]);
		});
	}
	it('says nothing with fewer than 5 peers', () => expect(peerSpread(90, [1, 2, 3, 4]).position).toBe('too-few'));
	it('ignores values that are not numbers', () => expect(peerSpread(46, [...peers, NaN]).peers).toBe(6));
	it('with no spread, any difference is clear', () => {
		expect(peerSpread(5, [4, 4, 4, 4, 4]).position).toBe('clearly-above');
		expect(peerSpread(4, [4, 4, 4, 4, 4]).position).toBe('within');
	});
});
