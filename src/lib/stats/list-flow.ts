/**
 * Is a waiting list getting shorter? Three plain figures per provider and
 * treatment: the list's size against an earlier month, referrals in (Part_3,
 * new clock starts) against treatments started (completed pathways, Parts
 * 1A + 1B), and how long treating everyone on the list would take at this
 * month's pace.
 *
 * The pace is list size ÷ treatments started in one month. It ignores the
 * pathways that end without treatment (validation, patients who go
 * elsewhere) and new referrals joining, and one month's treatments are noisy
 * (holidays, strikes): /about/methods says so. We treat the month's count T
 * as a Poisson count, so the pace's 95% range is list ÷ (T ± 1.96·√T); when
 * that range spans more than a factor of 1.5 (fewer than about 100
 * treatments) the figure is "too uncertain to show".
 */
import type { TreatedWaits, WaitFigures } from '../schema/site-data.ts';

const Z95 = 1.96;
/** The pace is shown only when its 95% range spans at most this factor. */
export const PACE_MAX_RANGE_FACTOR = 1.5;

/** People on the list at the month end (known and unknown clock starts). */
export function listSize(w: Pick<WaitFigures, 'pathways' | 'unknownClockStart'>): number {
	return w.pathways + w.unknownClockStart;
}

/** Every completed pathway in a part, known clock start or not. */
function completed(t: TreatedWaits | null | undefined): number {
	return t ? t.pathways + t.unknownClockStart : 0;
}

/** Treatments started in the month (admitted + not admitted); null when the file has no such figures. */
export function treatmentsStarted(w: Pick<WaitFigures, 'admitted' | 'nonAdmitted'>): number | null {
	if (w.admitted === undefined && w.nonAdmitted === undefined) return null;
	return completed(w.admitted) + completed(w.nonAdmitted);
}

export type Pace =
	| { kind: 'months'; months: number; low: number; high: number }
	| { kind: 'too uncertain'; treated: number }
	| { kind: 'none' };

/** How many months treating `list` people would take at `treated` a month; see the file comment. */
export function clearancePace(list: number, treated: number | null): Pace {
	if (treated === null || treated <= 0 || list <= 0) return { kind: 'none' };
	const spread = Z95 * Math.sqrt(treated);
	const fast = treated + spread;
	const slow = treated - spread;
	if (slow <= 0 || fast / slow > PACE_MAX_RANGE_FACTOR) return { kind: 'too uncertain', treated };
	return { kind: 'months', months: list / treated, low: list / fast, high: list / slow };
}

export interface ListChange {
	/** The earlier month, 'YYYY-MM'. */
	since: string;
	before: number;
	after: number;
	change: number;
	/** Change as a percentage of the earlier list; null when the earlier list was empty. */
	pct: number | null;
	/**
	 * 'about the same' when the change is within 1.96·√(before + after): the
	 * spread of a difference of two Poisson counts of these sizes. A list is a
	 * full count, not a sample, but its month-to-month churn behaves like one;
	 * the same rule picks the feed's changes "beyond noise".
	 */
	direction: 'grew' | 'shrank' | 'about the same';
}

export function listChange(earlier: WaitFigures | null | undefined, latest: WaitFigures): ListChange | null {
	if (!earlier) return null;
	const before = listSize(earlier);
	const after = listSize(latest);
	const change = after - before;
	const noise = Z95 * Math.sqrt(before + after);
	const direction = Math.abs(change) <= noise ? 'about the same' : change > 0 ? 'grew' : 'shrank';
	return { since: earlier.period, before, after, change, pct: before > 0 ? (100 * change) / before : null, direction };
}

/**
 * The month to compare with: a year earlier when built, else the latest
 * earlier month (the "a month or a year earlier, as months allow").
 */
export function earlierMonth<T extends { period: string }>(months: readonly T[], latest: T): T | null {
	const [year, month] = latest.period.split('-').map(Number);
	const yearBefore = `${year - 1}-${String(month).padStart(2, '0')}`;
	const earlier = months.filter((m) => m.period < latest.period);
	return earlier.find((m) => m.period === yearBefore) ?? earlier.sort((a, b) => a.period.localeCompare(b.period)).at(-1) ?? null;
}
