/**
 * Words for the people treated in a month and for whether a list is getting
 * shorter (stats/list-flow.ts). Same rules as sentences.ts: weeks rounded up
 * to whole weeks in sentences ("N weeks or less" must stay true), medians to
 * one decimal in brackets and tables, counts with thousands separators.
 */
import type { TreatedWaits } from '../schema/site-data.ts';
import type { ListChange, Pace } from '../stats/list-flow.ts';
import { formatCount, formatPercent, formatWeeks, formatWeeksNumber } from './numbers.ts';
import { monthName, periodWords } from './sentences.ts';

export type TreatedPart = 'admitted' | 'nonAdmitted';

const WHO: Record<TreatedPart, (month: string) => string> = {
	admitted: (month) => `the people admitted to hospital for treatment in ${month}`,
	nonAdmitted: (month) => `the people whose wait ended in ${month} without a hospital stay (treated in clinic, or told they need no treatment)`
};

/** For tables: the median, or the 92nd percentile, to one decimal. */
export function treatedWeeksText(t: TreatedWaits | null | undefined, which: 'median' | 'p92'): string {
	if (t === undefined) return 'Not known';
	if (t === null || t.pathways + t.unknownClockStart === 0) return 'None';
	if (t.tooFew) return 'Too few to say';
	if (which === 'median' ? t.medianOver104 : t.p92Over104) return 'More than 104 weeks';
	const weeks = which === 'median' ? t.median : t.p92;
	return weeks === null ? 'Not known' : `${formatWeeksNumber(weeks)} weeks`;
}

/** "Of the people admitted to hospital for treatment in April 2026, half had waited 9 weeks or less (median 8.3 weeks); about 9 in 10 had waited 30 weeks or less." */
export function treatedSentence(period: string, part: TreatedPart, t: TreatedWaits | null | undefined): string | null {
	if (t === undefined) return null;
	const who = WHO[part](monthName(period));
	const count = t ? t.pathways + t.unknownClockStart : 0;
	if (count === 0) return `We have no figures for ${who}.`;
	if (t!.tooFew) return `Too few people to say how long ${who} had waited (${formatCount(count)}).`;
	const half = t!.medianOver104 ? 'more than 104 weeks' : t!.median === null ? null : `${formatWeeks(t!.median, 'whole')} or less (median ${formatWeeksNumber(t!.median)} weeks)`;
	const most = t!.p92Over104 ? 'more than 104 weeks' : t!.p92 === null ? null : `${formatWeeks(t!.p92, 'whole')} or less`;
	if (!half) return `We cannot say how long ${who} had waited.`;
	const start = `Of ${who}, half had waited ${half}`;
	return most ? `${start}; about 9 in 10 had waited ${most}.` : `${start}.`;
}

function people(n: number): string {
	return `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;
}

/** "In April 2026, 1,234 people were referred and 1,100 started treatment." */
export function flowSentence(period: string, referrals: number | null | undefined, treated: number | null): string | null {
	const referred = referrals === null || referrals === undefined ? null : `${people(referrals)} ${referrals === 1 ? 'was' : 'were'} referred (joined the list)`;
	const started = treated === null ? null : `${people(treated)} started treatment or left the list after being seen`;
	if (referred === null && started === null) return null;
	return `In ${monthName(period)}, ${referred !== null && started !== null ? `${referred} and ${started}` : (referred ?? started)}.`;
}

/** "At April's pace, treating everyone now on this list would take about 5 months." */
export function paceSentence(period: string, pace: Pace): string | null {
	const month = periodWords(period);
	if (pace.kind === 'none') return null;
	if (pace.kind === 'too uncertain') {
		return `Too few people started treatment in ${month} (${formatCount(pace.treated)}) to say how long treating everyone on this list would take.`;
	}
	return `At ${month}'s pace, treating everyone now on this list would take ${paceText(pace)}.`;
}

/** "The list grew by 1,234 people (5.2%) since January 2026: 21,234 now, 20,000 then." */
export function listChangeSentence(change: ListChange | null): string {
	if (!change) return 'There are no figures for an earlier month, so we cannot say if the list grew or shrank.';
	const since = monthName(change.since);
	const sizes = `${formatCount(change.after)} now, ${formatCount(change.before)} then`;
	if (change.direction === 'about the same') return `The list is about the same size as in ${since}: ${sizes}.`;
	const pct = change.pct === null ? '' : ` (${formatPercent(Math.abs(change.pct))})`;
	return `The list ${change.direction} by ${formatCount(Math.abs(change.change))} ${Math.abs(change.change) === 1 ? 'person' : 'people'}${pct} since ${since}: ${sizes}.`;
}

/** For tables: "about 5 months", "less than a month", "Too uncertain", "–". */
export function paceText(pace: Pace): string {
	if (pace.kind === 'none') return '–';
	if (pace.kind === 'too uncertain') return 'Too uncertain to say';
	const months = Math.round(pace.months);
	return pace.months < 1 ? 'less than a month' : `about ${formatCount(months)} ${months === 1 ? 'month' : 'months'}`;
}
