/**
 * Checks an uploaded CSV's records as they are parsed: the first line names the
 * columns, types come from the first INFER_ROWS good rows, and every later
 * record is kept or left out with exactly one problem (its first), so rows
 * read = kept + left out. A value that does not fit its column's type leaves
 * its row out; it is never silently changed. Line numbers count the header as
 * line 1 and follow line breaks inside quoted values.
 */
import { INFER_ROWS, MAX_LISTED_PROBLEMS, PREVIEW_ROWS, fits, inferType, normaliseHeaders, type ColumnType, type ParseError, type RowProblem } from './csv-import';

export interface CollectedCsv {
	headers: string[];
	types: ColumnType[];
	/** Records after the header, blank lines left out: always rowCount + problemCount. */
	rowsRead: number;
	/** Rows kept. */
	rowCount: number;
	/** The first MAX_LISTED_PROBLEMS problems, one per row left out. */
	problems: RowProblem[];
	/** Rows left out. */
	problemCount: number;
	preview: string[][];
}

/** Where the good rows go: told the columns once their types are known, then given each row's cells. */
export interface KeptRows {
	begin(headers: string[], types: ColumnType[]): void;
	add(cells: string[]): void;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks inside a record's values (only quoted values can hold them). */
function lineBreaksIn(cells: string[]): number {
	let count = 0;
	for (const cell of cells) if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) count += cell.match(LINE_BREAK)!.length;
	return count;
}

/** PapaParse's quote errors in words a person can act on, and the value they are in. */
function parseProblem(error: ParseError, cells: string[]): { at: number; reason: string } {
	if (error.code === 'MissingQuotes') {
		// PapaParse puts everything after an unclosed quote into the record's last value.
		return { at: cells.length - 1, reason: 'a quoted value starts in this column but its closing quote (") never comes; the file may be cut short' };
	}
	if (error.code === 'InvalidQuotes') {
		const at = cells.findIndex((cell) => cell.includes('"'));
		return { at: at === -1 ? cells.length - 1 : at, reason: 'a quoted value has a stray quote (") inside it; a quote inside a quoted value must be doubled ("")' };
	}
	return { at: 0, reason: error.message };
}

/** Takes parsed records chunk by chunk (header first), checks each row and passes the good ones on. */
export class CsvCollector {
	headers: string[] = [];
	types: ColumnType[] = [];
	problems: RowProblem[] = [];
	problemCount = 0;
	rowCount = 0;
	rowsRead = 0;
	preview: string[][] = [];
	/** The line the next record starts on. */
	private line = 1;
	private pending: { line: number; cells: string[] }[] = [];
	private inferred = false;

	constructor(private kept: KeptRows) {}

	private reject(line: number, at: number, reason: string): void {
		this.problemCount++;
		const column = this.headers[Math.max(0, Math.min(at, this.headers.length - 1))];
		if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ line, column, reason });
	}

	/**
	 * One chunk of records, with the parser's errors for them (by index in `rows`).
	 * `quoted: false` says the chunk's text held no quote, so no value holds a line break.
	 */
	addRows(rows: string[][], parseErrors: ParseError[] = [], quoted = true): void {
		const errors = new Map<number, ParseError>();
		for (const error of parseErrors) {
			const row = Math.min(Math.max(error.row, 0), rows.length - 1);
			if (!errors.has(row)) errors.set(row, error);
		}
		for (let r = 0; r < rows.length; r++) {
			const cells = rows[r];
			const line = this.line;
			this.line += 1 + (quoted ? lineBreaksIn(cells) : 0);
			if (!this.headers.length) {
				this.headers = normaliseHeaders(cells);
				continue;
			}
			const error = errors.get(r);
			if (!error && cells.length === 1 && cells[0].trim() === '') continue; // blank line
			this.rowsRead++;
			if (error) {
				const { at, reason } = parseProblem(error, cells);
				this.reject(line, at, reason);
			} else if (cells.length !== this.headers.length) this.rejectShape(line, cells.length);
			else {
				if (this.preview.length < PREVIEW_ROWS) this.preview.push(cells);
				if (this.inferred) this.keep(line, cells);
				else {
					this.pending.push({ line, cells });
					if (this.pending.length >= INFER_ROWS) this.infer();
				}
			}
		}
	}

	private rejectShape(line: number, fields: number): void {
		const expected = this.headers.length;
		const has = `has ${fields} ${fields === 1 ? 'field' : 'fields'} but the header has ${expected}`;
		if (fields < expected) this.reject(line, fields, `${has}: the row stops before this column`);
		else this.reject(line, expected - 1, `${has}: there ${fields - expected === 1 ? 'is 1 value' : `are ${fields - expected} values`} after this, the last column (a separator inside a value may have shifted the columns)`);
	}

	private infer(): void {
		this.inferred = true;
		this.types = this.headers.map((_, i) => inferType(this.pending.map((r) => r.cells[i])));
		this.kept.begin(this.headers, this.types);
		for (const { line, cells } of this.pending) this.keep(line, cells);
		this.pending = [];
	}

	private keep(line: number, cells: string[]): void {
		for (let i = 0; i < cells.length; i++) {
			if (!fits(cells[i], this.types[i])) {
				const expected = this.types[i] === 'BOOLEAN' ? 'true or false' : this.types[i] === 'INTEGER' ? 'a whole number' : 'a number';
				this.reject(line, i, `expected ${expected} (as in the first rows), found "${cells[i].slice(0, 40)}"`);
				return;
			}
		}
		this.kept.add(cells);
		this.rowCount++;
	}

	finish(): CollectedCsv {
		if (!this.inferred) this.infer();
		const { headers, types, rowsRead, rowCount, problems, problemCount, preview } = this;
		return { headers, types, rowsRead, rowCount, problems, problemCount, preview };
	}

	/** The line the next record starts on (the header is line 1). */
	get nextLine(): number {
		return this.line;
	}
}
