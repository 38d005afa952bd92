import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, estimateOverdispersion, multiplicativeLimits, percentileType7, randomEffectsLimits, winsorise } from './overdispersion.ts';

/*
 * A worked example small enough to check with a pencil.
 * Target p0 = 0.5; five units of n = 100, so s = √(0.25/100) = 0.05 for each.
 * Observed 0.40, 0.45, 0.50, 0.55, 0.70 → z = −2, −1, 0, 1, 4.
 * R quantile(type 7) of z at 10%: h = 4·0.1 = 0.4 → −2 + 0.4·(−1 − −2) = −1.6
 *                         at 90%: h = 3.6 → 1 + 0.6·(4 − 1) = 2.8
 * Winsorised z: −1.6, −1, 0, 1, 2.8; Σz² = 2.56 + 1 + 0 + 1 + 7.84 = 12.4; φ = 12.4/5 = 2.48.
 * kφ = 12.4 > qchisq(0.95, 5) = 11.0705 → over-dispersed.
 * w = 1/s² = 400 each: Σw = 2000, Σw² = 800000, Σw²/Σw = 400, denominator 1600.
 * τ² = (kφ − (k − 1)) / 1600 = (12.4 − 4)/1600 = 0.00525.
 * Multiplicative 95% at n = 100: 0.5 ± 1.959964·√(2.48·0.0025) = 0.5 ± 1.959964·0.0787401 = 0.5 ± 0.1543278
 * Random effects 95% at n = 100: 0.5 ± 1.959964·√(0.0025 + 0.00525) = 0.5 ± 1.959964·0.0880341 = 0.5 ± 0.1725437
 * Random effects 99.8% (z = 3.090232): 0.5 ± 0.2720458
 */
const UNITS = [0.4, 0.45, 0.5, 0.55, 0.7].map((value) => ({ value, n: 100 }));

describe('worked example', () => {
	const o = estimateOverdispersion(UNITS, 0.5);
	it('z-scores', () => o.z.forEach((z, i) => expect(z).toBeCloseTo([-2, -1, 0, 1, 4][i], 10)));
	it('winsorised at the 10th and 90th percentiles', () => {
		expect(o.lowCut).toBeCloseTo(-1.6, 10);
		expect(o.highCut).toBeCloseTo(2.8, 10);
		o.winsorised.forEach((z, i) => expect(z).toBeCloseTo([-1.6, -1, 0, 1, 2.8][i], 10));
	});
	it('φ = 2.48', () => expect(o.phi).toBeCloseTo(2.48, 10));
	it('τ² = 0.00525', () => expect(o.tau2).toBeCloseTo(0.00525, 12));
	it('is over-dispersed', () => {
		expect(o.chiSquare95).toBeCloseTo(11.0705, 1);
		expect(o.overdispersed).toBe(true);
	});
	it('multiplicative limits', () => {
		const l = multiplicativeLimits(100, 0.5, o.phi);
		expect(l.upper95).toBeCloseTo(0.6543278, 6);
		expect(l.lower95).toBeCloseTo(0.3456722, 6);
	});
	it('random-effects limits', () => {
		const l = randomEffectsLimits(100, 0.5, o.tau2);
		expect(l.upper95).toBeCloseTo(0.6725437, 6);
		expect(l.lower998).toBeCloseTo(0.2279542, 6);
	});
});

/*
 * Against an independent computation.
 *
 * A published worked example with its numbers could not be found: of
 * Spiegelhalter (2005, Stat Med 24:1185, and Qual Saf Health Care 14:347) only
 * the abstracts and opening pages could be read here, so no φ or τ² from the
 * papers (nor the per-trust data behind them) could be checked; the test of FunnelPlotR's over-dispersion step (nhs-r-community/FunnelPlotR,
 * tests/testthat/test-OD_adjust_func.R) checks types and lengths, not values;
 * no other published reference values for φ or τ² were found. So these
 * values come from a separate implementation of the paper's steps in Python,
 * with numpy's percentiles (method 'linear' = R type 7) and scipy's χ² and
 * normal quantiles, on twelve made-up units (numpy 2.4.6, scipy 1.17.1):
 *
 *   x = np.array([45, 210, 88, 610, 33, 140, 900, 75, 260, 19, 1250, 400.])
 *   n = np.array([120, 480, 300, 1500, 60, 520, 2400, 150, 700, 80, 3000, 1100.])
 *   p0 = x.sum() / n.sum(); s = np.sqrt(p0 * (1 - p0) / n); z = (x / n - p0) / s
 *   lo, hi = np.percentile(z, [10, 90]); zw = np.clip(z, lo, hi)
 *   k = len(z); phi = np.mean(zw ** 2); w = 1 / s ** 2
 *   tau2 = max(0, (k * phi - (k - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
 *   stats.chi2.ppf(0.95, k); limits at n = 500 with stats.norm.ppf(0.975), stats.norm.ppf(0.999)
 *
 * which printed
 *   p0 = 0.387127761768
 *   z  = -0.2727464756, 2.2656860695, -3.3352280579, 1.5535803362, 2.5900643657, -5.5194050374,
 *        -1.2197593201, 2.8380538636, -0.8527351047, -2.7475464295, 3.3215659899, -1.5995325232
 *   10th/90th percentiles of z = -3.2764598951, 2.8132549138
 *   phi = 5.3292866855, k·phi = 63.9514402260, chi2(0.95, 12) = 21.0260698175
 *   tau2 = 0.001469140161
 *   multiplicative, n = 500: 95% 0.2885657037–0.4856898199, 99.8% 0.2317271225–0.5425284010
 *   random effects, n = 500: 95% 0.3007189117–0.4735366119, 99.8% 0.2508888195–0.5233667040
 */
