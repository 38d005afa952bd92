import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatWeeks, formatWeeksNumber, roundHalfAway, roundTenth } from './numbers.ts';

describe('roundHalfAway (Excel ROUND)', () => {
	const cases: [number, number, number][] = [
		[1.05, 1, 1.1], // 1.05 is 1.0499999… in binary; Excel still gives 1.1
		[1.005, 2, 1.01],
		[2.25, 1, 2.3],
		[-2.25, 1, -2.3],
		[19.25, 1, 19.3],
		[0.04999, 1, 0],
		[10.888888888, 1, 10.9],
		[12345.5, 0, 12346]
	];
	for (const [x, decimals, expected] of cases) it(`${x} to ${decimals} → ${expected}`, () => expect(roundHalfAway(x, decimals)).toBe(expected));
	it('roundTenth', () => expect(roundTenth(60.65)).toBe(60.7));
});

describe('formatting', () => {
	const cases: [string, string, string][] = [
		['count with separators', formatCount(7187677), '7,187,677'],
		['small count', formatCount(12), '12'],
		['zero', formatCount(0), '0'],
		['no count', formatCount(null), '–'],
		['count not yet known', formatCount(undefined), '–'],
		['weeks number', formatWeeksNumber(14), '14.0'],
		['weeks number rounds', formatWeeksNumber(10.8888888888889), '10.9'],
		['weeks, tenth', formatWeeks(14.25), '14.3 weeks'],
		['weeks, tenth, one', formatWeeks(1), '1.0 weeks'],
		['weeks, whole: 14.0 stays 14', formatWeeks(14.0, 'whole'), '14 weeks'],
		['weeks, whole: 14.04 rounds to 14.0 first', formatWeeks(14.04, 'whole'), '14 weeks'],
		['weeks, whole: 14.3 goes up so "or less" stays true', formatWeeks(14.3, 'whole'), '15 weeks'],
		['weeks, whole: under a week', formatWeeks(0.4, 'whole'), '1 week'],
		['percent', formatPercent(72.44), '72.4%'],
		['percent, whole', formatPercent(92), '92.0%'],
		['percent rounds half away', formatPercent(91.95), '92.0%']
	];
	for (const [name, got, expected] of cases) it(name, () => expect(got).toBe(expected));
	it('rejects negative weeks', () => expect(() => formatWeeks(-1)).toThrow(RangeError));
});
