/**
 * The worked example on /about/methods, computed by the same functions the
 * site uses, so the explanation can never drift from the arithmetic.
 */
import { summariseWaits, MIN_PATHWAYS, toWaitFigures } from './wait-summary.ts';
import type { WaitFigures } from '../schema/site-data.ts';
import { bandsFromCounts, emptyBands } from './bands.ts';

/** 40 people waiting: a small, hand-checkable list. */
export const EXAMPLE_COUNTS: Record<number, number> = { 0: 4, 1: 6, 2: 10, 3: 8, 5: 6, 20: 4, 60: 2 };

export function workedExample() {
	const bands = emptyBands();
	for (const [week, count] of Object.entries(EXAMPLE_COUNTS)) bands[Number(week)] = count;
	const summary = summariseWaits(bands, 1);
	let cumulative = 0;
	const rows = Object.entries(EXAMPLE_COUNTS).map(([week, count]) => {
		cumulative += count;
		return { from: Number(week), to: Number(week) + 1, count, cumulative };
	});
	return { rows, summary, minPathways: MIN_PATHWAYS };
}

/** A month's list of `pathways` people, for the methods page's list-change example. */
export function waitFiguresExample(period: string, pathways: number): WaitFigures {
	return toWaitFigures(period, summariseWaits(bandsFromCounts({ 5: pathways })));
}
