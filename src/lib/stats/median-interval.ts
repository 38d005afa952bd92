/**
 * A 95% range for the median (or any quantile) of banded waits.
 *
 * Method: the distribution-free order-statistic interval (e.g. Conover,
 * "Practical Nonparametric Statistics", §3.2; Campbell & Gardner, "Statistics
 * with Confidence", ch. 8). If B ~ Binomial(N, q) counts how many of the N
 * waits fall below the true q-th quantile, then with
 *
 *   l = qbinom(α/2, N, q)          (lower rank)
 *   u = qbinom(1 − α/2, N, q) + 1  (upper rank)
 *
 * the l-th and u-th shortest waits bracket the true quantile with probability
 * P(l ≤ B ≤ u−1) ≥ 1 − α. For N = 10, q = ½ this gives ranks 2 and 9, for
 * N = 100 ranks 40 and 61, as in Campbell & Gardner's table.
 *
 * Banded data have no individual waits, so the j-th shortest wait is placed
 * with the same within-band interpolation as the point estimate
 * (waitAtPosition(bands, j), see percentile.ts). Two edge rules:
 * - rank 0 (tiny lists) means "no lower limit": position 0, the bottom of the
 *   first non-empty band; rank N+1 likewise becomes position N;
 * - the positions are widened to include q·N, so the range always contains
 *   the published point estimate (for q near 1 and tiny N it otherwise may not).
 *
 * The binomial quantile is exact up to BINOMIAL_EXACT_MAX trials and uses the
 * normal approximation with continuity correction above it.
 */
import { checkBands, totalPathways, type Bands } from './bands.ts';
import { zForConfidence } from './normal.ts';
import { checkedWaitAtPosition, type WaitPercentile } from './percentile.ts';

/**
 * Exact summation costs O(√N) terms, so it stays cheap far beyond England's
 * whole waiting list (about 7.6 million pathways); above this the normal
 * approximation's error (well under one rank in 10⁷) cannot move a printed figure.
 */
export const BINOMIAL_EXACT_MAX = 50_000_000;

/** Terms smaller than this, relative to the most likely count, are dropped. */
const NEGLIGIBLE = 1e-20;
/** R's qbinom fuzz: treat F(k) within a few ulps of p as reaching it. */
const FUZZ = 1 - 64 * Number.EPSILON;

export interface QuantileInterval {
	low: WaitPercentile;
	high: WaitPercentile;
	/** Order-statistic ranks before clamping (1 = shortest wait). */
	lowRank: number;
	highRank: number;
	confidence: number;
}

/**
 * Smallest k in 0..n with P(X ≤ k) ≥ p for X ~ Binomial(n, prob): R's qbinom.
 */
export function binomialQuantile(p: number, n: number, prob: number): number {
	return binomialQuantiles([p], n, prob)[0];
}

/**
 * binomialQuantile for several p (ascending) at once: the exact sum's terms,
 * the costly part, are computed once for all of them (an interval needs two).
 */
export function binomialQuantiles(ps: readonly number[], n: number, prob: number): number[] {
	for (const [i, p] of ps.entries()) {
		if (!(p > 0 && p < 1)) throw new RangeError(`p must be strictly between 0 and 1, got ${p}`);
		if (i > 0 && !(p >= ps[i - 1])) throw new RangeError(`p must be in ascending order, got ${ps[i - 1]} then ${p}`);
	}
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
	if (!(prob >= 0 && prob <= 1)) throw new RangeError(`prob must be between 0 and 1, got ${prob}`);
	if (n === 0 || prob === 0) return ps.map(() => 0);
	if (prob === 1) return ps.map(() => n);
	return n <= BINOMIAL_EXACT_MAX ? exactBinomialQuantiles(ps, n, prob) : ps.map((p) => normalBinomialQuantile(p, n, prob));
}

/** Scratch for the terms below and above the mode, grown on demand and reused (no garbage per call). */
let below: Float64Array = new Float64Array(1024);
let above: Float64Array = new Float64Array(1024);

function grown(terms: Float64Array): Float64Array {
	const larger = new Float64Array(terms.length * 2);
	larger.set(terms);
	return larger;
}

/**
 * Exact quantile by summing probabilities outwards from the mode as ratios
 * to the mode's probability: no factorials, no underflow of (1−prob)^n for
 * large n, and only the terms that matter (about ±10 standard deviations).
 */
