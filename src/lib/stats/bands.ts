/**
 * Week bands: the unit of aggregation for every waiting-time figure.
 *
 * NHS England publishes waits as counts in 105 bands: band k (0..103) holds
 * waits of more than k and up to k+1 weeks, band 104 is "more than 104 weeks"
 * (open at the top). Patients with an unknown clock start are not in any band.
 *
 * The one aggregation rule: add bands first, then compute percentiles from the
 * sum. Never average medians: a median of medians is not the median of the
 * combined list, and the error grows with unequal list sizes.
 */
import { RTT_BAND_COUNT, RTT_WEEKLY_BANDS } from '../schema/rtt.ts';

export const BAND_COUNT = RTT_BAND_COUNT; // 105
/** Index of the open band "more than 104 weeks". */
export const TOP_BAND = RTT_WEEKLY_BANDS; // 104

/** Counts of pathways per week band; length BAND_COUNT. */
export type Bands = readonly number[];

export function emptyBands(): number[] {
	return new Array<number>(BAND_COUNT).fill(0);
}

/** Bands from a few non-zero counts: `bandsFromCounts({ 0: 5, 104: 2 })`. */
export function bandsFromCounts(counts: Readonly<Record<number, number>>): number[] {
	const bands = emptyBands();
	for (const [key, count] of Object.entries(counts)) {
		const k = Number(key);
		if (!Number.isInteger(k) || k < 0 || k >= BAND_COUNT) throw new RangeError(`No week band ${key}`);
		bands[k] = count;
	}
	checkBands(bands);
	return bands;
}

/** Throws when the array cannot be week bands: callers pass parsed data, so fail loudly. */
export function checkBands(bands: Bands): void {
	if (bands.length !== BAND_COUNT) {
		throw new RangeError(`Expected ${BAND_COUNT} week bands, got ${bands.length}`);
	}
	for (let k = 0; k < BAND_COUNT; k++) {
		const count = bands[k];
		if (!Number.isFinite(count) || count < 0) {
			throw new RangeError(`Week band ${k} holds ${count}; counts must be finite and not negative`);
		}
	}
}

export function addBands(a: Bands, b: Bands): number[] {
	checkBands(a);
	checkBands(b);
	return a.map((count, k) => count + b[k]);
}

/** Sum any number of band arrays (e.g. every commissioner of one provider). */
export function sumBands(list: readonly Bands[]): number[] {
	const total = emptyBands();
	for (const bands of list) {
		checkBands(bands);
		for (let k = 0; k < BAND_COUNT; k++) total[k] += bands[k];
	}
	return total;
}

/** Pathways with a known clock start: the N every percentile is a share of. */
export function totalPathways(bands: Bands): number {
	let total = 0;
	for (const count of bands) total += count;
	return total;
}

/**
 * Pathways that have waited `weeks` weeks or less (bands 0..weeks-1).
 * `countWithin(bands, 18)` is the 18-week standard's numerator.
 */
export function countWithin(bands: Bands, weeks: number): number {
	checkWholeWeeks(weeks);
	let total = 0;
	for (let k = 0; k < Math.min(weeks, BAND_COUNT); k++) total += bands[k];
	return total;
}

/**
 * Pathways that have waited more than `weeks` weeks (bands weeks..104), the
 * complement of countWithin. `countOver(bands, 52)` is NHS England's "52 plus".
 */
export function countOver(bands: Bands, weeks: number): number {
	return totalPathways(bands) - countWithin(bands, weeks);
}

/** Cumulative counts: result[k] = pathways in bands 0..k. */
export function cumulativeBands(bands: Bands): number[] {
	const cumulative: number[] = [];
	let running = 0;
	for (const count of bands) {
		running += count;
		cumulative.push(running);
	}
	return cumulative;
}

/**
 * Bands from a row keyed by column name (e.g. `band_000`..`band_104` from
 * DuckDB). Missing or empty cells count as zero: the RTT extract leaves band
 * cells empty when the count is zero.
 */
export function bandsFromRow(
	row: Record<string, number | bigint | null | undefined>,
	columns: readonly string[]
): number[] {
	if (columns.length !== BAND_COUNT) {
		throw new RangeError(`Expected ${BAND_COUNT} band columns, got ${columns.length}`);
	}
	return columns.map((name) => {
		const cell = row[name];
		return cell == null ? 0 : Number(cell);
	});
}

function checkWholeWeeks(weeks: number): void {
	if (!Number.isInteger(weeks) || weeks < 0) {
		throw new RangeError(`Weeks must be a whole number of weeks, got ${weeks}`);
	}
}
