/**
 * Percentiles of a banded waiting-time distribution, NHS England's way.
 *
 * NHS England assumes waits are spread evenly within each week band and
 * interpolates linearly (RTT guidance; reproduced against the published
 * NonAdmitted-Provider workbook in oracle.spec.ts):
 *
 *   N = sum of bands, T = q·N,
 *   k = the first band with b_k > 0 whose cumulative count C_k ≥ T,
 *   value = k + (T − C_{k−1}) / b_k   (weeks).
 *
 * Consequences worth knowing:
 * - T exactly on a band edge (T = C_k) gives k + 1: the top of band k, not the
 *   bottom of the next non-empty band.
 * - Empty bands are skipped, so a gap in the distribution never divides by 0.
 * - Landing in band 104 ("more than 104 weeks") has no upper edge to
 *   interpolate towards, so the answer is `over104`, never a number.
 */
import { TOP_BAND, checkBands, totalPathways, type Bands } from './bands.ts';

export type WaitPercentile =
	| { kind: 'weeks'; weeks: number }
	| { kind: 'over104' }
	| { kind: 'none' };

/** q·N can miss an integer by one ulp (0.92 × 25 = 23.000000000000004): snap within this. */
const EDGE_TOLERANCE = 1e-9;

/** The q-th quantile (0 ≤ q ≤ 1) of the waits in `bands`. */
export function waitPercentile(bands: Bands, q: number): WaitPercentile {
	checkBands(bands);
	return checkedPercentile(bands, totalPathways(bands), q);
}

/**
 * waitPercentile for bands already checked (checkBands) whose total is known:
 * a summary reads several figures from one list and checks and adds it once.
 */
export function checkedPercentile(bands: Bands, total: number, q: number): WaitPercentile {
	if (!(q >= 0 && q <= 1)) throw new RangeError(`Quantile must be between 0 and 1, got ${q}`);
	return checkedWaitAtPosition(bands, total, snapToWhole(q * total));
}

/**
 * The wait at position `target` (0 ≤ target ≤ N) along the ordered waits,
 * with the same within-band interpolation. Position j (a whole number ≥ 1) is
 * the j-th shortest wait; the median interval uses this for its ranks.
 */
export function waitAtPosition(bands: Bands, target: number): WaitPercentile {
	checkBands(bands);
	return checkedWaitAtPosition(bands, totalPathways(bands), target);
}

/** waitAtPosition for bands already checked whose total is known (see checkedPercentile). */
export function checkedWaitAtPosition(bands: Bands, total: number, target: number): WaitPercentile {
	if (total === 0) return { kind: 'none' };
	if (!(target >= 0 && target <= total)) {
		throw new RangeError(`Position must be between 0 and ${total}, got ${target}`);
	}
	let before = 0; // C_{k−1}
	for (let k = 0; k < bands.length; k++) {
		const count = bands[k];
		if (count === 0) continue;
		const cumulative = before + count;
		if (cumulative >= target) {
			if (k === TOP_BAND) return { kind: 'over104' };
			return { kind: 'weeks', weeks: k + (target - before) / count };
		}
		before = cumulative;
	}
	// Unreachable while target ≤ total, but rounding in huge sums must not crash a build.
	return lastBandTop(bands);
}

/** The weeks value, or null for 'none'; 'over104' as +Infinity so values order correctly. */
export function percentileOrder(value: WaitPercentile): number | null {
	if (value.kind === 'none') return null;
	if (value.kind === 'over104') return Number.POSITIVE_INFINITY;
	return value.weeks;
}

function snapToWhole(target: number): number {
	const whole = Math.round(target);
	return Math.abs(target - whole) <= EDGE_TOLERANCE * Math.max(1, Math.abs(target)) ? whole : target;
}

function lastBandTop(bands: Bands): WaitPercentile {
	for (let k = bands.length - 1; k >= 0; k--) {
		if (bands[k] > 0) return k === TOP_BAND ? { kind: 'over104' } : { kind: 'weeks', weeks: k + 1 };
	}
	return { kind: 'none' };
}
