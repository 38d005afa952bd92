import { describe, expect, it } from 'vitest';
import { bandsFromCounts, emptyBands } from './bands.ts';
import {
	BINOMIAL_EXACT_MAX, binomialQuantile, binomialQuantiles, exactBinomialQuantile, exactBinomialQuantiles, medianInterval,
	normalBinomialQuantile, quantileInterval
} from './median-interval.ts';
import { seededRandom, randomInt } from './seeded-random.ts';

describe('binomialQuantile matches R qbinom', () => {
	// Values checked by summing exact binomial probabilities (Python math.comb).
	const cases: [number, number, number, number][] = [
		// [p, n, prob, qbinom]
		[0.025, 10, 0.5, 2],
		[0.975, 10, 0.5, 8],
		[0.025, 20, 0.5, 6],
		[0.975, 20, 0.5, 14],
		[0.025, 100, 0.5, 40],
		[0.975, 100, 0.5, 60],
		[0.025, 1000, 0.5, 469],
		[0.975, 1000, 0.5, 531],
		[0.025, 100, 0.92, 86],
		[0.975, 100, 0.92, 97],
		[0.025, 1000, 0.95, 936],
		[0.025, 1, 0.5, 0],
		[0.975, 1, 0.5, 1],
		[0.5, 0, 0.5, 0],
		[0.3, 7, 0, 0],
		[0.3, 7, 1, 7]
	];
	for (const [p, n, prob, k] of cases) {
		it(`qbinom(${p}, ${n}, ${prob}) = ${k}`, () => expect(binomialQuantile(p, n, prob)).toBe(k));
	}
	it('rejects p = 0', () => expect(() => binomialQuantile(0, 10, 0.5)).toThrow(RangeError));
	it('rejects fractional n', () => expect(() => binomialQuantile(0.5, 10.5, 0.5)).toThrow(RangeError));
});

describe('exact binomial quantile against brute force (n ≤ 80)', () => {
	const random = seededRandom(2024);
	for (let i = 0; i < 40; i++) {
		const n = randomInt(random, 1, 80);
		const prob = [0.5, 0.92, 0.95, random()][i % 4];
		const p = [0.025, 0.975, random()][i % 3];
		it(`n = ${n}, prob = ${prob.toFixed(3)}, p = ${p.toFixed(3)}`, () => {
			expect(exactBinomialQuantile(p, n, prob)).toBe(bruteForce(p, n, prob));
		});
	}
});

describe('several quantiles from one set of terms', () => {
	const random = seededRandom(77);
	for (let i = 0; i < 30; i++) {
		const n = randomInt(random, 1, 80);
		const prob = [0.5, 0.92, random()][i % 3];
		const ps = [random(), random(), 0.025, 0.975].sort((a, b) => a - b);
		it(`n = ${n}, prob = ${prob.toFixed(3)}: each as if asked alone`, () => {
			expect(exactBinomialQuantiles(ps, n, prob)).toEqual(ps.map((p) => bruteForce(p, n, prob)));
		});
	}
	const edges: [string, number[], number, number, number[]][] = [
		// [what, ps, n, prob, quantiles]
		['no trials', [0.025, 0.975], 0, 0.5, [0, 0]],
		['certain failure', [0.025, 0.975], 9, 0, [0, 0]],
		['certain success', [0.025, 0.975], 9, 1, [9, 9]],
		['the same p twice', [0.5, 0.5], 10, 0.5, [5, 5]],
		['above the exact limit', [0.025, 0.975], BINOMIAL_EXACT_MAX + 1, 0.5,
			[normalBinomialQuantile(0.025, BINOMIAL_EXACT_MAX + 1, 0.5), normalBinomialQuantile(0.975, BINOMIAL_EXACT_MAX + 1, 0.5)]]
	];
	for (const [name, ps, n, prob, expected] of edges) it(name, () => expect(binomialQuantiles(ps, n, prob)).toEqual(expected));
	it('keeps a long sum (more terms than its first scratch holds) exact', () => {
		expect(binomialQuantiles([0.025, 0.975], 1e6, 0.5)).toEqual([exactBinomialQuantile(0.025, 1e6, 0.5), exactBinomialQuantile(0.975, 1e6, 0.5)]);
		expect(exactBinomialQuantile(0.025, 1e6, 0.5)).toBe(499020);
	});
	it('rejects p out of order', () => expect(() => binomialQuantiles([0.975, 0.025], 10, 0.5)).toThrow(RangeError));
	it('rejects p = 1 among others', () => expect(() => binomialQuantiles([0.5, 1], 10, 0.5)).toThrow(RangeError));
});

