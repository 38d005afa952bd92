import { describe, expect, it } from 'vitest';
import { waitFigures } from '../../src/lib/schema/test-fixtures.ts';
import { monthTrend, TREND_FIELDS } from './month-trend.ts';

describe('a month trend', () => {
	// Every field a value of its own, so a field read from another's place shows.
	const cases = [
		waitFigures({ period: '2026-04', median: 12.5, medianLow: 11.25, medianHigh: 13.75, medianOver104: false, tooFew: false, pathways: 4321, unknownClockStart: 7, pctWithin18: 61.5, within18: 2657, over52: 98 }),
		waitFigures({ period: '2026-03', median: null, medianLow: null, medianHigh: null, medianOver104: true, tooFew: true, pathways: 3, unknownClockStart: 0, pctWithin18: null, within18: 1, over52: 2 })
	];

	it('keeps each field column by column, providers in their order', () => {
		const [trend] = monthTrend([{ treatment: 'C_999', name: 'Total', providers: [['AAA', cases[0]], ['BBB', cases[1]]] }]);
		expect(trend).toMatchObject({ treatment: 'C_999', name: 'Total', providers: ['AAA', 'BBB'] });
		expect(trend.values).toEqual(TREND_FIELDS.map((field) => [cases[0][field], cases[1][field]]));
	});
});
