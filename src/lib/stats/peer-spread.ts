/**
 * Comparing a rate with its peers when the rate is not a proportion of independent
 * trials (tonnes of waste, full-time-equivalent posts): a binomial funnel would be
 * wrong, because a tonne is not a person who either was or was not recycled.
 *
 * We use the peers' own spread, as Oflog's Local Authority Data Explorer does: the
 * distance from the peers' median in median absolute deviations (MAD). The MAD
 * resists the one or two extreme councils that would stretch a standard deviation.
 *
 * A council is "clearly above" or "clearly below" its peers only when its robust
 * z-score, (x − median) / (1.4826 × MAD), is beyond ±2: 1.4826 × MAD estimates the
 * standard deviation for normally spread values, so ±2 would hold about 95% of the
 * peers. With fewer than MIN_PEERS values we say nothing.
 */

/** The MAD's consistency constant for normally spread values (1 / Φ⁻¹(0.75)). */
export const MAD_TO_SD = 1.4826;
export const CLEAR_Z = 2;
export const MIN_PEERS = 5;

export type SpreadPosition = 'clearly-above' | 'within' | 'clearly-below' | 'too-few';

export interface PeerSpread {
	/** How many peer values were compared (the council itself not included). */
	peers: number;
	median: number;
	/** Median absolute deviation of the peers, unscaled (as Oflog prints it). */
	mad: number;
	min: number;
	max: number;
	/** (value − median) / MAD; null when MAD is 0. */
	madDistance: number | null;
	/** (value − median) / (1.4826 × MAD); null when MAD is 0. */
	robustZ: number | null;
	position: SpreadPosition;
}

/** Median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
	const m = median(values);
	return median(values.map((v) => Math.abs(v - m)));
}

/** Where `value` stands among `peerValues` (finite numbers; the council's own value excluded). */
export function peerSpread(value: number, peerValues: readonly number[]): PeerSpread {
	const finite = peerValues.filter((v) => Number.isFinite(v));
	if (finite.length === 0) {
		return { peers: 0, median: NaN, mad: NaN, min: NaN, max: NaN, madDistance: null, robustZ: null, position: 'too-few' };
	}
	const m = median(finite);
	const mad = medianAbsoluteDeviation(finite);
	const madDistance = mad > 0 ? (value - m) / mad : null;
	const robustZ = mad > 0 ? (value - m) / (MAD_TO_SD * mad) : null;
	let position: SpreadPosition = 'within';
	if (finite.length < MIN_PEERS) position = 'too-few';
	else if (robustZ === null) position = value === m ? 'within' : value > m ? 'clearly-above' : 'clearly-below';
	else if (robustZ > CLEAR_Z) position = 'clearly-above';
	else if (robustZ < -CLEAR_Z) position = 'clearly-below';
	return { peers: finite.length, median: m, mad, min: Math.min(...finite), max: Math.max(...finite), madDistance, robustZ, position };
}
