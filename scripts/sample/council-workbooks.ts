/**
 * Demonstration council workbooks in the publishers' own layouts (sheet names, title and
 * notes rows, header texts), with made-up values: Defra's waste and fly-tipping workbooks,
 * Ofsted's inspection outcomes and NHS Digital's ASCOF open data. Same seed, same bytes.
 */
import { writeOds, writeXlsx } from '../lib/spreadsheet/write.ts';
import type { Cell, Sheet } from '../lib/spreadsheet/types.ts';
import { Rng } from './random.ts';
import type { DemoCouncil } from './demo-councils-types.ts';
// The header texts the readers check are the ones written here: one list each.
import { TABLE_1_HEADER, TABLE_3_HEADER } from '../readers/council/defra-waste.ts';
import { FLY_TIPPING_HEADER, FLY_TIPPING_SHEET } from '../readers/council/fly-tipping.ts';
import { CURRENT_HEADER, CURRENT_SHEET, HISTORY_HEADER, HISTORY_SHEET } from '../readers/council/ofsted.ts';
import { ASCOF_HEADER } from '../readers/council/ascof.ts';

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-${String((from + i + 1) % 100).padStart(2, '0')}`);
const titleOnly = (name: string, title: string): Sheet => ({ name, rows: [[title]] });
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const isUpper = (c: DemoCouncil) => c.type !== 'district';
const authorityType = (c: DemoCouncil) => (c.type === 'county' ? 'Disposal' : c.type === 'district' ? 'Collection' : 'Unitary');
const regionsOf = (councils: readonly DemoCouncil[]) => [...new Set(councils.map((c) => c.regionName))].sort();

function wasteWorkbook(rng: Rng, councils: readonly DemoCouncil[]): Sheet[] {
	const table1: Cell[][] = [
		['Table 1: Local Authority Collected and Household Waste Statistics 2014-15 to 2022-23, England'],
		['For correct totals, you should only sum values for unitary and disposal authorities. Summing values for unitary, collection and disposal authorities will result in double counting.'],
		[null, null, null, null, null, null, 'Local authority collected', 'Households', 'Households'],
		[...TABLE_1_HEADER]
	];
	const table3: Cell[][] = [['Table 3: Selected Waste Indicators 2010-11 to 2022-23'], [], [null, null, null, null, null, null, null, null, null, '2022/23 figures revised in this column -  March 2024'], [...TABLE_3_HEADER, 'Percentage of municipal waste sent to landfill (Ex NI193)', 'Collected household waste per person (kg) (Ex BVPI 84a)']];
	const base = new Map(councils.map((c, i) => [c.code, { households: rng.int(40_000, 200_000), rate: rng.uniform(0.25, 0.6), jpp: 100 + i }]));
	for (const year of years(2010, 2022)) {
		let englandTotal = 0;
		let englandRecycled = 0;
		for (const c of councils) {
			const b = base.get(c.code)!;
			const total = Math.round(b.households * rng.uniform(0.9, 1.1) * (c.type === 'county' ? 3 : 1));
			const recycled = Math.round(total * Math.min(0.75, b.rate + rng.normal(0, 0.02)));
			const residualKg = round(((total - recycled) * 1000) / b.households / (c.type === 'county' ? 3 : 1), 1);
			const row = [year, c.regionName, c.code, b.jpp, c.name, authorityType(c)];
			if (Number(year.slice(0, 4)) >= 2014) table1.push([...row, total + rng.int(0, 5000), total, recycled]);
			table3.push([...row, residualKg, round(recycled / total, 3), '-', round(rng.uniform(300, 500), 1)]);
			if (c.type !== 'district') {
				englandTotal += total;
				englandRecycled += recycled;
			}
		}
		for (const region of regionsOf(councils)) table3.push([year, `*${region}`, 'Total', 'Total', 'Total', 'Total', round(rng.uniform(450, 600), 1), round(rng.uniform(0.35, 0.5), 3)]);
		table3.push([year, 'Total England', 'Total', 'Total', 'Total', 'Total', round(rng.uniform(480, 560), 1), round(englandRecycled / Math.max(1, englandTotal), 3)]);
	}
	const notes = [['Notes:'], ['A total for England cannot be obtained by summing data from all local authorities - data for waste collection authorities must be excluded to avoid double counting.  '], ['Source: Department for Environment, Food & Rural Affairs ']];
	table1.push([], ...notes);
	table3.push([], ...notes);
	const other = ['Table_1a', 'Table_2', 'Table_2_2021-22_Revisions', 'Table_2a', 'Table_2a_2021-22_Revisions'].map((n) => titleOnly(n, `${n.replaceAll('_', ' ')} (demonstration data)`));
	const after = ['Table_3_2021-22_Revisions', 'Table_3a', 'Table_3a_2021-22_Revisions', 'Table_3b', 'Table_4', 'Figure_1', 'Figure_2'].map((n) => titleOnly(n, `${n.replaceAll('_', ' ')} (demonstration data)`));
	return [
		titleOnly('Metadata', 'Local authority collected waste statistics: demonstration data, made up'),
		titleOnly('Index', 'Index'),
		{ name: 'Notes', rows: [['Notes'], ['For correct totals, you should only sum values for unitary and disposal authorities.']] },
		titleOnly('Data_Revisions', 'Data revisions'),
		{ name: 'Table_1', rows: table1 },
		...other,
		{ name: 'Table_3', rows: table3 },
		...after
	];
}

function flyTippingWorkbook(rng: Rng, councils: readonly DemoCouncil[]): Sheet[] {
	const collecting = councils.filter((c) => c.type !== 'county');
	const rows: Cell[][] = [['Fly-tipping incidents reported by local authorities in England'], [null, null, null, null, 'TOTAL', 'Land type'], [...FLY_TIPPING_HEADER, 'Highway Incidents']];
	const size = new Map(collecting.map((c) => [c.code, rng.logNormal(900, 0.6)]));
	for (const year of years(2012, 2022)) {
		const counts = collecting.map((c) => Math.round(size.get(c.code)! * rng.uniform(0.8, 1.25)));
		const total = counts.reduce((a, b) => a + b, 0);
		rows.push([year, '*Total', '*Total', '*Total England', total, Math.round(total * 0.45)]);
		for (const region of regionsOf(collecting)) rows.push([year, '*Total', '*Total', region, rng.int(20_000, 200_000), rng.int(5_000, 90_000)]);
		// One council missed a return one year: ':' (not available), as Defra prints it.
		collecting.forEach((c, i) => rows.push([year, c.code, c.name, c.regionName, i === 0 && year === '2016-17' ? ':' : counts[i], i === 0 && year === '2016-17' ? ':' : Math.round(counts[i] * 0.45)]));
	}
	return [
		titleOnly('Metadata', 'Fly-tipping incidents and actions: demonstration data, made up'),
		{ name: 'Notes', rows: [['Fly-tipping incidents and actions reported by local authorities in England'], [], ['Notes'], [': Data not available']] },
		titleOnly('Revisions', 'Revisions'),
		{ name: FLY_TIPPING_SHEET, rows },
		titleOnly('LA_actions', 'Fly-tipping actions reported by local authorities in England'),
		titleOnly('Lookup_', 'Lookup')
	];
}

const GRADES = ['Outstanding', 'Good', 'Good', 'Good', 'Requires improvement to be good', 'Inadequate'];

function ofstedWorkbook(rng: Rng, councils: readonly DemoCouncil[]): Sheet[] {
	const note = 'This worksheet contains one table with no blank rows or columns. This table begins in cell A3. (Demonstration data, made up.)';
	const current: Cell[][] = [['Local authority inspection judgements as at 31 March 2025'], [note], [...CURRENT_HEADER, 'The impact of leaders on social work practice with children and families']];
	const history: Cell[][] = [['ILACS inspection history from 2018-2025'], [note], [...HISTORY_HEADER]];
	for (const c of councils.filter(isUpper)) {
		const inspections = [2019, 2023].map((year, k) => {
			const month = String(rng.int(1, 10)).padStart(2, '0');
			return { start: `${year + k}-${month}-0${rng.int(1, 9)}`, published: `${year + k}-${String(Number(month) + 2).padStart(2, '0')}-1${rng.int(0, 9)}`, grade: GRADES[rng.int(0, GRADES.length - 1)] };
		});
		const last = inspections[1];
		current.push(['Ofsted Local Authority Webpage', c.code, c.name, c.regionName, last.start, last.published, last.grade, last.grade]);
		for (const [k, i] of inspections.entries()) history.push(['Ofsted Local Authority Webpage', c.code, c.name, 'Current', c.regionName, i.start, i.published, k === 0 ? 'ILACS Standard Inspection' : 'ILACS Short Inspection', i.grade]);
	}
	return [
		titleOnly('Cover', 'Local authority children’s services inspection outcomes (demonstration data)'),
		titleOnly('Contents', 'Contents'),
		{ name: 'Notes', rows: [['Notes'], ['Data']] },
		{ name: CURRENT_SHEET, rows: current },
		titleOnly('In-year_inspections', 'In-year inspections'),
		{ name: HISTORY_SHEET, rows: history }
	];
}

function ascofWorkbook(rng: Rng, councils: readonly DemoCouncil[]): Sheet[] {
	const rows: Cell[][] = [[...ASCOF_HEADER]];
	const home = 'Proportion of older people 65 and over who were still at home 91 days after discharge from hospital into reablement/rehabilitation services';
	const satisfied = 'Overall satisfaction of people who use services with their care and support';
	const area = (code: Cell, name: string, level: string, ons: string | null) => (measure: string, group: string, description: string, type: string, value: Cell) => rows.push([code, name, level, ons, measure, 'Total', type, value, group, description]);
	let num = 0;
	let den = 0;
	for (const [i, c] of councils.filter(isUpper).entries()) {
		const add = area(100 + i, c.name, 'Council', c.code);
		const denominator = rng.int(60, 900);
		const numerator = Math.round(denominator * rng.uniform(0.7, 0.92));
		num += numerator;
		den += denominator;
		const hidden = i === 0; // small numbers are suppressed, as NHS Digital does
		add('1A', '1A', 'Social care-related quality of life', 'Outcome', round(rng.uniform(18, 20), 1));
		add('2B1', '2B1', home, 'Numerator', hidden ? '[x]' : numerator);
		add('2B1', '2B1', home, 'Denominator', hidden ? '[x]' : denominator);
		add('2B1', '2B1', home, 'Outcome', hidden ? '[x]' : round((100 * numerator) / denominator, 1));
		add('3A', '3A', satisfied, 'Outcome', round(rng.uniform(55, 70), 1));
		add('3A', '3A', satisfied, 'Margin Of Error', round(rng.uniform(2, 5), 1));
	}
	const england = area('England', 'England', 'England', 'E92000001');
	england('2B1', '2B1', home, 'Numerator', num);
	england('2B1', '2B1', home, 'Denominator', den);
	england('2B1', '2B1', home, 'Outcome', round((100 * num) / Math.max(1, den), 1));
	england('3A', '3A', satisfied, 'Outcome', round(rng.uniform(60, 65), 1));
	area('U', 'Unitary Authority', 'Council Type', null)('2B1', '2B1', home, 'Outcome', round(rng.uniform(75, 85), 1));
	return [{ name: 'in', rows }];
}

/** The demonstration workbooks as sheets (for tests that damage them on purpose), by path. */
export function councilWorkbookSheets(seed: number, councils: readonly DemoCouncil[]): Map<string, Sheet[]> {
	const rng = new Rng(seed ^ 0x5eed_c0de);
	return new Map([
		['council/waste/LA_collection_demo.ods', wasteWorkbook(rng, councils)],
		['council/waste/flytipping_demo.ods', flyTippingWorkbook(rng, councils)],
		['council/childrens-services/Inspection_outcomes_demo.ods', ofstedWorkbook(rng, councils)],
		['council/adult-social-care/ascof_demo.xlsx', ascofWorkbook(rng, councils)]
	]);
}

/** Write sheets in the format the path's extension names. */
export const writeWorkbook = (path: string, sheets: Sheet[]): Uint8Array => (path.endsWith('.xlsx') ? writeXlsx(sheets) : writeOds(sheets));

export function councilWorkbookFiles(seed: number, councils: readonly DemoCouncil[]): Map<string, Uint8Array> {
	return new Map([...councilWorkbookSheets(seed, councils)].map(([path, sheets]) => [path, writeWorkbook(path, sheets)]));
}
