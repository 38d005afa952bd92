/**
 * Over-dispersion for funnel plots (Spiegelhalter 2005, Stat Med 24:1185, §3.2;
 * also Spiegelhalter, "Handling over-dispersion of performance indicators",
 * Qual Saf Health Care 2005;14:347–351).
 *
 * With hundreds of thousands of patients per trust, real differences in case
 * mix, coding and counting put far more than 5% of units outside the exact
 * 95% limits. Two standard allowances:
 *
 * 1. z-scores against the target, z_i = (y_i − p0) / s_i, s_i = √(p0(1−p0)/n_i),
 *    winsorised: the lowest 10% are set to the 10th percentile and the highest
 *    10% to the 90th, so a few extreme units do not inflate the estimate.
 * 2. Multiplicative: φ = (1/k) Σ z_i² (winsorised). Under "no over-dispersion"
 *    kφ ~ χ²_k. Limits become p0 ± z·√(φ·p0(1−p0)/n).
 * 3. Additive random effects (DerSimonian–Laird, as in the paper):
 *    τ² = (kφ − (k − 1)) / (Σw − Σw²/Σw), w_i = 1/s_i², and 0 when kφ ≤ k − 1.
 *    Limits become p0 ± z·√(s² + τ²).
 *
 * Both adjusted limits are normal approximations; here they are clamped to
 * [0, 1] so they never promise a proportion below 0% or above 100%.
 */
import { normalQuantile } from './normal.ts';
import type { FunnelLimits } from './funnel.ts';

export interface Unit {
	/** Observed proportion 0–1. */
	value: number;
	/** Denominator (cases). */
	n: number;
}

export interface Overdispersion {
	/** Units used (n ≥ 1). */
	k: number;
	/** Raw z-scores in input order (NaN for unusable units). */
	z: number[];
	/** Winsorised z-scores, same order. */
	winsorised: number[];
	lowCut: number;
	highCut: number;
	phi: number;
	tau2: number;
	/** χ²_k 95th percentile that kφ is compared with. */
	chiSquare95: number;
	/** kφ beyond the χ²_k 95th percentile. */
	overdispersed: boolean;
}

/**
 * Percentile with linear interpolation between order statistics (R type 7,
 * the default of R's quantile()). `sorted` must be ascending.
 */
export function percentileType7(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) throw new RangeError('No values');
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(sorted.length - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Replaces values below the q-th / above the (1−q)-th percentile by those percentiles. */
export function winsorise(values: readonly number[], q = 0.1): { values: number[]; low: number; high: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const low = percentileType7(sorted, q);
	const high = percentileType7(sorted, 1 - q);
	return { values: values.map((v) => Math.min(high, Math.max(low, v))), low, high };
}

/** Wilson–Hilferty approximation to the χ² quantile (error < 0.1% for k ≥ 3). */
export function chiSquareQuantile(p: number, k: number): number {
	const z = normalQuantile(p);
	const a = 2 / (9 * k);
	return k * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** φ and τ² for units around target p0 (0 < p0 < 1). */
export function estimateOverdispersion(units: readonly Unit[], p0: number, winsorQ = 0.1): Overdispersion {
	if (!(p0 > 0 && p0 < 1)) throw new RangeError(`p0 must be strictly between 0 and 1, got ${p0}`);
	const z = units.map((u) => (u.n >= 1 ? (u.value - p0) / Math.sqrt((p0 * (1 - p0)) / u.n) : Number.NaN));
	const used = units.filter((u) => u.n >= 1);
	const usedZ = z.filter((v) => Number.isFinite(v));
	const k = usedZ.length;
	if (k === 0) {
		return { k, z, winsorised: z, lowCut: Number.NaN, highCut: Number.NaN, phi: Number.NaN, tau2: 0, chiSquare95: Number.NaN, overdispersed: false };
	}
	const w = winsorise(usedZ, winsorQ);
	const phi = w.values.reduce((s, v) => s + v * v, 0) / k;
	const weights = used.map((u) => u.n / (p0 * (1 - p0))); // 1/s²
	const sumW = weights.reduce((s, v) => s + v, 0);
	const sumW2 = weights.reduce((s, v) => s + v * v, 0);
	const denominator = sumW - sumW2 / sumW;
	const tau2 = denominator > 0 ? Math.max(0, (k * phi - (k - 1)) / denominator) : 0;
	let index = 0;
	const winsorised = z.map((v) => (Number.isFinite(v) ? w.values[index++] : v));
	const chiSquare95 = chiSquareQuantile(0.95, k);
	return { k, z, winsorised, lowCut: w.low, highCut: w.high, phi, tau2, chiSquare95, overdispersed: k * phi > chiSquare95 };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const Z = { 95: normalQuantile(0.975), 998: normalQuantile(0.999) };

/** p0 ± z·√(φ·p0(1−p0)/n), clamped to [0, 1]. φ < 1 is not used to narrow the limits. */
export function multiplicativeLimits(n: number, p0: number, phi: number): FunnelLimits {
	const sd = Math.sqrt((Math.max(1, phi) * p0 * (1 - p0)) / n);
	return limitsFrom(n, p0, sd);
}

/** p0 ± z·√(p0(1−p0)/n + τ²), clamped to [0, 1]. */
export function randomEffectsLimits(n: number, p0: number, tau2: number): FunnelLimits {
	const sd = Math.sqrt((p0 * (1 - p0)) / n + Math.max(0, tau2));
	return limitsFrom(n, p0, sd);
}

function limitsFrom(n: number, p0: number, sd: number): FunnelLimits {
	return {
		n,
		lower95: clamp01(p0 - Z[95] * sd),
		upper95: clamp01(p0 + Z[95] * sd),
		lower998: clamp01(p0 - Z[998] * sd),
		upper998: clamp01(p0 + Z[998] * sd)
	};
}
