import { describe, expect, it } from 'vitest';
import { firstAnswerPeriods, trendMonths, type ProviderTrend } from './first-answer';

describe('first answer files', () => {
	const kept: [string, string[], string[]][] = [
		['no month', [], []],
		['one month', ['2026-04'], ['2026-04']],
		['the latest two', ['2026-02', '2026-03', '2026-04'], ['2026-03', '2026-04']],
		['the same month a year earlier too', ['2025-03', '2025-04', '2025-05', '2026-03', '2026-04'], ['2025-04', '2026-03', '2026-04']],
		['months in any order', ['2026-04', '2025-04', '2026-03'], ['2025-04', '2026-03', '2026-04']]
	];
	it.each(kept)('keeps in full, of %s, %j', (_, periods, expected) => expect(firstAnswerPeriods(periods)).toEqual(expected));

	it('gives a trend back as months, leaving out the months without a figure', () => {
		const row: ProviderTrend = {
			provider: 'RR8',
			median: [5, null, 7.5],
			medianLow: [4, null, 6],
			medianHigh: [6, null, 9],
			medianOver104: [false, false, false],
			tooFew: [false, false, true],
			pathways: [120, null, 10],
			unknownClockStart: [2, null, null],
			pctWithin18: [80, null, 90],
			within18: [96, null, 9],
			over52: [1, null, null]
		};
		expect(trendMonths(['2026-02', '2026-03', '2026-04'], row)).toEqual([
			{ period: '2026-02', pathways: 120, unknownClockStart: 2, median: 5, medianLow: 4, medianHigh: 6, medianOver104: false, pctWithin18: 80, within18: 96, over52: 1, tooFew: false },
			{ period: '2026-04', pathways: 10, unknownClockStart: 0, median: 7.5, medianLow: 6, medianHigh: 9, medianOver104: false, pctWithin18: 90, within18: 9, over52: 0, tooFew: true }
		]);
	});
});
