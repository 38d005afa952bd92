import { describe, expect, it } from 'vitest';
import { leagueMonthRows, type RttLeagueMonthFile } from '../../src/lib/schema/site-data.ts';
import { waitFigures } from '../../src/lib/schema/test-fixtures.ts';
import { leagueMonthFile } from './league-month.ts';

describe('leagueMonthFile', () => {
	const patient = [
		{ treatment: 'C_999', name: 'Total', providers: [['RB2', waitFigures({ period: '2025-10', pathways: 5, tooFew: true, pctWithin18: null, within18: 4, over52: 0 })], ['RA1', waitFigures({ period: '2025-10', pathways: 900, within18: 600, pctWithin18: 66.7, over52: 12 })]] as [string, ReturnType<typeof waitFigures>][] },
		{ treatment: 'C_110', name: 'Trauma and orthopaedics', providers: [['RA1', waitFigures({ period: '2025-10', pathways: 100, within18: 50, pctWithin18: 50, over52: 3 })]] as [string, ReturnType<typeof waitFigures>][] }
	];
	const file = leagueMonthFile('2025-10', patient);

	it('keeps, per treatment, each provider and the five figures a league reads, column by column, in code order', () => {
		expect(file).toEqual({
			period: '2025-10',
			treatments: [
				{ treatment: 'C_110', providers: ['RA1'], tooFew: [false], pathways: [100], pctWithin18: [50], within18: [50], over52: [3] },
				{ treatment: 'C_999', providers: ['RA1', 'RB2'], tooFew: [false, true], pathways: [900, 5], pctWithin18: [66.7, null], within18: [600, 4], over52: [12, 0] }
			]
		} satisfies RttLeagueMonthFile);
	});
	it('reads back as rows with the same figures the month had (leagueMonthRows)', () => {
		const figures = ({ period, tooFew, pathways, pctWithin18, within18, over52 }: ReturnType<typeof waitFigures>) => ({ period, tooFew, pathways, pctWithin18, within18, over52 });
		expect(leagueMonthRows(file, 'C_999')).toEqual([...patient[0].providers].reverse().map(([provider, w]) => ({ provider, months: [figures(w)] })));
		expect(leagueMonthRows(file, 'C_300')).toEqual([]);
	});
});
