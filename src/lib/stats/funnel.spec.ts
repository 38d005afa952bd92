import { describe, expect, it } from 'vitest';
import { BAND_WORDS, bandFor, binomialCdf, funnelCurve, funnelLimit, funnelLimits } from './funnel.ts';
import { seededRandom } from './seeded-random.ts';

/*
 * Reference values from R 4.x, worked by hand with the paper's formula:
 *   r <- qbinom(p, n, p0); a <- (pbinom(r, n, p0) - p) / (pbinom(r, n, p0) - pbinom(r - 1, n, p0)); (r - a) / n
 *
 * p0 = 0.5, n = 100, p = 0.975: qbinom = 60, pbinom(60) = 0.9823998999, pbinom(59) = 0.9715560332,
 *   a = (0.9823998999 − 0.975) / (0.9823998999 − 0.9715560332) = 0.6824041726, limit = (60 − 0.6824) / 100 = 0.5931759583
 * p0 = 0.5, n = 100, p = 0.025: qbinom = 40, pbinom(40) = 0.02844396682, pbinom(39) = 0.01760010011,
 *   a = 0.3175958274, limit = 0.3968240417
 * p0 = 0.5, n = 100, p = 0.001: qbinom = 35 → 0.3412158837;  p = 0.999: qbinom = 65 → 0.6487841163
 * p0 = 0.1, n = 50:  p = 0.025: qbinom = 1, a = 0.3068536521 → 0.01386292696; p = 0.975: qbinom = 9 → 0.1797227276;
 *   p = 0.999: qbinom = 13 → 0.2401284188; p = 0.001: qbinom = 0, a = 0.8059674783 → −0.0161 (clamped to 0)
 * p0 = 0.9, n = 1000: 0.001 → 0.8690821561 (qbinom 870), 0.025 → 0.8805170735 (881),
 *   0.975 → 0.9177213433 (918), 0.999 → 0.9276591537 (928)
 * p0 = 0.02, n = 30: 0.975 → 0.0655596355 (qbinom 2), 0.999 → 0.1243395198 (qbinom 4); lower limits clamp to 0
 * p0 = 0.75, n = 20000: 0.001 → 0.7404776378 (14810), 0.025 → 0.7439619782 (14880),
 *   0.975 → 0.7559643601 (15120), 0.999 → 0.7594008214 (15189)
 */
const REFERENCE: [number, number, number, number][] = [
	[0.5, 100, 0.001, 0.3412158837],
	[0.5, 100, 0.025, 0.3968240417],
	[0.5, 100, 0.975, 0.5931759583],
	[0.5, 100, 0.999, 0.6487841163],
	[0.1, 50, 0.001, 0],
	[0.1, 50, 0.025, 0.01386292696],
	[0.1, 50, 0.975, 0.1797227276],
	[0.1, 50, 0.999, 0.2401284188],
	[0.9, 1000, 0.001, 0.8690821561],
	[0.9, 1000, 0.025, 0.8805170735],
	[0.9, 1000, 0.975, 0.9177213433],
	[0.9, 1000, 0.999, 0.9276591537],
	[0.02, 30, 0.001, 0],
	[0.02, 30, 0.025, 0],
	[0.02, 30, 0.975, 0.0655596355],
	[0.02, 30, 0.999, 0.1243395198],
	[0.75, 20000, 0.001, 0.7404776378],
	[0.75, 20000, 0.025, 0.7439619782],
	[0.75, 20000, 0.975, 0.7559643601],
	[0.75, 20000, 0.999, 0.7594008214]
];

describe('funnelLimit against R', () => {
	for (const [p0, n, p, expected] of REFERENCE) {
		it(`p0 = ${p0}, n = ${n}, p = ${p} → ${expected}`, () => expect(funnelLimit(p, n, p0)).toBeCloseTo(expected, 8));
	}
});

describe('binomialCdf against R pbinom', () => {
	const cases: [number, number, number, number][] = [
		[60, 100, 0.5, 0.9823998999],
		[59, 100, 0.5, 0.9715560332],
		[0, 50, 0.1, 0.005153775207],
		[918, 1000, 0.9, 0.9769033261],
		[0, 30, 0.02, 0.5454843194],
		[-1, 10, 0.5, 0],
		[10, 10, 0.5, 1]
	];
	for (const [k, n, p, expected] of cases) {
		it(`pbinom(${k}, ${n}, ${p}) = ${expected}`, () => expect(binomialCdf(k, n, p)).toBeCloseTo(expected, 9));
	}
	it('handles a million trials without underflow', () => {
		expect(binomialCdf(500_000, 1_000_000, 0.5)).toBeCloseTo(0.5004, 4);
	});
});

