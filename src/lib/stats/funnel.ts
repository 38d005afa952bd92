/**
 * Funnel-plot control limits for a proportion (Spiegelhalter 2005, "Funnel
 * plots for comparing institutional performance", Statistics in Medicine
 * 24:1185–1202, §3.1 and Appendix).
 *
 * For a target proportion p0 and a unit with n cases, the limit at tail
 * probability p is the exact binomial quantile smoothed between whole counts:
 *
 *   r_p   = qbinom(p, n, p0)                         (R's qbinom)
 *   α     = (F(r_p) − p) / (F(r_p) − F(r_p − 1))     (F = binomial CDF)
 *   limit = (r_p − α) / n
 *
 * so the limit moves continuously with n instead of jumping by 1/n. Two-sided
 * 95% limits use p = 0.025 and 0.975; 99.8% use p = 0.001 and 0.999. Unlike
 * p0 ± z·√(p0(1−p0)/n) this never leaves [0, 1] except by the interpolation
 * below zero when r_p = 0 (α > 0 gives a slightly negative value, e.g. −0.016
 * for p0 = 0.1, n = 50, p = 0.001), which is clamped to 0 here.
 */
import { binomialQuantile } from './median-interval.ts';

/** The two conventional funnel levels: "2 and 3 standard deviations". */
export const FUNNEL_LEVELS = [0.95, 0.998] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number];

/** Terms smaller than this, relative to the mode's probability, are dropped. */
const NEGLIGIBLE = 1e-20;

/**
 * P(X ≤ k) and P(X ≤ k − 1) for X ~ Binomial(n, prob), by summing terms
 * outwards from the mode as ratios to its probability (no factorials, no
 * underflow for n in the millions). Exact to double precision for the
 * central mass, which is all a funnel limit ever needs.
 */
export function binomialCdf(k: number, n: number, prob: number): number {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
	if (!(prob >= 0 && prob <= 1)) throw new RangeError(`prob must be between 0 and 1, got ${prob}`);
	if (k < 0) return 0;
	if (k >= n) return 1;
	if (prob === 0) return 1;
	if (prob === 1) return 0;
	const mode = Math.min(n, Math.floor((n + 1) * prob));
	const odds = prob / (1 - prob);
	let total = 1; // the mode
	let upToK = mode <= k ? 1 : 0;
	for (let j = mode, term = 1; j > 0; j--) {
		term *= j / (n - j + 1) / odds; // P(j−1)/P(j)
		if (term < NEGLIGIBLE) break;
		total += term;
		if (j - 1 <= k) upToK += term;
	}
	for (let j = mode, term = 1; j < n; j++) {
		term *= ((n - j) / (j + 1)) * odds; // P(j+1)/P(j)
		if (term < NEGLIGIBLE) break;
		total += term;
		if (j + 1 <= k) upToK += term;
	}
	return Math.min(1, upToK / total);
}

/**
 * One control limit: the proportion a unit with n cases would fall below with
 * probability `p` if its true rate were p0. Clamped to [0, 1].
 */
export function funnelLimit(p: number, n: number, p0: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`p must be strictly between 0 and 1, got ${p}`);
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
	if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`p0 must be between 0 and 1, got ${p0}`);
	if (p0 === 0 || p0 === 1) return p0;
	const r = binomialQuantile(p, n, p0);
	const upper = binomialCdf(r, n, p0);
	const lower = binomialCdf(r - 1, n, p0);
	const step = upper - lower;
	const alpha = step > 0 ? (upper - p) / step : 0;
	return Math.min(1, Math.max(0, (r - alpha) / n));
}

export interface FunnelLimits {
	n: number;
	lower95: number;
	upper95: number;
	lower998: number;
	upper998: number;
}

/** Both pairs of exact limits for n cases around p0. */
export function funnelLimits(n: number, p0: number): FunnelLimits {
	return {
		n,
		lower95: funnelLimit(0.025, n, p0),
		upper95: funnelLimit(0.975, n, p0),
		lower998: funnelLimit(0.001, n, p0),
		upper998: funnelLimit(0.999, n, p0)
	};
}

/** Points along the funnel for drawing: geometric spacing of n from `from` to `to`. */
export function funnelCurve(p0: number, from: number, to: number, steps = 120, limits: (n: number) => FunnelLimits = (n) => funnelLimits(n, p0)): FunnelLimits[] {
	const low = Math.max(1, Math.floor(from));
	const high = Math.max(low, Math.ceil(to));
	const ns = new Set<number>();
	for (let i = 0; i <= steps; i++) ns.add(Math.round(low * (high / low) ** (i / steps)));
	return [...ns].sort((a, b) => a - b).map(limits);
}

// ------------------------------------------------------------------- bands

export type Direction = 'higher-is-better' | 'lower-is-better';

export type Band = 'better-998' | 'better-95' | 'within' | 'worse-95' | 'worse-998';

export const BAND_WORDS: Record<Band, string> = {
	'better-998': 'Better than expected (99.8% limit)',
	'better-95': 'Better than expected (95% limit)',
	within: 'Within expected range',
	'worse-95': 'Worse than expected (95% limit)',
	'worse-998': 'Worse than expected (99.8% limit)'
};

/** Best first: the order a table sorted by band uses. */
export const BAND_ORDER: readonly Band[] = ['better-998', 'better-95', 'within', 'worse-95', 'worse-998'];

/**
 * Where a unit's value sits against its limits. A value exactly on a limit
 * counts as inside it. "Better" is above the upper limit when higher is better
 * and below the lower limit when lower is better.
 */
export function bandFor(value: number, limits: Omit<FunnelLimits, 'n'>, direction: Direction): Band {
	let side: 'high' | 'low' | null = null;
	let level: '95' | '998' | null = null;
	if (value > limits.upper998) [side, level] = ['high', '998'];
	else if (value > limits.upper95) [side, level] = ['high', '95'];
	else if (value < limits.lower998) [side, level] = ['low', '998'];
	else if (value < limits.lower95) [side, level] = ['low', '95'];
	if (side === null || level === null) return 'within';
	const better = (side === 'high') === (direction === 'higher-is-better');
	return `${better ? 'better' : 'worse'}-${level}` as Band;
}
