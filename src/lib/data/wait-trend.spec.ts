import { describe, expect, it } from 'vitest';
import { trendMonthsCompared, waitTrendChange, waitTrendSentence } from './wait-trend.ts';
import { waitFigures } from '../schema/test-fixtures.ts';

const month = (period: string, median: number | null, low: number | null, high: number | null, over: Parameters<typeof waitFigures>[0] = {}) =>
	waitFigures({ period, median, medianLow: low, medianHigh: high, ...over });
const months = (first: string, count: number) => {
	const [y, m] = first.split('-').map(Number);
	return Array.from({ length: count }, (_, i) => {
		const index = y * 12 + m - 1 + i;
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
	});
};

describe('trendMonthsCompared: which two months', () => {
	const cases: [string, string[], [string, string] | null][] = [
		['14 months: the same month a year earlier', months('2025-03', 14), ['2025-04', '2026-04']],
		['60 months: a year earlier, not the first', months('2021-05', 60), ['2025-04', '2026-04']],
		['4 months: the earliest', months('2026-01', 4), ['2026-01', '2026-04']],
		['the two real months (January and April 2026)', ['2026-01', '2026-04'], ['2026-01', '2026-04']],
		['a year earlier missing: the earliest month within the year', ['2024-04', '2025-03', '2025-06', '2026-01', '2026-04'], ['2025-06', '2026-04']],
		['order of the input does not matter', ['2026-04', '2025-04', '2025-10'], ['2025-04', '2026-04']],
		['one month: nothing to compare', ['2026-04'], null],
		['only months more than a year before: nothing to compare', ['2024-01', '2026-04'], null]
	];
	it.each(cases)('%s', (_, periods, expected) => {
		const pair = trendMonthsCompared(periods.map((period) => ({ period })));
		expect(pair ? [pair.since.period, pair.latest.period] : null).toEqual(expected);
	});
});

describe('waitTrendChange: beyond chance only when the 95% ranges do not overlap', () => {
	// Hand-worked: [13, 15] and [11, 12.5] do not touch (12.5 < 13): shorter. [13, 15] and [12.8, 14.2] overlap.
	const cases: [string, ReturnType<typeof month>, ReturnType<typeof month>, string, boolean][] = [
		['ranges apart, lower: shorter', month('2025-04', 14, 13, 15), month('2026-04', 12, 11, 12.5), 'shorter', true],
		['ranges apart, higher: longer', month('2025-04', 12, 11, 12.5), month('2026-04', 14, 13, 15), 'longer', true],
		['ranges overlap: about the same', month('2025-04', 14, 13, 15), month('2026-04', 13.5, 12.8, 14.2), 'about the same', false],
		['ranges touch at 13: about the same', month('2025-04', 14, 13, 15), month('2026-04', 12, 11, 13), 'about the same', false],
		['too few in one month: unknown', month('2025-04', 14, 13, 15), month('2026-04', null, null, null, { tooFew: true }), 'unknown', false],
		['over 104 weeks both months: about the same', month('2025-04', null, 104, null, { medianOver104: true }), month('2026-04', null, 104, null, { medianOver104: true }), 'about the same', false]
	];
	it.each(cases)('%s', (_, before, after, direction, beyond) => {
		const change = waitTrendChange([after, before])!;
		expect(change).toMatchObject({ since: '2025-04', latest: '2026-04' });
		expect(change.median.direction).toBe(direction);
		expect(change.median.beyondNoise).toBe(beyond);
	});
	it('one month: null', () => expect(waitTrendChange([month('2026-04', 12, 11, 13)])).toBeNull());
});

describe('waitTrendSentence', () => {
	const change = (before: ReturnType<typeof month>, after: ReturnType<typeof month>) => waitTrendChange([before, after]);
	const cases: [string, ReturnType<typeof waitTrendChange>, string][] = [
		['shorter', change(month('2025-04', 14, 13, 15), month('2026-04', 12, 11, 12.5)), 'The middle wait changed beyond what chance would explain: shorter in April 2026 (12.0 weeks) than in April 2025 (14.0 weeks).'],
		['about the same', change(month('2025-04', 14, 13, 15), month('2026-04', 13.5, 12.8, 14.2)), 'The middle wait in April 2026 (13.5 weeks) is about the same as in April 2025 (14.0 weeks), allowing for chance.'],
		['unknown', change(month('2025-04', 14, 13, 15), month('2026-04', null, null, null, { tooFew: true })), 'We cannot say whether the middle wait changed between April 2025 and April 2026: too few people were waiting in one of those months.'],
		['no earlier month', null, 'There is only one month of figures, so there is no trend to describe yet.']
	];
	it.each(cases)('%s', (_, input, words) => expect(waitTrendSentence(input)).toBe(words));
	it('says "beyond what chance would explain" only when the ranges are apart', () => {
		for (const [, input, words] of cases) expect(words.includes('beyond what chance') ).toBe(input?.median.beyondNoise === true);
	});
});