describe('funnel limit properties', () => {
	const random = seededRandom(11);
	const cases = Array.from({ length: 200 }, () => ({ p0: 0.001 + random() * 0.998, n: 1 + Math.floor(10 ** (random() * 6)) }));
	it('limits lie in [0, 1] and bracket p0 in order', () => {
		for (const { p0, n } of cases) {
			const l = funnelLimits(n, p0);
			for (const v of [l.lower998, l.lower95, l.upper95, l.upper998]) {
				expect(v).toBeGreaterThanOrEqual(0);
				expect(v).toBeLessThanOrEqual(1);
			}
			expect(l.lower998).toBeLessThanOrEqual(l.lower95);
			expect(l.lower95).toBeLessThanOrEqual(p0 + 1e-12);
			expect(l.upper95).toBeGreaterThanOrEqual(p0 - 1e-12);
			expect(l.upper95).toBeLessThanOrEqual(l.upper998);
		}
	});
	/*
	 * Exact discrete limits wiggle where the expected count is tiny (p0 = 0.03: the
	 * 95% width grows from 0.1233 at n = 8 to 0.1300 at n = 10, because the upper
	 * limit's count stays put while n grows and the lower limit is pinned at 0).
	 * Beyond an expected count of 10 on each side the funnel narrows strictly, and
	 * at any n it is narrower ten times further out.
	 */
	it('the funnel narrows as n grows', () => {
		for (const p0 of [0.03, 0.2, 0.5, 0.62, 0.95]) {
			const curve = funnelCurve(p0, 5, 1_000_000, 200);
			for (let i = 1; i < curve.length; i++) {
				const before = curve[i - 1];
				const after = curve[i];
				if (before.n * Math.min(p0, 1 - p0) < 10) continue;
				expect(after.upper998 - after.lower998).toBeLessThanOrEqual(before.upper998 - before.lower998 + 1e-9);
				expect(after.upper95 - after.lower95).toBeLessThanOrEqual(before.upper95 - before.lower95 + 1e-9);
			}
			for (const c of curve) {
				const far = funnelLimits(c.n * 10, p0);
				expect(far.upper95 - far.lower95).toBeLessThan(c.upper95 - c.lower95);
			}
			expect(curve.at(-1)!.upper998 - curve.at(-1)!.lower998).toBeLessThan(0.01);
		}
	});
	it('never crosses 0 or 1 where a normal approximation would', () => {
		const l = funnelLimits(10, 0.02); // normal: 0.02 ± 3.09·0.0443 runs below 0
		expect(l.lower998).toBe(0);
		expect(l.upper998).toBeLessThan(1);
		const h = funnelLimits(10, 0.98);
		expect(h.upper998).toBeLessThanOrEqual(1);
		expect(h.upper998).toBeCloseTo(0.99988, 5);
	});
	it('p0 of exactly 0 or 1 gives flat limits', () => {
		expect(funnelLimits(100, 0)).toEqual({ n: 100, lower95: 0, upper95: 0, lower998: 0, upper998: 0 });
		expect(funnelLimits(100, 1).upper998).toBe(1);
	});
	it('rejects nonsense', () => {
		expect(() => funnelLimit(0, 10, 0.5)).toThrow(RangeError);
		expect(() => funnelLimit(0.5, 0, 0.5)).toThrow(RangeError);
		expect(() => funnelLimit(0.5, 10, 1.5)).toThrow(RangeError);
	});
});

describe('bands in words', () => {
	const limits = { lower998: 0.3, lower95: 0.4, upper95: 0.6, upper998: 0.7 };
	const cases: [number, 'higher-is-better' | 'lower-is-better', string][] = [
		[0.75, 'higher-is-better', 'Better than expected (99.8% limit)'],
		[0.65, 'higher-is-better', 'Better than expected (95% limit)'],
		[0.6, 'higher-is-better', 'Within expected range'],
		[0.5, 'higher-is-better', 'Within expected range'],
		[0.35, 'higher-is-better', 'Worse than expected (95% limit)'],
		[0.1, 'higher-is-better', 'Worse than expected (99.8% limit)'],
		[0.75, 'lower-is-better', 'Worse than expected (99.8% limit)'],
		[0.65, 'lower-is-better', 'Worse than expected (95% limit)'],
		[0.35, 'lower-is-better', 'Better than expected (95% limit)'],
		[0.1, 'lower-is-better', 'Better than expected (99.8% limit)']
	];
	for (const [value, direction, words] of cases) {
		it(`${value}, ${direction} → ${words}`, () => expect(BAND_WORDS[bandFor(value, limits, direction)]).toBe(words));
	}
});