describe('independent computation (numpy/scipy)', () => {
	const x = [45, 210, 88, 610, 33, 140, 900, 75, 260, 19, 1250, 400];
	const n = [120, 480, 300, 1500, 60, 520, 2400, 150, 700, 80, 3000, 1100];
	const p0 = x.reduce((a, b) => a + b, 0) / n.reduce((a, b) => a + b, 0);
	const o = estimateOverdispersion(x.map((xi, i) => ({ value: xi / n[i], n: n[i] })), p0);
	const Z = [-0.2727464756, 2.2656860695, -3.3352280579, 1.5535803362, 2.5900643657, -5.5194050374, -1.2197593201, 2.8380538636, -0.8527351047, -2.7475464295, 3.3215659899, -1.5995325232];
	it('pooled target', () => expect(p0).toBeCloseTo(0.387127761768, 11));
	it('z-scores', () => o.z.forEach((z, i) => expect(z).toBeCloseTo(Z[i], 9)));
	it('winsorising cut-offs', () => {
		expect(o.lowCut).toBeCloseTo(-3.2764598951, 9);
		expect(o.highCut).toBeCloseTo(2.8132549138, 9);
		expect(o.winsorised[5]).toBeCloseTo(-3.2764598951, 9);
		expect(o.winsorised[10]).toBeCloseTo(2.8132549138, 9);
	});
	it('φ and τ²', () => {
		expect(o.phi).toBeCloseTo(5.3292866855, 9);
		expect(o.tau2).toBeCloseTo(0.001469140161, 12);
	});
	it('over-dispersed against χ²₁₂', () => {
		expect(o.chiSquare95).toBeCloseTo(21.0260698175, 1);
		expect(o.overdispersed).toBe(true);
	});
	it('multiplicative limits at n = 500', () => {
		const l = multiplicativeLimits(500, p0, o.phi);
		expect([l.lower95, l.upper95, l.lower998, l.upper998].map((v) => v.toFixed(8))).toEqual(['0.28856570', '0.48568982', '0.23172712', '0.54252840']);
	});
	it('random-effects limits at n = 500', () => {
		const l = randomEffectsLimits(500, p0, o.tau2);
		expect([l.lower95, l.upper95, l.lower998, l.upper998].map((v) => v.toFixed(8))).toEqual(['0.30071891', '0.47353661', '0.25088882', '0.52336670']);
	});
});

describe('helpers', () => {
	it('type-7 percentiles match R quantile()', () => {
		// quantile(1:10, c(0.1, 0.9)) → 1.9, 9.1
		const s = Array.from({ length: 10 }, (_, i) => i + 1);
		expect(percentileType7(s, 0.1)).toBeCloseTo(1.9, 12);
		expect(percentileType7(s, 0.9)).toBeCloseTo(9.1, 12);
	});
	it('winsorise leaves the middle alone', () => {
		expect(winsorise([5, 1, 3, 2, 4, 100, 0, 6, 7, 8, 9]).values).toEqual([5, 1, 3, 2, 4, 9, 1, 6, 7, 8, 9]);
	});
	it('χ² quantiles close to R qchisq', () => {
		// qchisq(0.95, c(10, 100, 150)) = 18.30704, 124.34211, 179.58063
		expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307, 1);
		expect(chiSquareQuantile(0.95, 100)).toBeCloseTo(124.342, 1);
		expect(chiSquareQuantile(0.95, 150)).toBeCloseTo(179.581, 1);
	});
	it('units exactly on target are not over-dispersed and τ² = 0', () => {
		const o = estimateOverdispersion([100, 200, 400, 800].map((n) => ({ value: 0.3, n })), 0.3);
		expect(o.phi).toBe(0);
		expect(o.tau2).toBe(0);
		expect(o.overdispersed).toBe(false);
	});
	it('limits stay within [0, 1] for extreme φ and τ²', () => {
		const l = multiplicativeLimits(5, 0.05, 50);
		expect(l.lower998).toBe(0);
		const r = randomEffectsLimits(5, 0.97, 1);
		expect(r.upper95).toBe(1);
	});
	it('φ below 1 never narrows the limits', () => {
		const l = multiplicativeLimits(100, 0.5, 0.2);
		expect(l.upper95).toBeCloseTo(0.5 + 1.959964 * 0.05, 6);
	});
});
