/**
 * Proportions with an honest range: the Wilson score interval.
 *
 * Why Wilson and not "p ± 1.96·√(p(1−p)/n)": the simple (Wald) interval
 * collapses to zero width at 0% and 100%, and can run below 0 or above 1 for
 * small lists; Wilson stays inside [0, 1] and keeps close to its stated
 * coverage for small n (Newcombe 1998, "Two-sided confidence intervals for
 * the single proportion", Statistics in Medicine 17:857–872, method 3).
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
 */
import { Z_95 } from './normal.ts';

export interface Interval {
	low: number;
	high: number;
}

/** successes / trials, or null when there were no trials. */
export function proportion(successes: number, trials: number): number | null {
	checkCounts(successes, trials);
	return trials === 0 ? null : successes / trials;
}

/** Wilson score interval for successes/trials as fractions 0–1; null when trials = 0. */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval | null {
	checkCounts(successes, trials);
	if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
	if (trials === 0) return null;
	const p = successes / trials;
	const z2 = z * z;
	const denominator = 1 + z2 / trials;
	const centre = (p + z2 / (2 * trials)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
	// At p = 0 or 1 the bound is exactly 0 or 1 in exact arithmetic; clamp the rounding.
	return {
		low: successes === 0 ? 0 : Math.max(0, centre - half),
		high: successes === trials ? 1 : Math.min(1, centre + half)
	};
}

/** Two ranges that share no value: the rule change.ts uses for "beyond noise". */
export function intervalsApart(a: Interval, b: Interval): boolean {
	return a.high < b.low || b.high < a.low;
}

function checkCounts(successes: number, trials: number): void {
	if (!Number.isFinite(trials) || trials < 0) throw new RangeError(`Trials must be ≥ 0, got ${trials}`);
	if (!Number.isFinite(successes) || successes < 0 || successes > trials) {
		throw new RangeError(`Successes must be between 0 and ${trials}, got ${successes}`);
	}
}