export function exactBinomialQuantile(p: number, n: number, prob: number): number {
	return exactBinomialQuantiles([p], n, prob)[0];
}

/** exactBinomialQuantile for each p of `ps` (ascending), from one set of terms. */
export function exactBinomialQuantiles(ps: readonly number[], n: number, prob: number): number[] {
	const mode = Math.min(n, Math.floor((n + 1) * prob));
	const odds = prob / (1 - prob);
	let belowCount = 0; // relative terms for mode−1, mode−2, …
	// Dividing or multiplying by odds of exactly 1 (the median) changes nothing, so it is skipped.
	const even = odds === 1;
	for (let k = mode, term = 1; k > 0; k--) {
		term *= even ? k / (n - k + 1) : (k / (n - k + 1)) / odds; // P(k−1)/P(k)
		if (term < NEGLIGIBLE) break;
		if (belowCount === below.length) below = grown(below);
		below[belowCount++] = term;
	}
	let aboveCount = 0; // relative terms for mode, mode+1, …
	for (let k = mode, term = 1; k <= n; k++) {
		if (aboveCount === above.length) above = grown(above);
		above[aboveCount++] = term;
		term *= even ? (n - k) / (k + 1) : ((n - k) / (k + 1)) * odds; // P(k+1)/P(k)
		if (term < NEGLIGIBLE) break;
	}
	// Summed in order from the smallest k, as the cumulative sums below are.
	const first = mode - belowCount;
	let total = 0;
	for (let i = belowCount - 1; i >= 0; i--) total += below[i];
	for (let i = 0; i < aboveCount; i++) total += above[i];
	const goals = ps.map((p) => p * total * FUZZ);
	const found: number[] = [];
	let cumulative = 0;
	for (let k = first, i = belowCount - 1; i >= 0 && found.length < goals.length; k++, i--) {
		cumulative += below[i];
		while (found.length < goals.length && cumulative >= goals[found.length]) found.push(k);
	}
	for (let k = mode, i = 0; i < aboveCount && found.length < goals.length; k++, i++) {
		cumulative += above[i];
		while (found.length < goals.length && cumulative >= goals[found.length]) found.push(k);
	}
	while (found.length < goals.length) found.push(first + belowCount + aboveCount - 1);
	return found;
}

/** Normal approximation with continuity correction: smallest k with Φ((k + ½ − nq)/σ) ≥ p. */
export function normalBinomialQuantile(p: number, n: number, prob: number): number {
	const sd = Math.sqrt(n * prob * (1 - prob));
	const k = Math.ceil(n * prob + zForQuantile(p) * sd - 0.5);
	return Math.min(n, Math.max(0, k));
}

/** Range for the q-th quantile of the waits; null when there are no pathways. */
export function quantileInterval(bands: Bands, q: number, confidence = 0.95): QuantileInterval | null {
	checkBands(bands);
	return checkedQuantileInterval(bands, totalPathways(bands), q, confidence);
}

/** quantileInterval for bands already checked whose total is known (see checkedPercentile). */
export function checkedQuantileInterval(bands: Bands, total: number, q: number, confidence = 0.95): QuantileInterval | null {
	if (!(q > 0 && q < 1)) throw new RangeError(`Quantile must be strictly between 0 and 1, got ${q}`);
	zForConfidence(confidence); // validates the level
	if (total === 0) return null;
	const tail = (1 - confidence) / 2;
	const [lowRank, highQuantile] = binomialQuantiles([tail, 1 - tail], total, q);
	const highRank = highQuantile + 1;
	const estimate = q * total;
	const lowPosition = Math.max(0, Math.min(lowRank, estimate));
	const highPosition = Math.min(total, Math.max(highRank, estimate));
	return {
		low: checkedWaitAtPosition(bands, total, lowPosition),
		high: checkedWaitAtPosition(bands, total, highPosition),
		lowRank,
		highRank,
		confidence
	};
}

export function medianInterval(bands: Bands, confidence = 0.95): QuantileInterval | null {
	return quantileInterval(bands, 0.5, confidence);
}

function zForQuantile(p: number): number {
	// One-sided quantile: reuse the two-sided helper so 0.025/0.975 give exactly ∓1.959964.
	if (p === 0.5) return 0;
	const z = zForConfidence(Math.abs(1 - 2 * p));
	return p < 0.5 ? -z : z;
}
