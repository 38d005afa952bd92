import { describe, expect, it } from 'vitest';
import { waitFigures } from '../../src/lib/schema/test-fixtures.ts';
import { monthTrend, TREND_FIELDS, trendFigures } from './month-trend.ts';

describe('a month trend', () => {
	// Every field a value of its own, so a field read from another's place shows.
	const cases = [
		waitFigures({ period: '2026-04', median: 12.5, medianLow: 11.25, medianHigh: 13.75, medianOver104: false, tooFew: false, pathways: 4321, unknownClockStart: 7, pctWithin18: 61.5, within18: 2657, over52: 98 }),
		waitFigures({ period: '2026-03', median: null, medianLow: null, medianHigh: null, medianOver104: true, tooFew: true, pathways: 3, unknownClockStart: 0, pctWithin18: null, within18: 1, over52: 2 })
	];

	it.each(cases)('gives back the trend fields of $period from their values', (figures) => {
		const [{ providers }] = monthTrend([{ treatment: 'C_999', name: 'Total', providers: [['AAA', figures]] }]);
		const [[, values]] = providers;
		expect(trendFigures(figures.period, values)).toEqual(Object.fromEntries([['period', figures.period], ...TREND_FIELDS.map((f) => [f, figures[f]])]));
	});
});
