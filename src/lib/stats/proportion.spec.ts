import { describe, expect, it } from 'vitest';
import { intervalsApart, proportion, wilsonInterval } from './proportion.ts';

describe('wilsonInterval against Newcombe (1998), Table I, method 3', () => {
	// Hand check for 81/263 (z = 1.959964, z² = 3.841459):
	//   p = 0.307985; z²/n = 0.014606; centre = (0.307985 + 0.007303) / 1.014606 = 0.310749
	//   half = 1.959964 × √(0.213131/263 + 3.841459/276676) / 1.014606
	//        = 1.959964 × √(0.00081038 + 0.00001388) / 1.014606 = 0.055461
	//   → 0.255288 to 0.366210; Newcombe prints 0.2553–0.3662.
	const cases: [number, number, number, number][] = [
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718],
		// Symmetry: 5/10 is centred on 0.5 (computed: 0.236593–0.763407).
		[5, 10, 0.2366, 0.7634],
		// All successes mirror none: 29/29 ↔ 0/29 (computed 0.88303–1).
		[29, 29, 0.883, 1]
	];
	for (const [x, n, low, high] of cases) {
		it(`${x}/${n} → ${low}–${high}`, () => {
			const got = wilsonInterval(x, n)!;
			expect(got.low).toBeCloseTo(low, 4);
			expect(got.high).toBeCloseTo(high, 4);
		});
	}
});

describe('wilsonInterval edges', () => {
	it('no trials: null', () => expect(wilsonInterval(0, 0)).toBeNull());
	it('0/1 starts at exactly 0', () => expect(wilsonInterval(0, 1)!.low).toBe(0));
	it('1/1 ends at exactly 1', () => expect(wilsonInterval(1, 1)!.high).toBe(1));
	it('a wider z gives a wider range', () => {
		const narrow = wilsonInterval(30, 100)!;
		const wide = wilsonInterval(30, 100, 2.575829)!;
		expect(wide.low).toBeLessThan(narrow.low);
		expect(wide.high).toBeGreaterThan(narrow.high);
	});
	const bad: [string, () => unknown][] = [
		['more successes than trials', () => wilsonInterval(3, 2)],
		['negative trials', () => wilsonInterval(0, -1)],
		['zero z', () => wilsonInterval(1, 2, 0)]
	];
	for (const [name, run] of bad) it(`rejects ${name}`, () => expect(run).toThrow(RangeError));
});

describe('proportion', () => {
	const cases: [number, number, number | null][] = [[0, 0, null], [1, 4, 0.25], [4, 4, 1]];
	for (const [x, n, p] of cases) it(`${x}/${n}`, () => expect(proportion(x, n)).toBe(p));
});

describe('intervalsApart', () => {
	const cases: [string, [number, number], [number, number], boolean][] = [
		['overlapping', [0.1, 0.3], [0.2, 0.4], false],
		['touching counts as overlapping', [0.1, 0.3], [0.3, 0.4], false],
		['apart', [0.1, 0.2], [0.3, 0.4], true],
		['apart, other order', [0.3, 0.4], [0.1, 0.2], true],
		['one inside the other', [0.1, 0.9], [0.4, 0.5], false]
	];
	for (const [name, [a1, a2], [b1, b2], expected] of cases) {
		it(name, () => expect(intervalsApart({ low: a1, high: a2 }, { low: b1, high: b2 })).toBe(expected));
	}
});
