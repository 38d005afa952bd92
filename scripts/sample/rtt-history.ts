/**
 * History for the demonstration RTT months (`npm run data:sample -- --months 60`).
 *
 * The three months the demo always had (2026-02 to 2026-04) keep month indexes 0, 1, 2
 * and are never touched here, so the default output stays byte-identical. Months before
 * them get negative indexes and the factors below: a slow national rise then fall of the
 * waiting list, lists a little longer in winter, and less activity (clock stops and new
 * clock starts) in December, August and around Easter, as in NHS England's own series.
 */

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The first month of the original demonstration months: month index 0. */
export const RTT_FIRST_CURRENT = '2026-02';
export const RTT_LAST_MONTH = '2026-04';

function monthNumber(period: string): number {
	return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

function periodOf(monthNo: number): string {
	return `${Math.floor(monthNo / 12)}-${String((monthNo % 12) + 1).padStart(2, '0')}`;
}

/** `count` consecutive months ending with `last` (oldest first). */
export function consecutiveMonths(last: string, count: number): string[] {
	if (!Number.isInteger(count) || count < 1) throw new Error(`--months must be a whole number of months, at least 1 (got ${count})`);
	const end = monthNumber(last);
	return Array.from({ length: count }, (_, i) => periodOf(end - count + 1 + i));
}

/** Months from RTT_FIRST_CURRENT: negative for history. */
export function rttMonthIndex(period: string): number {
	return monthNumber(period) - monthNumber(RTT_FIRST_CURRENT);
}

/** Log-offset of the national waiting list by calendar month: longer lists over winter. */
const LIST_SEASON = [0.012, 0.01, 0.002, -0.004, -0.008, -0.01, -0.008, 0, 0.004, 0.006, 0.008, 0.015];
/** Activity (completed pathways, new clock starts) by calendar month: December's dip is the deepest. */
const ACTIVITY_SEASON = [0.98, 1.0, 1.04, 0.93, 1.01, 1.02, 0.99, 0.9, 1.02, 1.04, 1.03, 0.82];

/** Where the national list peaked, in months before RTT_FIRST_CURRENT, and how far below now it started. */
const PEAK_INDEX = -20;
const PEAK_LOG = 0.08;
const START_INDEX = -59;
const START_LOG = -0.3;

/** Smooth step from 0 to 1 as x runs over [0, 1]. */
function smooth(x: number): number {
	const t = Math.min(1, Math.max(0, x));
	return t * t * (3 - 2 * t);
}

/** Log-size of the national list relative to month 0, before seasonality: rises to a peak then eases back. */
export function listTrendLog(monthIndex: number): number {
	if (monthIndex >= 0) return 0;
	if (monthIndex <= PEAK_INDEX) {
		const x = (monthIndex - START_INDEX) / (PEAK_INDEX - START_INDEX);
		return START_LOG + (PEAK_LOG - START_LOG) * smooth(x);
	}
	return PEAK_LOG * (1 - smooth((monthIndex - PEAK_INDEX) / -PEAK_INDEX));
}

export interface HistoryFactors {
	/** Multiplies the waiting list (Part_2) size. */
	list: number;
	/** Multiplies completed pathways (Part_1A/1B) and new clock starts (Part_3). */
	activity: number;
	/** Multiplies the median wait: waits lengthen with the list. */
	wait: number;
}

const NONE: HistoryFactors = { list: 1, activity: 1, wait: 1 };

/**
 * Factors for one provider in one month. `drift` is the provider's own slow departure from
 * the national shape (per month), so trusts do not all move in step. Exactly 1 from month 0 on.
 */
export function historyFactors(period: string, index: number, drift: number): HistoryFactors {
	if (index >= 0) return NONE;
	const month = Number(period.slice(5, 7)) - 1;
	// Fade the season in away from month 0 so the join with the original months is not a step.
	const fade = smooth(-index / 3);
	const logList = listTrendLog(index) + LIST_SEASON[month] * fade + drift * index;
	return {
		list: Math.exp(logList),
		activity: 1 + (ACTIVITY_SEASON[month] - 1) * fade,
		wait: Math.exp(0.9 * (listTrendLog(index) + drift * index))
	};
}
