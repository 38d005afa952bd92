import { describe, expect, it } from 'vitest';
import { betaDraw, competitionRanks, gammaDraw, rankIntervals } from './rank-interval.ts';
import { seededRandom } from './seeded-random.ts';

describe('samplers', () => {
	it('gamma draws have the right mean and variance', () => {
		for (const shape of [0.5, 1, 3.5, 200, 150000]) {
			const random = seededRandom(3);
			const xs = Array.from({ length: 20000 }, () => gammaDraw(random, shape));
			const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
			const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
			expect(mean / shape).toBeCloseTo(1, 1);
			expect(variance / shape).toBeGreaterThan(0.9);
			expect(variance / shape).toBeLessThan(1.1);
		}
	});
	it('beta draws centre on (x + ½)/(n + 1)', () => {
		const random = seededRandom(5);
		const xs = Array.from({ length: 20000 }, () => betaDraw(random, 30.5, 70.5));
		expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(30.5 / 101, 2);
	});
});

describe('competition ranks', () => {
	it('ties share the better rank', () => {
		expect(competitionRanks([0.5, 0.7, 0.7, 0.1], 'higher-is-better')).toEqual([3, 1, 1, 4]);
		expect(competitionRanks([0.5, 0.7, 0.7, 0.1], 'lower-is-better')).toEqual([2, 3, 3, 1]);
	});
});

describe('rank intervals', () => {
	const units = [
		{ code: 'BIG-HIGH', successes: 9000, trials: 10000 },
		{ code: 'BIG-LOW', successes: 5000, trials: 10000 },
		{ code: 'SMALL-A', successes: 7, trials: 10 },
		{ code: 'SMALL-B', successes: 6, trials: 10 },
		{ code: 'MID', successes: 700, trials: 1000 }
	];
	const result = rankIntervals(units, 'higher-is-better', { draws: 1000, seed: 42 });
	it('is deterministic with a seed', () => {
		expect(rankIntervals(units, 'higher-is-better', { draws: 1000, seed: 42 })).toEqual(result);
	});
	it('large clear units are pinned; small units are uncertain', () => {
		const by = Object.fromEntries(result.map((r) => [r.code, r]));
		// SMALL-A (7/10) beats 90% in a few per cent of draws, so BIG-HIGH is 1st or 2nd.
		expect(by['BIG-HIGH']).toMatchObject({ rank: 1, low: 1 });
		expect(by['BIG-HIGH'].high).toBeLessThanOrEqual(2);
		expect(by['BIG-LOW'].high).toBe(5);
		expect(by['SMALL-A'].high - by['SMALL-A'].low).toBeGreaterThanOrEqual(2);
		for (const r of result) {
			expect(r.low).toBeLessThanOrEqual(r.high);
			expect(r.low).toBeGreaterThanOrEqual(1);
			expect(r.high).toBeLessThanOrEqual(units.length);
		}
	});
	it('reverses with the direction', () => {
		const low = rankIntervals(units, 'lower-is-better', { draws: 500, seed: 1 });
		expect(low.find((r) => r.code === 'BIG-LOW')).toMatchObject({ rank: 1, low: 1 });
	});
	it('copes with 0% and 100%', () => {
		const r = rankIntervals([{ code: 'A', successes: 0, trials: 5 }, { code: 'B', successes: 5, trials: 5 }], 'higher-is-better', { draws: 200 });
		expect(r.map((x) => x.rank)).toEqual([2, 1]);
	});
});
