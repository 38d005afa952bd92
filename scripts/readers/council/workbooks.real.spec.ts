/** The workbook council readers on the real published files (read in place; skipped without ../shared/data). */
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedFile } from '../test-support.ts';
import { openWorkbook, workbookSample } from '../../lib/spreadsheet/workbook.ts';
import { WORKBOOK_COUNCIL_READERS } from './workbooks.ts';
import { defraWasteReader } from './defra-waste.ts';
import { flyTippingReader } from './fly-tipping.ts';
import { ofstedReader } from './ofsted.ts';
import { ascofReader } from './ascof.ts';

const WASTE = 'council/waste/LA_collection.ods';
const FLY = 'council/waste/flytipping_la.ods';
const OFSTED = 'council/childrens-services/LA_Inspection_Outcomes_as_at_31_March_2025.ods';
const ASCOF = 'council/adult-social-care/meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx';

describe.skipIf(!hasSharedData)('workbook council readers on the real files', () => {
	it.each([
		[WASTE, 'council-waste'],
		[FLY, 'council-fly-tipping'],
		[OFSTED, 'council-ofsted'],
		[ASCOF, 'council-ascof']
	])('%s is recognised by exactly one reader (%s)', (file, dataset) => {
		const sample = workbookSample(file, sharedFile(file))!;
		expect(WORKBOOK_COUNCIL_READERS.filter((r) => r.recognise(sample)).map((r) => r.dataset)).toEqual([dataset]);
	});

	it('waste: every row read, and the rate from Table_1 is Table_3\'s published percentage to 0.1 points but for two revised council-years', () => {
		const { report, observations } = defraWasteReader.read(WASTE, sharedFile(WASTE));
		expect(report).toMatchObject({ rowsRead: 7720, rowsAccepted: 7720, rowsRejected: 0, period: '2010-11 to 2022-23' });
		const both = observations.filter((o) => o.measure === 'household-recycling' && o.numerator !== null && o.denominator && o.published !== null);
		expect(both.length).toBe(3070);
		const exceptions = both
			.filter((o) => Math.abs((100 * o.numerator!) / o.denominator! - o.published!) > 0.1)
			.map((o) => [o.code, o.year, Math.round((1000 * o.numerator!) / o.denominator!) / 10, o.published]);
		// Both are listed in the sheet "Table_3_2021-22_Revisions" (Bromley 2016-17: -18.8 kg per
		// household; Oxfordshire 2017-18: -8.2): Table_1's tonnes were revised in 2021-22 and
		// Table_3's percentage for those years was not brought into line.
		expect(exceptions).toEqual([
			['E09000006', '2016-17', 46.9, 48.6],
			['E10000025', '2017-18', 57.2, 57.5]
		]);
		const revisions = [...openWorkbook(WASTE, sharedFile(WASTE))!.rows('Table_3_2021-22_Revisions')].map((r) => r.cells.slice(0, 7).join('|'));
		expect(revisions).toContain('2016-17|London|E09000006|259|Bromley LB|Unitary|-18.8');
		expect(revisions).toContain('2017-18|South East|E10000025|327|Oxfordshire County Council|Disposal|-8.2');
		const england = observations.filter((o) => o.code === 'E92000001' && o.measure === 'household-recycling');
		expect(england.find((o) => o.year === '2022-23')).toMatchObject({ published: 41.7, numerator: null });
		expect(england).toHaveLength(13);
	});

	it('fly-tipping: counts as printed in the sheet, ":" kept as suppressed, England as E92000001', () => {
		const { report, observations } = flyTippingReader.read(FLY, sharedFile(FLY));
		expect(report).toMatchObject({ rowsRead: 3642, rowsAccepted: 3642, rowsRejected: 0 });
		const value = (code: string, year: string) => observations.find((o) => o.code === code && o.year === year)?.numerator;
		// LA_incidents rows 14, 3631 and 3645 as the sheet shows them.
		expect(value('E07000223', '2012-13')).toBe(244); // Adur
		expect(value('E09000033', '2022-23')).toBe(30737); // Westminster
		expect(value('E06000014', '2022-23')).toBe(1837); // York
		expect(value('E92000001', '2012-13')).toBe(714637);
		expect(observations.filter((o) => o.suppressed).every((o) => o.numerator === null)).toBe(true);
		expect(observations.filter((o) => o.suppressed)).toHaveLength(20);
	});

	it('Ofsted: 153 councils with a current judgement, and their history', () => {
		const { report, councils, ofsted } = ofstedReader.read(OFSTED, sharedFile(OFSTED));
		expect(report).toMatchObject({ rowsRead: 424, rowsRejected: 0 });
		expect(councils).toHaveLength(153);
		expect(ofsted.filter((r) => r.code === 'E09000002').map((r) => [r.date, r.overall])).toEqual([
			['2023-09-04', 'Requires improvement to be good'],
			['2019-04-01', 'Requires improvement to be good']
		]);
	});

	it('ASCOF: England row present, 2B1 parts and published outcome, 3A suppressed in 2020-21', () => {
		const { report, observations, councils } = ascofReader.read(ASCOF, sharedFile(ASCOF));
		expect(report).toMatchObject({ rowsRead: 48970, rowsRejected: 0, period: '2020-21' });
		expect(councils).toHaveLength(151);
		expect(observations.find((o) => o.code === 'E92000001' && o.measure === 'ascof-home-91-days')).toMatchObject({ numerator: 34152, denominator: 43193, published: 79.1, suppressed: false });
		expect(observations.find((o) => o.code === 'E09000003' && o.measure === 'ascof-home-91-days')).toMatchObject({ numerator: 132, denominator: 175, published: 75.4 });
		expect(observations.find((o) => o.code === 'E92000001' && o.measure === 'ascof-satisfaction')).toMatchObject({ published: null, suppressed: true });
	});
});
