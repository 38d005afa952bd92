/**
 * The league table's change column: each provider against an earlier period,
 * by the site's one change rule (src/lib/stats/change.ts): better or worse
 * only when the two Wilson 95% ranges do not overlap, so a provider is never
 * called better or worse for a move that chance alone could make.
 *
 * Which earlier period: for A&E the same month a year before (seasons differ
 * too much month to month), else the month before when the year-earlier month
 * is not built; for RTT the month built before the one shown.
 */
import { compareProportions, periodMonthsBefore, type Count } from '../stats/change.ts';
import type { Direction } from '../stats/funnel.ts';

export type TrendKind = 'better' | 'no-clear-change' | 'worse' | 'no-earlier';

export const TREND_WORDS: Record<TrendKind, string> = {
	better: 'Better',
	'no-clear-change': 'No clear change',
	worse: 'Worse',
	'no-earlier': 'No earlier figure'
};

/** Sort order for the column: improvements first, then no change, then worse, then nothing to compare. */
export const TREND_ORDER: readonly TrendKind[] = ['better', 'no-clear-change', 'worse', 'no-earlier'];

export interface LeagueTrend {
	kind: TrendKind;
	words: string;
	/** The earlier proportion (0–1), when there is one. */
	earlierValue: number | null;
}

const usable = (c: Count | null | undefined): c is Count =>
	!!c && Number.isFinite(c.successes) && Number.isFinite(c.trials) && c.trials > 0 && c.successes >= 0 && c.successes <= c.trials;

export function leagueTrend(earlier: Count | null | undefined, now: Count, direction: Direction): LeagueTrend {
	if (!usable(earlier) || !usable(now)) return { kind: 'no-earlier', words: TREND_WORDS['no-earlier'], earlierValue: null };
	const change = compareProportions(earlier, now);
	const earlierValue = earlier.successes / earlier.trials;
	const up: TrendKind = direction === 'higher-is-better' ? 'better' : 'worse';
	const down: TrendKind = direction === 'higher-is-better' ? 'worse' : 'better';
	const kind: TrendKind = change.direction === 'higher' ? up : change.direction === 'lower' ? down : 'no-clear-change';
	return { kind, words: TREND_WORDS[kind], earlierValue };
}

export type ComparisonRule = 'year-then-month' | 'previous-built';

/** The period to compare `period` with, among the periods built; null when there is none. */
export function comparisonPeriod(period: string, built: readonly string[], rule: ComparisonRule): string | null {
	if (!/^\d{4}-\d{2}$/.test(period)) return null;
	if (rule === 'year-then-month') {
		for (const months of [12, 1]) {
			const earlier = periodMonthsBefore(period, months);
			if (built.includes(earlier)) return earlier;
		}
		return null;
	}
	return [...built].filter((p) => p < period).sort().at(-1) ?? null;
}
