import { describe, expect, it } from 'vitest';
import type { WaitPercentile } from '../stats/percentile.ts';
import type { MeasureChange, WaitChange } from '../stats/change.ts';
import { TOO_FEW, changeSentence, medianSentence, monthName, p92Sentence, periodWords, within18Sentence } from './sentences.ts';

const weeks = (w: number): WaitPercentile => ({ kind: 'weeks', weeks: w });
const over104: WaitPercentile = { kind: 'over104' };
const place = { treatment: 'eye treatment', place: 'Leeds General Infirmary' };

describe('medianSentence', () => {
	const cases: [string, WaitPercentile, boolean, string][] = [
		['whole weeks', weeks(14), false, 'Half of patients waiting for eye treatment at Leeds General Infirmary have waited 14 weeks or less.'],
		['rounded up', weeks(13.2), false, 'Half of patients waiting for eye treatment at Leeds General Infirmary have waited 14 weeks or less.'],
		['one week', weeks(0.5), false, 'Half of patients waiting for eye treatment at Leeds General Infirmary have waited 1 week or less.'],
		['top band', over104, false, 'Half of patients waiting for eye treatment at Leeds General Infirmary have waited more than 104 weeks.'],
		['too few', weeks(14), true, TOO_FEW],
		['nobody waiting', { kind: 'none' }, false, TOO_FEW]
	];
	for (const [name, median, tooFew, expected] of cases) it(name, () => expect(medianSentence({ ...place, median, tooFew })).toBe(expected));
});

describe('p92Sentence', () => {
	const cases: [string, WaitPercentile, boolean, string][] = [
		['typical', weeks(30.2), false, 'About 9 in 10 have waited 31 weeks or less.'],
		['top band', over104, false, 'More than 8 in 100 have waited more than 104 weeks.'],
		['too few', weeks(30), true, TOO_FEW]
	];
	for (const [name, p92, tooFew, expected] of cases) it(name, () => expect(p92Sentence({ p92, tooFew })).toBe(expected));
});

describe('within18Sentence', () => {
	const cases: [string, number | null, boolean, string][] = [
		['below', 72.44, false, '72.4% have waited 18 weeks or less. The NHS aims for 92%. This is below that.'],
		['meets', 95, false, '95.0% have waited 18 weeks or less. The NHS aims for 92%. This meets that aim.'],
		['rounds to 92.0: meets, as printed', 91.96, false, '92.0% have waited 18 weeks or less. The NHS aims for 92%. This meets that aim.'],
		['just below', 91.94, false, '91.9% have waited 18 weeks or less. The NHS aims for 92%. This is below that.'],
		['too few', 50, true, TOO_FEW],
		['no pathways', null, false, TOO_FEW]
	];
	for (const [name, pct, tooFew, expected] of cases) it(name, () => expect(within18Sentence({ pct, tooFew })).toBe(expected));
});

describe('periodWords', () => {
	const cases: [string, boolean, string][] = [['2026-03', false, 'March'], ['2025-04', true, 'April 2025'], ['2026-12', false, 'December']];
	for (const [period, withYear, expected] of cases) it(period, () => expect(periodWords(period, withYear)).toBe(expected));
	it('rejects other text', () => expect(() => periodWords('2026-13')).toThrow(RangeError));
});

describe('monthName', () => {
	it.each([
		['2026-04', 'April 2026'],
		['2025-12', 'December 2025'],
		['', ''],
		[null, ''],
		[undefined, ''],
		['2026-13', '2026-13'],
		['latest', 'latest']
	])('%j → %j', (period, expected) => expect(monthName(period)).toBe(expected));
});

describe('changeSentence', () => {
	const measure = (direction: MeasureChange['direction'], before: number | null, after: number | null): MeasureChange => ({
		direction, before, after, beyondNoise: direction === 'shorter' || direction === 'longer'
	});
	const change = (median: MeasureChange, pct: MeasureChange, overall: WaitChange['overall']): WaitChange => ({
		since: '2026-03', median, pctWithin18: pct, overall
	});
	const same = measure('about the same', 70, 71);
	const cases: [string, WaitChange, boolean, string][] = [
		['median shorter', change(measure('shorter', 14, 11.6), same, 'shorter'), false,
			'Waits got shorter since March: half of patients have now waited 12 weeks or less, down from 14 weeks.'],
		['median longer, year on year', change(measure('longer', 14, 16.2), same, 'longer'), true,
			'Waits got longer since March 2026: half of patients have now waited 17 weeks or less, up from 14 weeks.'],
		['small real change shows tenths', change(measure('longer', 14.2, 14.8), same, 'longer'), false,
			'Waits got longer since March: half of patients have now waited 14.8 weeks or less, up from 14.2 weeks.'],
		['into the top band', change(measure('longer', 90, Infinity), same, 'longer'), false,
			'Waits got longer since March: half of patients have now waited more than 104 weeks, up from 90 weeks.'],
		['only % within 18 moved', change(same, measure('shorter', 70, 80), 'shorter'), false,
			'Waits got shorter since March: 80.0% have now waited 18 weeks or less, up from 70.0%.'],
		['about the same', change(same, same, 'about the same'), false, 'Waits are about the same as in March.'],
		['unknown', change(measure('unknown', null, null), measure('unknown', null, null), 'unknown'), false,
			'We cannot say if waits have changed since March.']
	];
	for (const [name, c, withYear, expected] of cases) it(name, () => expect(changeSentence(c, withYear)).toBe(expected));
});

describe('month names are remembered per period, boundedly', () => {
	it('gives the same words however often and whatever else was asked between', () => {
		expect(monthName('2026-04')).toBe('April 2026');
		// More distinct texts than the memo holds: it is emptied and refilled, never wrong.
		for (let i = 0; i < 2500; i++) expect(monthName(`not a period ${i}`)).toBe(`not a period ${i}`);
		expect(monthName('2026-04')).toBe('April 2026');
		expect(periodWords('2026-04')).toBe('April');
		expect(periodWords('2026-04', true)).toBe('April 2026');
	});
	it('still rejects text that is not a period when asked again', () => {
		expect(() => periodWords('2026-00')).toThrow(RangeError);
		expect(() => periodWords('2026-00')).toThrow(RangeError);
		expect(monthName('2026-00')).toBe('2026-00');
	});
});
