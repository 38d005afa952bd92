import { describe, expect, it } from 'vitest';
import { councilSummary, listWords, type SummaryItem } from './summary.ts';
import { positionWords, rankWords } from './words.ts';
import type { Standing } from './compare.ts';

const item = (title: string, position: SummaryItem['position']): SummaryItem => ({ title, position });

describe('councilSummary names only the clearly better and clearly worse measures', () => {
	const cases: [SummaryItem[], string][] = [
		[[item('Household waste recycled', 'clearly-better'), item('Repeat child protection plans', 'within')], 'Compared with similar councils, Leeds is clearly better on household waste recycled.'],
		[[item('Household waste recycled', 'clearly-better'), item('Children’s social care re-referrals', 'clearly-worse'), item('Agency children’s social workers', 'clearly-worse')],
			'Compared with similar councils, Leeds is clearly better on household waste recycled, and clearly worse on children’s social care re-referrals and agency children’s social workers.'],
		[[item('A', 'within'), item('B', 'within'), item('C', 'too-few'), item('D', 'not-compared')], 'Leeds is not clearly better or worse than similar councils on any of the 2 measures we compare.'],
		[[item('A', 'within')], 'Leeds is not clearly better or worse than similar councils on any of the measure we compare.'],
		[[item('A', 'no-figure'), item('B', 'not-compared')], 'Leeds has no measure we can compare with similar councils.'],
		[[], 'Leeds has no measure we can compare with similar councils.']
	];
	for (const [items, expected] of cases) it(expected, () => expect(councilSummary('Leeds', items)).toBe(expected));
	it('never mentions a measure that is within the usual range', () => {
		expect(councilSummary('X', [item('Better thing', 'clearly-better'), item('Ordinary thing', 'within')])).not.toContain('rdinary');
	});
});

describe('listWords', () => {
	const cases: [string[], string][] = [[[], ''], [['a'], 'a'], [['a', 'b'], 'a and b'], [['a', 'b', 'c'], 'a, b and c']];
	for (const [items, expected] of cases) it(expected || '(empty)', () => expect(listWords(items)).toBe(expected));
});

describe('positions and ranks in words', () => {
	const cases: [Parameters<typeof positionWords>, string][] = [
		[['clearly-better', 'binomial'], 'Clearly better than similar councils'],
		[['clearly-worse', 'peer-spread'], 'Clearly worse than similar councils'],
		[['within', 'binomial'], 'Within what chance would give'],
		[['within', 'peer-spread'], 'Within the usual spread of similar councils'],
		[['too-few', 'binomial'], 'Not compared: fewer than 5 similar councils have a figure'],
		[['not-compared', 'none'], 'Not compared: a count that grows with the size of the place']
	];
	for (const [args, expected] of cases) it(expected, () => expect(positionWords(...args)).toBe(expected));
	const standing = (rank: number | null, low: number | null, high: number | null) => ({ rank, rankLow: low, rankHigh: high, rankOf: 11 }) as Standing;
	const ranks: [Standing, Parameters<typeof rankWords>[1], string][] = [
		[standing(3, 2, 6), 'binomial', '3rd of 11 (95% interval: 2nd to 6th)'],
		[standing(1, 1, 1), 'binomial', '1st of 11 (95% interval: 1st only)'],
		[standing(3, null, null), 'peer-spread', '3rd of 11 (no interval can be computed for this measure)'],
		[standing(null, null, null), 'none', '–']
	];
	for (const [s, comparison, expected] of ranks) it(expected, () => expect(rankWords(s, comparison)).toBe(expected));
});
