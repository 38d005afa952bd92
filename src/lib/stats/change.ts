/**
 * Did waits change between two months, by more than chance?
 *
 * Rule ("beyond noise"): a change counts only when the two months' 95%
 * ranges do not overlap:
 * - median: the order-statistic ranges from median-interval.ts;
 * - % within 18 weeks: the Wilson ranges from proportion.ts.
 * Otherwise we say "about the same". Non-overlap is stricter than a 95% test
 * of the difference (roughly a 99.5% test when the ranges are similar), which
 * is what we want for patients: saying "waits got shorter" when they did not
 * is worse than missing a small real change. One rule for both measures, and
 * one a reader can see on a chart ("the ranges do not touch").
 *
 * Month-on-month and year-on-year differ only in which months are passed in;
 * `periodMonthsBefore` finds the earlier period.
 */
import { intervalsApart, wilsonInterval, type Interval } from './proportion.ts';
import { percentileOrder, type WaitPercentile } from './percentile.ts';
import type { QuantileInterval } from './median-interval.ts';

export type ChangeDirection = 'shorter' | 'longer' | 'about the same' | 'unknown';

/** What change.ts needs from a month: a WaitSummary has all of it. */
export interface ChangeInput {
	pathways: number;
	within18: number;
	median: WaitPercentile;
	medianInterval: QuantileInterval | null;
	tooFew: boolean;
}

export interface MeasureChange {
	direction: ChangeDirection;
	/** Point estimates; weeks for the median (Infinity = more than 104), 0–100 for %. */
	before: number | null;
	after: number | null;
	/** True when the ranges do not overlap. */
	beyondNoise: boolean;
}

export interface WaitChange {
	/** 'YYYY-MM' of the earlier month. */
	since: string;
	median: MeasureChange;
	pctWithin18: MeasureChange;
	/**
	 * Both measures together: a direction when at least one is beyond noise
	 * and they do not disagree; 'about the same' when neither moved or they
	 * point opposite ways; 'unknown' when neither can be judged.
	 */
	overall: ChangeDirection;
}

const UNKNOWN: MeasureChange = { direction: 'unknown', before: null, after: null, beyondNoise: false };

export function compareMedians(before: ChangeInput, after: ChangeInput): MeasureChange {
	if (before.tooFew || after.tooFew) return UNKNOWN;
	const from = percentileOrder(before.median);
	const to = percentileOrder(after.median);
	const a = rangeOf(before.medianInterval);
	const b = rangeOf(after.medianInterval);
	if (from === null || to === null || !a || !b) return UNKNOWN;
	// Both in the open top band: no way to tell them apart.
	if (from === Infinity && to === Infinity) return { direction: 'about the same', before: from, after: to, beyondNoise: false };
	const beyondNoise = intervalsApart(a, b);
	const direction: ChangeDirection = !beyondNoise ? 'about the same' : to < from ? 'shorter' : 'longer';
	return { direction, before: from, after: to, beyondNoise };
}

/** A count out of a total, in one period. */
export interface Count {
	successes: number;
	trials: number;
}

export interface ProportionChange {
	direction: 'higher' | 'lower' | 'about the same' | 'unknown';
	/** Percentages 0–100. */
	before: number | null;
	after: number | null;
	beyondNoise: boolean;
}

/**
 * The same rule for any proportion (league tables: % seen within 4 hours, %
 * over 52 weeks, …): higher or lower only when the two Wilson 95% ranges do
 * not overlap.
 */
export function compareProportions(before: Count, after: Count): ProportionChange {
	const a = wilsonInterval(before.successes, before.trials);
	const b = wilsonInterval(after.successes, after.trials);
	if (!a || !b) return { direction: 'unknown', before: null, after: null, beyondNoise: false };
	const from = (100 * before.successes) / before.trials;
	const to = (100 * after.successes) / after.trials;
	const beyondNoise = intervalsApart(a, b);
	return { direction: !beyondNoise ? 'about the same' : to > from ? 'higher' : 'lower', before: from, after: to, beyondNoise };
}

/** A higher % within 18 weeks means shorter waits. */
export function comparePctWithin18(before: ChangeInput, after: ChangeInput): MeasureChange {
	if (before.tooFew || after.tooFew || before.pathways === 0 || after.pathways === 0) return UNKNOWN;
	const change = compareProportions({ successes: before.within18, trials: before.pathways }, { successes: after.within18, trials: after.pathways });
	if (change.direction === 'unknown') return UNKNOWN;
	const direction: ChangeDirection = change.direction === 'higher' ? 'shorter' : change.direction === 'lower' ? 'longer' : 'about the same';
	return { direction, before: change.before, after: change.after, beyondNoise: change.beyondNoise };
}

export function compareWaits(since: string, before: ChangeInput, after: ChangeInput): WaitChange {
	const median = compareMedians(before, after);
	const pctWithin18 = comparePctWithin18(before, after);
	return { since, median, pctWithin18, overall: combine(median.direction, pctWithin18.direction) };
}

/** '2026-04', 1 → '2026-03' (month on month); '2026-04', 12 → '2025-04' (year on year). */
export function periodMonthsBefore(period: string, months: number): string {
	const match = /^(\d{4})-(\d{2})$/.exec(period);
	if (!match || !Number.isInteger(months)) throw new RangeError(`Not a 'YYYY-MM' period: ${period}`);
	const index = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function combine(a: ChangeDirection, b: ChangeDirection): ChangeDirection {
	if (a === 'unknown' && b === 'unknown') return 'unknown';
	const moved = [a, b].filter((d) => d === 'shorter' || d === 'longer');
	if (moved.length === 0) return 'about the same';
	if (moved.length === 2 && moved[0] !== moved[1]) return 'about the same';
	return moved[0];
}

function rangeOf(interval: QuantileInterval | null): Interval | null {
	if (!interval) return null;
	const low = percentileOrder(interval.low);
	const high = percentileOrder(interval.high);
	return low === null || high === null ? null : { low, high };
}
