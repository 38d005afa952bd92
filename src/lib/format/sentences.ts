/**
 * Plain-English sentences about waits, for a reading age of 9–11: short
 * sentences, everyday words, whole weeks, "about 9 in 10" rather than
 * "92nd percentile". Every sentence must stay true for the number behind it,
 * so weeks are rounded up ("14.3" → "15 weeks or less"; see formatWeeks).
 *
 * The caller supplies the words for the treatment ("eye treatment") and the
 * place ("Leeds General Infirmary"); this module does not guess them.
 */
import type { WaitPercentile } from '../stats/percentile.ts';
import type { ChangeDirection, MeasureChange, WaitChange } from '../stats/change.ts';
import { formatPercent, formatWeeks, roundTenth } from './numbers.ts';
import { MONTHS } from '../schema/rtt.ts';

export const TOO_FEW = 'Too few patients to say.';
export const STANDARD_PCT_WORDS = '92%';

export interface MedianWords {
	/** e.g. "eye treatment" */
	treatment: string;
	/** e.g. "Leeds General Infirmary" */
	place: string;
	median: WaitPercentile;
	tooFew: boolean;
}

/** "Half of patients waiting for eye treatment at X have waited 14 weeks or less." */
export function medianSentence({ treatment, place, median, tooFew }: MedianWords): string {
	if (tooFew || median.kind === 'none') return TOO_FEW;
	const subject = `Half of patients waiting for ${treatment} at ${place}`;
	if (median.kind === 'over104') return `${subject} have waited more than 104 weeks.`;
	return `${subject} have waited ${formatWeeks(median.weeks, 'whole')} or less.`;
}

/** "About 9 in 10 have waited 31 weeks or less." */
export function p92Sentence({ p92, tooFew }: { p92: WaitPercentile; tooFew: boolean }): string {
	if (tooFew || p92.kind === 'none') return TOO_FEW;
	// In the top band the 92nd percentile has no number, but we know more than 8% are past 104 weeks.
	if (p92.kind === 'over104') return 'More than 8 in 100 have waited more than 104 weeks.';
	return `About 9 in 10 have waited ${formatWeeks(p92.weeks, 'whole')} or less.`;
}

/** "72.4% have waited 18 weeks or less. The NHS aims for 92%. This is below that." */
export function within18Sentence({ pct, tooFew }: { pct: number | null; tooFew: boolean }): string {
	if (tooFew || pct === null) return TOO_FEW;
	// Compare what we print, so "92.0%" never reads as "below 92%".
	const meets = roundTenth(pct) >= 92;
	return (
		`${formatPercent(pct)} have waited 18 weeks or less. ` +
		`The NHS aims for ${STANDARD_PCT_WORDS}. ` +
		(meets ? 'This meets that aim.' : 'This is below that.')
	);
}

interface PeriodParts {
	/** "April" */
	name: string;
	/** "April 2026" */
	words: string;
}

/** The data build asks for the same few dozen periods thousands of times; bounded, in case a page asks for many. */
const parsedPeriods = new Map<string, PeriodParts | null>();
const MAX_PARSED_PERIODS = 1000;

/** 'YYYY-MM' → its capitalised month name, and with its year; null for anything else. */
function parsePeriod(period: string): PeriodParts | null {
	let parsed = parsedPeriods.get(period);
	if (parsed === undefined) {
		const match = /^(\d{4})-(\d{2})$/.exec(period);
		const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
		const name = month ? month[0].toUpperCase() + month.slice(1) : '';
		parsed = match && month ? { name, words: `${name} ${match[1]}` } : null;
		if (parsedPeriods.size >= MAX_PARSED_PERIODS) parsedPeriods.clear();
		parsedPeriods.set(period, parsed);
	}
	return parsed;
}

/** '2026-03' → "March"; with the year → "March 2026" (for year-on-year). */
export function periodWords(period: string, withYear = false): string {
	const parsed = parsePeriod(period);
	if (!parsed) throw new RangeError(`Not a 'YYYY-MM' period: ${period}`);
	return withYear ? parsed.words : parsed.name;
}

/**
 * '2026-04' → "April 2026", for headings, captions and source lines: never
 * throws. No period gives '', and text that is not a 'YYYY-MM' period is shown as it is.
 */
export function monthName(period: string | null | undefined): string {
	if (!period) return '';
	return parsePeriod(period)?.words ?? period;
}

/**
 * "Waits got shorter since March: half of patients have now waited 12 weeks or less, down from 14 weeks."
 * The detail names the measure that moved (median first, as the headline).
 */
export function changeSentence(change: WaitChange, withYear = false): string {
	const since = periodWords(change.since, withYear);
	switch (change.overall) {
		case 'unknown':
			return `We cannot say if waits have changed since ${since}.`;
		case 'about the same':
			return `Waits are about the same as in ${since}.`;
		default:
			return `Waits got ${change.overall} since ${since}: ${changeDetail(change, change.overall)}.`;
	}
}

function changeDetail(change: WaitChange, direction: ChangeDirection): string {
	if (change.median.direction === direction) return medianDetail(change.median);
	return pctDetail(change.pctWithin18);
}

function medianDetail({ before, after }: MeasureChange): string {
	// Whole weeks can hide a real change (14.2 → 14.8 both read "15 weeks"): then show tenths.
	const precision = weeksWords(before, 'whole') === weeksWords(after, 'whole') ? 'tenth' : 'whole';
	const now = after === Infinity ? weeksWords(after, precision) : `${weeksWords(after, precision)} or less`;
	return `half of patients have now waited ${now}, ${upOrDown(before, after)} from ${weeksWords(before, precision)}`;
}

function pctDetail({ before, after }: MeasureChange): string {
	const to = after === null ? '?' : formatPercent(after);
	const from = before === null ? '?' : formatPercent(before);
	return `${to} have now waited 18 weeks or less, ${upOrDown(before, after)} from ${from}`;
}

function weeksWords(weeks: number | null, precision: 'tenth' | 'whole'): string {
	if (weeks === null) return 'an unknown time';
	if (weeks === Infinity) return 'more than 104 weeks';
	return formatWeeks(weeks, precision);
}

function upOrDown(before: number | null, after: number | null): string {
	return before !== null && after !== null && after > before ? 'up' : 'down';
}