describe('normal approximation agrees with the exact sum for large n', () => {
	// Above BINOMIAL_EXACT_MAX only the approximation runs; check it where both can.
	const cases: [number, number, number][] = [[0.025, 1e6, 0.5], [0.975, 1e6, 0.5], [0.025, 5e6, 0.92], [0.975, 2e7, 0.95]];
	for (const [p, n, prob] of cases) {
		it(`qbinom(${p}, ${n}, ${prob}) within one rank`, () => {
			expect(Math.abs(normalBinomialQuantile(p, n, prob) - exactBinomialQuantile(p, n, prob))).toBeLessThanOrEqual(1);
		});
	}
	it('is used above the documented limit', () => {
		const n = BINOMIAL_EXACT_MAX + 1;
		expect(binomialQuantile(0.975, n, 0.5)).toBe(normalBinomialQuantile(0.975, n, 0.5));
	});
});

describe('quantileInterval', () => {
	it('is null for an empty list', () => expect(medianInterval(emptyBands())).toBeNull());
	// Campbell & Gardner's ranks for the median: n = 10 → 2nd and 9th; n = 100 → 40th and 61st.
	const cases: [string, number[], number, number, number, number][] = [
		// [what, bands, lowRank, highRank, low weeks, high weeks]
		// 10 in band 4: j-th wait at 4 + j/10.
		['n = 10, one band', bandsFromCounts({ 4: 10 }), 2, 9, 4.2, 4.9],
		// 100 in bands 0..9, 10 each: j-th wait at (j/10) weeks.
		['n = 100, ten bands', bandsFromCounts(Object.fromEntries(Array.from({ length: 10 }, (_, k) => [k, 10]))), 40, 61, 4, 6.1],
		// n = 1: ranks 0 and 2, clamped to positions 0 and 1: the whole band.
		['one patient', bandsFromCounts({ 7: 1 }), 0, 2, 7, 8]
	];
	for (const [name, bands, lowRank, highRank, low, high] of cases) {
		it(name, () => {
			const got = medianInterval(bands)!;
			expect([got.lowRank, got.highRank]).toEqual([lowRank, highRank]);
			expect(got.low).toEqual({ kind: 'weeks', weeks: expect.closeTo(low, 10) });
			expect(got.high).toEqual({ kind: 'weeks', weeks: expect.closeTo(high, 10) });
		});
	}
	it('reaches into the top band as over104', () => {
		const got = medianInterval(bandsFromCounts({ 100: 10, 104: 10 }))!;
		expect(got.high).toEqual({ kind: 'over104' });
	});
	it('all in the top band: both ends over104', () => {
		const got = medianInterval(bandsFromCounts({ 104: 50 }))!;
		expect([got.low, got.high]).toEqual([{ kind: 'over104' }, { kind: 'over104' }]);
	});
	it('a 90% range sits inside the 95% range', () => {
		const bands = bandsFromCounts({ 3: 40, 8: 60, 20: 30 });
		const wide = quantileInterval(bands, 0.92)!;
		const narrow = quantileInterval(bands, 0.92, 0.9)!;
		expect(narrow.lowRank).toBeGreaterThanOrEqual(wide.lowRank);
		expect(narrow.highRank).toBeLessThanOrEqual(wide.highRank);
	});
	it('rejects q = 1', () => expect(() => quantileInterval(bandsFromCounts({ 0: 1 }), 1)).toThrow(RangeError));
	it('is fast for England-sized lists', () => {
		const bands = bandsFromCounts({ 2: 3_000_000, 20: 3_000_000, 60: 1_600_000 });
		const started = performance.now();
		expect(medianInterval(bands)).not.toBeNull();
		expect(performance.now() - started).toBeLessThan(500);
	});
});

function bruteForce(p: number, n: number, prob: number): number {
	let cumulative = 0;
	let choose = 1; // C(n, k)
	for (let k = 0; k <= n; k++) {
		if (k > 0) choose = (choose * (n - k + 1)) / k;
		cumulative += choose * prob ** k * (1 - prob) ** (n - k);
		if (cumulative >= p * (1 - 64 * Number.EPSILON)) return k;
	}
	return n;
}
