/**
 * Defra's local authority collected waste workbook (LA_and_Regional_Spreadsheet_*.ods).
 * Table_1 gives each authority's household tonnes (recycled over total) for 2014-15 on;
 * Table_3 gives Defra's own published indicators from 2010-11: the recycling percentage
 * (ex NI192, the oracle for the rate from Table_1) and residual kg per household (ex NI191).
 *
 * Authority type mixes collection, disposal and unitary authorities: each figure is the
 * authority's own, and the file's England row is used, never a sum (the Notes sheet:
 * summing collection and disposal authorities counts waste twice).
 * Rows for two councils reporting jointly ('E07000150 / E07000153') are not one council's
 * figure: they are read and counted but kept out, with a note.
 */
import { ReportBuilder } from '../text.ts';
import { ReadError } from '../types.ts';
import { emptyCouncilResult, sheetFile, type CouncilFact, type CouncilObservation, type CouncilReadResult, type WorkbookSample } from './types.ts';
import { amountOf, councilTypeOf, ENGLAND, financialYear, ONS_CODE, percentOfFraction, regionCodeOf, requireWorkbook, rowsBelowHeader, sampleHasHeader, text, type Amount } from './workbook-rows.ts';
import type { SheetRow } from '../../lib/spreadsheet/types.ts';

export const TABLE_1_HEADER = [
	'Financial Year',
	'Region',
	'ONS Code',
	'JPP order',
	'Local Authority',
	'Authority type',
	'Total local authority collected waste (tonnes)',
	'Household - total waste (tonnes)',
	'Household - waste sent for recycling-composting-reuse (tonnes)'
] as const;

export const TABLE_3_HEADER = [
	'Year',
	'Region',
	'ONS code',
	'Jpp Order',
	'Authority',
	'Authority type',
	'Residual household waste per household (kg/household) (Ex NI191)',
	'Percentage of household waste sent for reuse, recycling or composting (Ex NI192)'
] as const;

const AUTHORITY_TYPES = new Set(['Collection', 'Disposal', 'Unitary']);
const JOINT_CODE = /^E\d{8}( \/ E\d{8})+$/;

type Area = { kind: 'council'; code: string } | { kind: 'joint' } | { kind: 'england' } | { kind: 'region' };

/** The area a row is for, or a message saying why it is none. */
function areaOf(code: string, region: string, name: string, type: string): Area | string {
	if (code === 'Total') {
		if (region === 'Total England') return { kind: 'england' };
		if (regionCodeOf(region.replace(/^\*/, ''))) return { kind: 'region' };
		return `a total row for "${region}", which is neither England nor a region.`;
	}
	if (JOINT_CODE.test(code)) return { kind: 'joint' };
	if (!ONS_CODE.test(code)) return `"${code}" is not an ONS code like E07000223.`;
	if (name === '') return 'the authority has no name.';
	if (!AUTHORITY_TYPES.has(type)) return `"${type}" is not an authority type (Collection, Disposal or Unitary).`;
	return { kind: 'council', code };
}

