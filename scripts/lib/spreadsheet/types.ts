/** What the spreadsheet readers hand back: plain rows of plain values. */

/** A number (floats, percentages as fractions, currency), text (dates as ISO text), or nothing. */
export type Cell = string | number | null;

export interface SheetRow {
	/** The sheet's own 1-based row number, as a spreadsheet program shows it. */
	line: number;
	/** From column A; trailing empty cells are left off, empty ones between are null. */
	cells: Cell[];
}

export interface Sheet {
	name: string;
	rows: Cell[][];
}

/** The grid limits of Excel and LibreOffice: nothing real goes past them, so a file that does is refused. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A problem at a sheet row (and column letter); the workbook turns it into a ReadError naming file and sheet. */
export class CellError extends Error {
	constructor(
		readonly line: number,
		readonly column: string | null,
		reason: string
	) {
		super(reason);
	}
}
