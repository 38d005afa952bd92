/**
 * Ofsted's children's services inspection outcomes (LA_Inspection_Outcomes_as_at_*.ods):
 * the latest judgement of each council (Inspections_as_at_31_March) and every ILACS
 * judgement since 2018 (ILACS_inspection_history). One OfstedRow per inspection, dated
 * by its publication; the build takes the newest as the current judgement.
 */
import type { OfstedGrade } from '../../../src/lib/schema/council.ts';
import { ReportBuilder } from '../text.ts';
import { ReadError } from '../types.ts';
import { emptyCouncilResult, sheetFile, type CouncilFact, type CouncilReadResult, type OfstedRow, type WorkbookSample } from './types.ts';
import { councilTypeOf, ONS_CODE, requireWorkbook, rowsBelowHeader, sampleHasHeader, text } from './workbook-rows.ts';

export const CURRENT_SHEET = 'Inspections_as_at_31_March';
export const HISTORY_SHEET = 'ILACS_inspection_history';
export const CURRENT_HEADER = ['Web link', 'Local authority area code', 'Local authority name', 'Ofsted region', 'Inspection date', 'Publication date', 'Overall effectiveness'] as const;
export const HISTORY_HEADER = ['Web link', 'Local authority area code', 'Local authority name', 'Local authority status', 'Ofsted region', 'Inspection date', 'Publication date', 'Inspection type', 'Overall effectiveness'] as const;

const GRADES: readonly OfstedGrade[] = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ofstedReader = {
	dataset: 'council-ofsted' as const,

	recognise(sample: WorkbookSample): boolean {
		return sampleHasHeader(sample, CURRENT_SHEET, CURRENT_HEADER) && sample.sheetNames.includes(HISTORY_SHEET);
	},

	read(name: string, bytes: Uint8Array): CouncilReadResult {
		const report = new ReportBuilder(name, 'council-ofsted', bytes);
		const book = requireWorkbook(name, bytes);
		const inspections = new Map<string, OfstedRow>();
		const councils = new Map<string, CouncilFact>();
		let latest = '';
		for (const [sheet, header] of [
			[CURRENT_SHEET, CURRENT_HEADER],
			[HISTORY_SHEET, HISTORY_HEADER]
		] as const) {
			const file = sheetFile(name, sheet);
			const column = (label: string) => header.indexOf(label as never);
			for (const row of rowsBelowHeader(book, name, sheet, header).rows) {
				const at = (label: string) => text(row.cells[column(label)]);
				const code = at('Local authority area code');
				const council = at('Local authority name');
				const overall = at('Overall effectiveness') as OfstedGrade;
				const date = at('Publication date');
				const problem: [string, string] | null = !ONS_CODE.test(code)
					? ['Local authority area code', `"${code}" is not an ONS code like E09000002.`]
					: council === ''
						? ['Local authority name', 'is empty; expected the council\'s name.']
						: !GRADES.includes(overall)
							? ['Overall effectiveness', `"${overall}" is not an Ofsted grade (${GRADES.join(', ')}).`]
							: !ISO_DATE.test(date)
								? ['Publication date', `"${date}" is not a date.`]
								: null;
				if (problem) {
					report.reject(row.line, problem[0], problem[1], file);
					continue;
				}
				const key = `${code}|${date}`;
				if (sheet === CURRENT_SHEET && inspections.has(key)) {
					report.reject(row.line, 'Local authority area code', `${code} appears twice in the sheet.`, file);
					continue;
				}
				report.accept();
				// The latest judgement is in both sheets: one row per inspection.
				inspections.set(key, { code, dfeCode: null, name: council, overall, date });
				if (date > latest) latest = date;
				if (sheet === CURRENT_SHEET) {
					const type = councilTypeOf(code);
					councils.set(code, { code, name: council, ...(type ? { type } : {}) });
				}
			}
		}
		if (councils.size === 0) throw new ReadError(sheetFile(name, CURRENT_SHEET), 0, null, 'no council\'s judgement could be read.');
		return { ...emptyCouncilResult(report.finish(latest || null)), ofsted: [...inspections.values()], councils: [...councils.values()] };
	}
};
