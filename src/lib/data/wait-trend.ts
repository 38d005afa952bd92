/**
 * Has a provider's middle (median) wait changed beyond what chance would explain, over the
 * months built? The rule, stated on /about/methods: compare the latest month with the same
 * month a year earlier (seasons differ month to month); when there is no figure for that month
 * (fewer than 13 months built, or the provider did not report), with the earliest month less
 * than a year before. Different only when the two medians' 95% ranges do not overlap: the
 * site's one change rule (src/lib/stats/change.ts).
 */
import type { TrendFigures } from '../schema/site-data.ts';
import { compareMedians, periodMonthsBefore, type MeasureChange } from '../stats/change.ts';
import { formatWeeks } from '../format/numbers.ts';
import { monthName } from '../format/sentences.ts';
import { toChangeInput } from './patient-data.ts';

export interface WaitTrendChange {
	latest: string; // 'YYYY-MM'
	since: string;
	median: MeasureChange;
}

/** The two months the rule compares, or null with fewer than two months. */
export function trendMonthsCompared<T extends { period: string }>(months: readonly T[]): { since: T; latest: T } | null {
	const sorted = [...months].sort((a, b) => a.period.localeCompare(b.period));
	const latest = sorted.at(-1);
	if (!latest || sorted.length < 2) return null;
	const yearBefore = periodMonthsBefore(latest.period, 12);
	const since = sorted.find((m) => m.period === yearBefore) ?? sorted.find((m) => m.period > yearBefore && m.period < latest.period);
	return since ? { since, latest } : null;
}

export function waitTrendChange(months: readonly TrendFigures[]): WaitTrendChange | null {
	const pair = trendMonthsCompared(months);
	if (!pair) return null;
	return { latest: pair.latest.period, since: pair.since.period, median: compareMedians(toChangeInput(pair.since), toChangeInput(pair.latest)) };
}

function weeks(value: number | null): string {
	if (value === null) return 'an unknown time';
	return value === Infinity ? 'more than 104 weeks' : formatWeeks(value, 'tenth');
}

/**
 * The change in words. "Changed beyond what chance would explain" only when the ranges do not
 * overlap; otherwise "about the same", and never a direction.
 */
export function waitTrendSentence(change: WaitTrendChange | null): string {
	if (!change) return 'There is only one month of figures, so there is no trend to describe yet.';
	const { median, since, latest } = change;
	const [from, to] = [monthName(since), monthName(latest)];
	switch (median.direction) {
		case 'unknown':
			return `We cannot say whether the middle wait changed between ${from} and ${to}: too few people were waiting in one of those months.`;
		case 'about the same':
			return `The middle wait in ${to} (${weeks(median.after)}) is about the same as in ${from} (${weeks(median.before)}), allowing for chance.`;
		default:
			return `The middle wait changed beyond what chance would explain: ${median.direction} in ${to} (${weeks(median.after)}) than in ${from} (${weeks(median.before)}).`;
	}
}
