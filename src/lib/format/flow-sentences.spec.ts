import { describe, expect, it } from 'vitest';
import { flowSentence, listChangeSentence, paceSentence, paceText, treatedSentence, treatedWeeksText } from './flow-sentences.ts';
import type { TreatedWaits } from '../schema/site-data.ts';

const t = (over: Partial<TreatedWaits> = {}): TreatedWaits => ({
	pathways: 500, unknownClockStart: 0, median: 8.3, p92: 29.4, medianOver104: false, p92Over104: false, tooFew: false, ...over
});

describe('treatedSentence', () => {
	const cases: [string, TreatedWaits | null | undefined, string | null][] = [
		['whole weeks rounded up, median to a decimal', t(), 'Of the people admitted to hospital for treatment in April 2026, half had waited 9 weeks or less (median 8.3 weeks); about 9 in 10 had waited 30 weeks or less.'],
		['too few', t({ pathways: 7, tooFew: true, median: null, p92: null }), 'Too few people to say how long the people admitted to hospital for treatment in April 2026 had waited (7).'],
		['none published', null, 'We have no figures for the people admitted to hospital for treatment in April 2026.'],
		['older files: nothing to say', undefined, null],
		['over 104', t({ median: null, medianOver104: true, p92: null, p92Over104: true }), 'Of the people admitted to hospital for treatment in April 2026, half had waited more than 104 weeks; about 9 in 10 had waited more than 104 weeks.']
	];
	for (const [name, figures, expected] of cases) it(name, () => expect(treatedSentence('2026-04', 'admitted', figures)).toBe(expected));
	it('not admitted says so', () => expect(treatedSentence('2026-04', 'nonAdmitted', t())).toMatch(/^Of the people whose wait ended in April 2026 without a hospital stay/));
});

describe('treatedWeeksText', () => {
	const cases: [TreatedWaits | null | undefined, 'median' | 'p92', string][] = [
		[t(), 'median', '8.3 weeks'],
		[t(), 'p92', '29.4 weeks'],
		[t({ tooFew: true }), 'median', 'Too few to say'],
		[null, 'median', 'None'],
		[undefined, 'median', 'Not known'],
		[t({ p92: null, p92Over104: true }), 'p92', 'More than 104 weeks']
	];
	for (const [figures, which, expected] of cases) it(`${which} → ${expected}`, () => expect(treatedWeeksText(figures, which)).toBe(expected));
});

describe('flowSentence', () => {
	const cases: [number | null | undefined, number | null, string | null][] = [
		[1234, 1100, 'In April 2026, 1,234 people were referred (joined the list) and 1,100 people started treatment or left the list after being seen.'],
		[1, null, 'In April 2026, 1 person was referred (joined the list).'],
		[null, 1, 'In April 2026, 1 person started treatment or left the list after being seen.'],
		[undefined, 0, 'In April 2026, 0 people started treatment or left the list after being seen.'],
		[0, 0, 'In April 2026, 0 people were referred (joined the list) and 0 people started treatment or left the list after being seen.'],
		[null, null, null],
		[undefined, null, null]
	];
	for (const [referrals, treated, expected] of cases) it(String(expected), () => expect(flowSentence('2026-04', referrals, treated)).toBe(expected));
});

describe('paceSentence', () => {
	const cases: [Parameters<typeof paceSentence>[1], string | null][] = [
		[{ kind: 'months', months: 4.6, low: 4, high: 5 }, "At April's pace, treating everyone now on this list would take about 5 months."],
		[{ kind: 'months', months: 1.2, low: 1, high: 1.4 }, "At April's pace, treating everyone now on this list would take about 1 month."],
		[{ kind: 'months', months: 0.4, low: 0.3, high: 0.5 }, "At April's pace, treating everyone now on this list would take less than a month."],
		[{ kind: 'too uncertain', treated: 12 }, 'Too few people started treatment in April (12) to say how long treating everyone on this list would take.'],
		[{ kind: 'none' }, null]
	];
	for (const [pace, expected] of cases) it(String(expected), () => expect(paceSentence('2026-04', pace)).toBe(expected));
});

describe('listChangeSentence', () => {
	const cases: [Parameters<typeof listChangeSentence>[0], string][] = [
		[{ since: '2026-01', before: 20000, after: 21234, change: 1234, pct: 6.17, direction: 'grew' }, 'The list grew by 1,234 people (6.2%) since January 2026: 21,234 now, 20,000 then.'],
		[{ since: '2026-01', before: 1000, after: 900, change: -100, pct: -10, direction: 'shrank' }, 'The list shrank by 100 people (10.0%) since January 2026: 900 now, 1,000 then.'],
		[{ since: '2026-01', before: 1000, after: 1010, change: 10, pct: 1, direction: 'about the same' }, 'The list is about the same size as in January 2026: 1,010 now, 1,000 then.'],
		[null, 'There are no figures for an earlier month, so we cannot say if the list grew or shrank.']
	];
	for (const [change, expected] of cases) it(expected, () => expect(listChangeSentence(change)).toBe(expected));
});

describe('paceText', () => {
	const cases: [Parameters<typeof paceText>[0], string][] = [
		[{ kind: 'months', months: 12.5, low: 11, high: 14 }, 'about 13 months'],
		[{ kind: 'too uncertain', treated: 3 }, 'Too uncertain to say'],
		[{ kind: 'none' }, '–']
	];
	for (const [pace, expected] of cases) it(expected, () => expect(paceText(pace)).toBe(expected));
});
