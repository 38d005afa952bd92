import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
	it('repeats the same sequence for the same seed', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		for (let i = 0; i < 100; i++) expect(a()).toBe(b());
	});
	it('differs between seeds', () => {
		expect(seededRandom(1)()).not.toBe(seededRandom(2)());
	});
	it('stays in [0, 1) and is roughly uniform', () => {
		const random = seededRandom(7);
		let sum = 0;
		for (let i = 0; i < 10_000; i++) {
			const x = random();
			expect(x >= 0 && x < 1).toBe(true);
			sum += x;
		}
		expect(sum / 10_000).toBeCloseTo(0.5, 1);
	});
	const cases: [number, number][] = [[0, 0], [0, 1], [3, 9], [-5, 5]];
	for (const [min, max] of cases) {
		it(`randomInt(${min}, ${max}) stays in range and reaches both ends`, () => {
			const random = seededRandom(min * 31 + max);
			const seen = new Set<number>();
			for (let i = 0; i < 2000; i++) {
				const x = randomInt(random, min, max);
				expect(Number.isInteger(x) && x >= min && x <= max).toBe(true);
				seen.add(x);
			}
			expect(seen.has(min) && seen.has(max)).toBe(true);
		});
	}
});
