/**
 * Defra's fly-tipping workbook (sheet LA_incidents): one row per council and year with
 * the total incidents it dealt with, below a title and a row of column groups. England
 * and region rows carry the code '*Total'; the England row is kept as E92000001.
 * ':' means not available (kept as suppressed, never 0). England's total includes Defra's
 * estimates for missing returns, so it may have decimals (the Notes sheet); councils' may not.
 * 2018-19 has two England rows, '(original)' and '(comparable with 2019/20)': the comparable
 * one is kept, so the series does not jump where the reporting basis changed.
 */
import { ReportBuilder } from '../text.ts';
import { ReadError } from '../types.ts';
import { emptyCouncilResult, sheetFile, type CouncilFact, type CouncilObservation, type CouncilReadResult, type WorkbookSample } from './types.ts';
import { amountOf, councilTypeOf, ENGLAND, financialYear, ONS_CODE, regionCodeOf, requireWorkbook, rowsBelowHeader, sampleHasHeader, text } from './workbook-rows.ts';

export const FLY_TIPPING_SHEET = 'LA_incidents';
export const FLY_TIPPING_HEADER = ['Year', 'ONS Code', 'LA Name', 'Region', 'Total Incidents'] as const;

export const flyTippingReader = {
	dataset: 'council-fly-tipping' as const,

	recognise(sample: WorkbookSample): boolean {
		return sampleHasHeader(sample, FLY_TIPPING_SHEET, FLY_TIPPING_HEADER);
	},

	read(name: string, bytes: Uint8Array): CouncilReadResult {
		const report = new ReportBuilder(name, 'council-fly-tipping', bytes);
		const { rows } = rowsBelowHeader(requireWorkbook(name, bytes), name, FLY_TIPPING_SHEET, FLY_TIPPING_HEADER);
		const file = sheetFile(name, FLY_TIPPING_SHEET);
		const observations: CouncilObservation[] = [];
		const facts = new Map<string, CouncilFact>();
		const seen = new Map<string, number>();
		const years = new Set<string>();
		let regions = 0;
		let original = 0;
		for (const row of rows) {
			const year = financialYear(row.cells[0]);
			if (!year) {
				report.reject(row.line, 'Year', `"${text(row.cells[0])}" is not a financial year like 2022-23.`, file);
				continue;
			}
			const [code, areaName, region] = [text(row.cells[1]), text(row.cells[2]), text(row.cells[3])];
			const isTotal = code === '*Total';
			const england = isTotal ? /^\*Total England(?: \((original|comparable with [^)]+)\))?$/.exec(region) : null;
			const isEngland = england !== null && england[1] !== 'original';
			if (isTotal && !england && !regionCodeOf(region)) {
				report.reject(row.line, 'Region', `a total row for "${region}", which is neither England nor a region.`, file);
				continue;
			}
			if (!isTotal && !ONS_CODE.test(code)) {
				report.reject(row.line, 'ONS Code', `"${code}" is not an ONS code like E07000223.`, file);
				continue;
			}
			const incidents = amountOf(row.cells[4], 'a whole number of incidents', { whole: !isTotal });
			if (!incidents.ok) {
				report.reject(row.line, 'Total Incidents', incidents.message, file);
				continue;
			}
			const key = `${isTotal ? region : code}|${year}`;
			const earlier = seen.get(key);
			if (earlier !== undefined) {
				report.reject(row.line, 'ONS Code', `${isTotal ? region : code} ${year} already appeared on line ${earlier} (a duplicate row).`, file);
				continue;
			}
			seen.set(key, row.line);
			report.accept();
			years.add(year);
			if (isTotal && !isEngland) {
				if (england) original++;
				else regions++;
				continue;
			}
			const areaCode = isEngland ? ENGLAND : code;
			observations.push({ measure: 'fly-tipping-incidents', code: areaCode, name: isEngland ? 'England' : areaName, year, numerator: incidents.value.value, denominator: null, published: null, suppressed: incidents.value.suppressed });
			if (!isEngland) {
				const type = councilTypeOf(code);
				const regionCode = regionCodeOf(region);
				facts.set(code, { code, name: areaName, ...(type ? { type } : {}), ...(regionCode ? { region: regionCode, regionName: region } : {}) });
			}
		}
		if (report.rowsAccepted === 0) throw new ReadError(file, rows[0].line, null, 'no row of the sheet could be read.');
		if (regions > 0) report.note(`${regions} region total rows were read; regions are not kept (the England row is).`);
		if (original > 0) report.note(`${original} England row marked "(original)" was read but not kept: the row comparable with later years is.`);
		const sorted = [...years].sort();
		return { ...emptyCouncilResult(report.finish(`${sorted[0]} to ${sorted.at(-1)}`)), observations, councils: [...facts.values()] };
	}
};
