/**
 * What the council readers (issue #12) hand the build. Each reader recognises its
 * file by content (a CSV's header, a workbook's sheet names and header row), never
 * by name, and accounts for every row: rowsRead = rowsAccepted + rowsRejected.
 *
 * Workbook messages name the sheet inside the file part of the message:
 * `waste/LA_collection.ods, sheet "Table_1", line 12, column "Authority type": …`
 * (pass `sheetFile(name, sheet)` as the `file` of ReportBuilder.reject/issue).
 */
import type { CouncilType, OfstedGrade } from '../../../src/lib/schema/council.ts';
import type { SourceReport } from '../types.ts';

export const sheetFile = (file: string, sheet: string) => `${file}, sheet "${sheet}"`;

/** One council (or England, code E92000001) in one year of one measure, as the publisher gives it. */
export interface CouncilObservation {
	/** CouncilMeasure id, e.g. 'household-recycling'. */
	measure: string;
	/** ONS code; England is E92000001. */
	code: string;
	name: string;
	year: string;
	numerator: number | null;
	denominator: number | null;
	/** The publisher's own figure for this cell, where printed (e.g. a percentage). */
	published: number | null;
	suppressed: boolean;
}

/** What a reader learns about councils themselves (names, types, DfE numbers, regions). */
export interface CouncilFact {
	code: string;
	name: string;
	type?: CouncilType;
	dfeCode?: string;
	region?: string;
	regionName?: string;
}

export interface OfstedRow {
	code: string | null;
	dfeCode: string | null;
	name: string;
	overall: OfstedGrade;
	date: string;
}

export interface CouncilReadResult {
	observations: CouncilObservation[];
	councils: CouncilFact[];
	ofsted: OfstedRow[];
	/** Peer lists: group → code → neighbour codes, most similar first (DfE lists use DfE numbers). */
	peers: Partial<Record<'ons-global' | 'ons-economic' | 'ons-demographic' | 'dfe', Record<string, string[]>>>;
	report: SourceReport;
}

export const emptyCouncilResult = (report: SourceReport): CouncilReadResult => ({ observations: [], councils: [], ofsted: [], peers: {}, report });

/** A workbook's first look: enough to recognise it without reading its sheets. */
export interface WorkbookSample {
	name: string;
	format: 'ods' | 'xlsx';
	sheetNames: string[];
	/**
	 * The first rows holding a value (up to 12) of each sheet, where the workbook reader
	 * gives them: enough to see a header below the title and notes rows.
	 */
	firstRows?: Record<string, { line: number; cells: (string | number | null)[] }[]>;
}
