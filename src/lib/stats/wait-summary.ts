/**
 * Everything the site says about one waiting list, from its week bands.
 *
 * Input is the SUM of bands for whatever is being described (a provider's
 * treatment, a region, England): sum first, then summarise (bands.ts).
 */
import type { TreatedWaits, WaitFigures } from '../schema/site-data.ts';
import { BAND_COUNT, checkBands, type Bands } from './bands.ts';
import { checkedQuantileInterval, type QuantileInterval } from './median-interval.ts';
import { checkedPercentile, type WaitPercentile } from './percentile.ts';
import { wilsonInterval, type Interval } from './proportion.ts';
import { roundTenth } from '../format/numbers.ts';

/**
 * Below this many pathways (known clock start) we say "too few to say".
 *
 * Why 20: it is NHS England's own rule in the RTT provider workbooks. In the
 * September 2025 NonAdmitted-Provider workbook every row with 20 or more
 * known-clock-start pathways has a published median and every row with 1–19
 * shows '-' (both sheets; checked in oracle.spec.ts). Using the publisher's
 * threshold keeps our figures and theirs present or absent together. It is
 * also where the median's 95% range stops being mostly empty: with N = 20
 * the range runs from the 6th to the 15th shortest wait.
 * Counts (pathways, over 52 weeks) are still shown below the threshold, as
 * NHS England does.
 */
export const MIN_PATHWAYS = 20;

/** The 18-week standard: 92% of patients should wait 18 weeks or less. */
export const STANDARD_WEEKS = 18;
export const STANDARD_PCT = 92;

/** Pathways in bands 0..k, refilled by each summary (read out before it returns). */
const running = new Float64Array(BAND_COUNT);

export interface WaitSummary {
	/** Pathways with a known clock start (the sum of the bands). */
	pathways: number;
	unknownClockStart: number;
	median: WaitPercentile;
	p92: WaitPercentile;
	p95: WaitPercentile;
	medianInterval: QuantileInterval | null;
	within18: number;
	/** 0–100; null when there are no pathways. */
	pctWithin18: number | null;
	/** Wilson 95% range for pctWithin18, 0–100. */
	pctWithin18Interval: Interval | null;
	over18: number;
	over52: number;
	over65: number;
	over78: number;
	over104: number;
	/** Fewer than MIN_PATHWAYS: show counts, not percentiles or percentages. */
	tooFew: boolean;
}

export function summariseWaits(bands: Bands, unknownClockStart = 0): WaitSummary {
	if (!Number.isFinite(unknownClockStart) || unknownClockStart < 0) {
		throw new RangeError(`Unknown clock starts must be ≥ 0, got ${unknownClockStart}`);
	}
	// Checked and added up once: the running totals are the same sums, in the same order, as
	// totalPathways and countWithin, so every figure is exactly what those give.
	checkBands(bands);
	let pathways = 0;
	for (let k = 0; k < BAND_COUNT; k++) running[k] = pathways += bands[k];
	const within18 = running[STANDARD_WEEKS - 1];
	const share = wilsonInterval(within18, pathways);
	return {
		pathways,
		unknownClockStart,
		median: checkedPercentile(bands, pathways, 0.5),
		p92: checkedPercentile(bands, pathways, 0.92),
		p95: checkedPercentile(bands, pathways, 0.95),
		medianInterval: checkedQuantileInterval(bands, pathways, 0.5),
		within18,
		pctWithin18: pathways === 0 ? null : (100 * within18) / pathways,
		pctWithin18Interval: share && { low: 100 * share.low, high: 100 * share.high },
		// Over w weeks: all but the pathways in bands 0..w−1 (countOver).
		over18: pathways - running[18 - 1],
		over52: pathways - running[52 - 1],
		over65: pathways - running[65 - 1],
		over78: pathways - running[78 - 1],
		over104: pathways - running[104 - 1],
		tooFew: pathways < MIN_PATHWAYS
	};
}

/**
 * The compact per-month figures the browser receives. Weeks and percentages
 * are rounded to 1 decimal, as NHS England prints them; anything that would
 * be misleading for a small list is null.
 *
 * A percentile in the open top band has no number: its weeks field is null
 * and its `…Over104` flag is true (the UI says "more than 104 weeks").
 */
export function toWaitFigures(period: string, summary: WaitSummary): WaitFigures {
	const show = !summary.tooFew;
	const interval = summary.pctWithin18Interval;
	return {
		period,
		pathways: summary.pathways,
		unknownClockStart: summary.unknownClockStart,
		median: show ? weeksOrNull(summary.median) : null,
		medianLow: show && summary.medianInterval ? weeksOrNull(summary.medianInterval.low) : null,
		medianHigh: show && summary.medianInterval ? weeksOrNull(summary.medianInterval.high) : null,
		p92: show ? weeksOrNull(summary.p92) : null,
		medianOver104: show && summary.median.kind === 'over104',
		p92Over104: show && summary.p92.kind === 'over104',
		pctWithin18: show && summary.pctWithin18 !== null ? roundTenth(summary.pctWithin18) : null,
		pctWithin18Low: show && interval ? roundTenth(interval.low) : null,
		pctWithin18High: show && interval ? roundTenth(interval.high) : null,
		within18: summary.within18,
		over52: summary.over52,
		tooFew: summary.tooFew
	};
}

/**
 * The compact figures for the people treated in a month (a completed-pathway
 * part): the same summary, the same small-numbers rule and rounding as the
 * waiting list's figures.
 */
export function toTreatedWaits(summary: WaitSummary): TreatedWaits {
	const show = !summary.tooFew;
	return {
		pathways: summary.pathways,
		unknownClockStart: summary.unknownClockStart,
		median: show ? weeksOrNull(summary.median) : null,
		p92: show ? weeksOrNull(summary.p92) : null,
		medianOver104: show && summary.median.kind === 'over104',
		p92Over104: show && summary.p92.kind === 'over104',
		tooFew: summary.tooFew
	};
}

function weeksOrNull(value: WaitPercentile): number | null {
	return value.kind === 'weeks' ? roundTenth(value.weeks) : null;
}