export const defraWasteReader = {
	dataset: 'council-waste' as const,

	recognise(sample: WorkbookSample): boolean {
		// Either table is enough to claim the workbook, so a renamed sheet is an error, not an ignored file.
		return sampleHasHeader(sample, 'Table_3', TABLE_3_HEADER) || sampleHasHeader(sample, 'Table_1', TABLE_1_HEADER);
	},

	read(name: string, bytes: Uint8Array): CouncilReadResult {
		const report = new ReportBuilder(name, 'council-waste', bytes);
		const book = requireWorkbook(name, bytes);
		const table1 = rowsBelowHeader(book, name, 'Table_1', TABLE_1_HEADER);
		const table3 = rowsBelowHeader(book, name, 'Table_3', TABLE_3_HEADER);
		const recycling = new Map<string, CouncilObservation>();
		const residual: CouncilObservation[] = [];
		const facts = new Map<string, CouncilFact>();
		const seen = new Set<string>();
		const skipped = { joint: 0, region: 0 };
		const years = new Set<string>();

		const each = (sheet: string, rows: SheetRow[], take: (row: SheetRow, year: string, area: Area, areaName: string) => string | null) => {
			const file = sheetFile(name, sheet);
			for (const row of rows) {
				const first = text(row.cells[0]);
				// The data ends where the sheet's own notes begin.
				if (first.startsWith('Notes')) break;
				const year = financialYear(first);
				if (!year) {
					report.reject(row.line, text(sheet === 'Table_1' ? TABLE_1_HEADER[0] : TABLE_3_HEADER[0]), `"${first}" is not a financial year like 2022-23.`, file);
					continue;
				}
				const [code, region, areaName, type] = [text(row.cells[2]), text(row.cells[1]), text(row.cells[4]), text(row.cells[5])];
				const area = areaOf(code, region, areaName, type);
				if (typeof area === 'string') {
					report.reject(row.line, code === 'Total' ? 'Region' : 'ONS Code', area, file);
					continue;
				}
				const key = `${sheet}|${area.kind === 'council' ? area.code : area.kind === 'england' ? ENGLAND : `${region}|${code}`}|${year}`;
				if (seen.has(key)) {
					report.reject(row.line, 'ONS Code', `${code} ${year} already appeared earlier in the sheet (a duplicate row).`, file);
					continue;
				}
				const problem = take(row, year, area, areaName);
				if (problem) {
					report.reject(row.line, problem.slice(0, problem.indexOf('|')), problem.slice(problem.indexOf('|') + 1), file);
					continue;
				}
				seen.add(key);
				years.add(year);
				report.accept();
				if (area.kind === 'joint') skipped.joint++;
				if (area.kind === 'region') skipped.region++;
				if (area.kind === 'council') facts.set(area.code, fact(area.code, areaName, region));
			}
		};
		const observation = (measure: string, code: string, areaName: string, year: string): CouncilObservation => ({ measure, code, name: areaName, year, numerator: null, denominator: null, published: null, suppressed: false });
		const codeOf = (area: Area) => (area.kind === 'england' ? ENGLAND : area.kind === 'council' ? area.code : null);

		each('Table_1', table1.rows, (row, year, area, areaName) => {
			const total = amountOf(row.cells[7], 'tonnes of 0 or more');
			if (!total.ok) return `${TABLE_1_HEADER[7]}|${total.message}`;
			const recycled = amountOf(row.cells[8], 'tonnes of 0 or more');
			if (!recycled.ok) return `${TABLE_1_HEADER[8]}|${recycled.message}`;
			if (total.value.value !== null && recycled.value.value !== null && recycled.value.value > total.value.value) {
				return `${TABLE_1_HEADER[8]}|${recycled.value.value} tonnes recycled is more than the ${total.value.value} tonnes of household waste.`;
			}
			const code = codeOf(area);
			if (code) recycling.set(`${code}|${year}`, { ...observation('household-recycling', code, area.kind === 'england' ? 'England' : areaName, year), ...parts(recycled.value, total.value) });
			return null;
		});
		each('Table_3', table3.rows, (row, year, area, areaName) => {
			const kg = amountOf(row.cells[6], 'kilograms per household', { max: 10_000 });
			if (!kg.ok) return `${TABLE_3_HEADER[6]}|${kg.message}`;
			const share = amountOf(row.cells[7], 'a fraction from 0 to 1 (the sheet shows it as a percentage)', { max: 1 });
			if (!share.ok) return `${TABLE_3_HEADER[7]}|${share.message}`;
			const code = codeOf(area);
			if (!code) return null;
			const label = area.kind === 'england' ? 'England' : areaName;
			residual.push({ ...observation('residual-waste-per-household', code, label, year), published: kg.value.value, suppressed: kg.value.suppressed });
			const key = `${code}|${year}`;
			const published = share.value.value === null ? null : percentOfFraction(share.value.value);
			const existing = recycling.get(key);
			if (existing) recycling.set(key, { ...existing, published, suppressed: existing.suppressed || share.value.suppressed });
			else recycling.set(key, { ...observation('household-recycling', code, label, year), published, suppressed: share.value.suppressed });
			return null;
		});

		if (skipped.joint > 0) report.note(`${skipped.joint} rows for councils reporting jointly (codes like "E07000150 / E07000153") were read but kept out: they are not one council's figures.`);
		if (skipped.region > 0) report.note(`${skipped.region} region total rows were read; regions are not kept (the England row is).`);
		const sorted = [...years].sort();
		const result = emptyCouncilResult(report.finish(sorted.length > 0 ? `${sorted[0]} to ${sorted.at(-1)}` : null));
		if (report.rowsAccepted === 0) throw new ReadError(name, 0, null, 'no row of Table_1 or Table_3 could be read.');
		return { ...result, observations: [...recycling.values(), ...residual], councils: [...facts.values()] };
	}
};

function parts(recycled: Amount, total: Amount): Pick<CouncilObservation, 'numerator' | 'denominator' | 'suppressed'> {
	return { numerator: recycled.value, denominator: total.value, suppressed: recycled.suppressed || total.suppressed };
}

function fact(code: string, name: string, region: string): CouncilFact {
	const type = councilTypeOf(code);
	const regionCode = regionCodeOf(region);
	return { code, name, ...(type ? { type } : {}), ...(regionCode ? { region: regionCode, regionName: region } : {}) };
}
