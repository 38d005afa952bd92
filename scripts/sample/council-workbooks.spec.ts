import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { councilWorkbookFiles } from './council-workbooks.ts';
import { FEW_COUNCILS } from './few-councils.ts';
import { workbookSample } from '../lib/spreadsheet/workbook.ts';
import { WORKBOOK_COUNCIL_READERS } from '../readers/council/workbooks.ts';


const expected = [
	// file, dataset, measures kept, councils
	['council/waste/LA_collection_demo.ods', 'council-waste', ['household-recycling', 'residual-waste-per-household'], 6],
	['council/waste/flytipping_demo.ods', 'council-fly-tipping', ['fly-tipping-incidents'], 5],
	['council/childrens-services/Inspection_outcomes_demo.ods', 'council-ofsted', [], 4],
	['council/adult-social-care/ascof_demo.xlsx', 'council-ascof', ['ascof-home-91-days', 'ascof-satisfaction'], 4]
] as const;

describe('councilWorkbookFiles', () => {
	const files = councilWorkbookFiles(7, FEW_COUNCILS);

	it('writes the same bytes for the same seed, and other bytes for another seed', () => {
		const again = councilWorkbookFiles(7, FEW_COUNCILS);
		const other = councilWorkbookFiles(8, FEW_COUNCILS);
		expect([...files.keys()]).toEqual(expected.map((e) => e[0]));
		for (const [name, bytes] of files) {
			expect(Buffer.compare(bytes, again.get(name)!), name).toBe(0);
			expect(Buffer.compare(bytes, other.get(name)!), name).not.toBe(0);
		}
	});

	it.each(expected)('%s is recognised by exactly its reader and read with no row rejected', (name, dataset, measures, councils) => {
		const bytes = files.get(name)!;
		const sample = workbookSample(name, bytes)!;
		const readers = WORKBOOK_COUNCIL_READERS.filter((r) => r.recognise(sample));
		expect(readers.map((r) => r.dataset)).toEqual([dataset]);
		const result = readers[0].read(name, bytes);
		expect(result.report.rowsRejected).toBe(0);
		expect(result.report.rowsRead).toBeGreaterThan(0);
		expect(result.report.rowsRead).toBe(result.report.rowsAccepted);
		expect(new Set(result.observations.map((o) => o.measure))).toEqual(new Set(measures));
		expect(result.councils).toHaveLength(councils);
		if (measures.length > 0) expect(result.observations.some((o) => o.code === 'E92000001')).toBe(true);
	});

	it('keeps the made-up suppressions as suppressed, and Table_3 percentages agree with Table_1', () => {
		const waste = WORKBOOK_COUNCIL_READERS[0].read('w.ods', files.get(expected[0][0])!);
		const both = waste.observations.filter((o) => o.measure === 'household-recycling' && o.numerator !== null && o.published !== null);
		expect(both.length).toBe(6 * 9); // every council, 2014-15 to 2022-23
		for (const o of both) expect(Math.abs((100 * o.numerator!) / o.denominator! - o.published!)).toBeLessThan(0.051);
		const fly = WORKBOOK_COUNCIL_READERS[1].read('f.ods', files.get(expected[1][0])!);
		expect(fly.observations.filter((o) => o.suppressed).map((o) => [o.code, o.year, o.numerator])).toEqual([['E07900001', '2016-17', null]]);
		const ofsted = WORKBOOK_COUNCIL_READERS[2].read('o.ods', files.get(expected[2][0])!);
		expect(ofsted.ofsted).toHaveLength(8);
	});
});
