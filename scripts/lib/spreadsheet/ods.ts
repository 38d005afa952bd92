/**
 * OpenDocument spreadsheets (.ods): the sheets of content.xml, scanned with indexOf.
 * Published ODS files pad every row to column 16,384 and every sheet to row 1,048,576
 * with `number-columns-repeated` / `number-rows-repeated`; empty repeats are counted,
 * never materialised, so a 42 MB content.xml reads in about a second.
 * See OpenDocument 1.3 part 3, §9.1 (tables) and §19.385 (office:value-type).
 */
import { attribute, columnLetters, decodeEntities, elementEnd, isTag, XmlError } from './xml.ts';
import { CellError, MAX_COLUMNS, MAX_ROWS, type Cell, type SheetRow } from './types.ts';

const ROW = 'table:table-row';
const CELL = 'table:table-cell';
const COVERED = 'table:covered-table-cell';

export interface OdsSheet {
	name: string;
	/** Where the sheet's `<table:table …>` starts and its `</table:table>` ends, in content.xml. */
	start: number;
	end: number;
}

/** Every sheet of content.xml, in order. */
export function odsSheets(xml: string): OdsSheet[] {
	const sheets: OdsSheet[] = [];
	for (let at = xml.indexOf('<table:table'); at >= 0; at = xml.indexOf('<table:table', at + 1)) {
		if (!isTag(xml, at, 'table:table')) continue;
		const tagEnd = xml.indexOf('>', at);
		if (tagEnd < 0) throw new XmlError('a sheet\'s <table:table> tag is not closed (the file is cut short)');
		const name = attribute(xml.slice(at, tagEnd), 'table:name') ?? `Sheet${sheets.length + 1}`;
		const close = xml.indexOf('</table:table>', tagEnd);
		if (close < 0 && xml[tagEnd - 1] !== '/') throw new XmlError(`sheet "${name}" has no end (the file is cut short)`);
		const end = close < 0 ? tagEnd + 1 : close;
		sheets.push({ name, start: at, end });
		at = end;
	}
	return sheets;
}

function repeats(tag: string, name: string, limit: number): number {
	const raw = attribute(tag, name);
	if (raw === null) return 1;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) throw new XmlError(`${name}="${raw}" is not a whole number of 1 or more`);
	return Math.min(n, limit);
}

/** The rows of one sheet that hold at least one value; `line` is the sheet's own row number. */
export function* odsRows(xml: string, sheet: OdsSheet): Generator<SheetRow> {
	let line = 1;
	for (let at = xml.indexOf(`<${ROW}`, sheet.start); at >= 0 && at < sheet.end; at = xml.indexOf(`<${ROW}`, at + 1)) {
		if (!isTag(xml, at, ROW)) continue;
		let row;
		try {
			row = elementEnd(xml, ROW, at);
		} catch (error) {
			throw new CellError(line, null, (error as Error).message);
		}
		const tag = xml.slice(at, row.tagEnd);
		const count = repeats(tag, 'table:number-rows-repeated', MAX_ROWS);
		const cells = row.empty ? [] : odsCells(xml, row.tagEnd + 1, row.end - ROW.length - 3, line);
		if (cells.length > 0) {
			if (line + count - 1 > MAX_ROWS) throw new CellError(line, null, `the sheet has values beyond row ${MAX_ROWS}`);
			for (let r = 0; r < count; r++) yield { line: line + r, cells: r === 0 ? cells : cells.slice() };
		}
		line += count;
		at = row.end - 1;
	}
}

function odsCells(xml: string, from: number, to: number, line: number): Cell[] {
	const cells: Cell[] = [];
	let pendingEmpty = 0;
	for (let at = xml.indexOf('<table:', from); at >= 0 && at < to; at = xml.indexOf('<table:', at + 1)) {
		const name = xml.startsWith(CELL, at + 1) && isTag(xml, at, CELL) ? CELL : xml.startsWith(COVERED, at + 1) && isTag(xml, at, COVERED) ? COVERED : null;
		if (name === null) continue;
		const column = cells.length + pendingEmpty + 1;
		try {
			const cell = elementEnd(xml, name, at);
			const tag = xml.slice(at, cell.tagEnd);
			const count = repeats(tag, 'table:number-columns-repeated', MAX_COLUMNS);
			const value = cellValue(tag, cell.empty ? '' : xml.slice(cell.tagEnd + 1, cell.end - name.length - 3));
			if (value === null) pendingEmpty += count;
			else {
				if (column + count - 1 > MAX_COLUMNS) throw new XmlError(`the row has values beyond column ${MAX_COLUMNS}`);
				for (; pendingEmpty > 0; pendingEmpty--) cells.push(null);
				for (let c = 0; c < count; c++) cells.push(value);
			}
			at = cell.end - 1;
		} catch (error) {
			if (error instanceof XmlError) throw new CellError(line, columnLetters(column), error.message);
			throw error;
		}
	}
	return cells;
}

function cellValue(tag: string, inner: string): Cell {
	const type = attribute(tag, 'office:value-type');
	switch (type) {
		case 'float':
		case 'percentage':
		case 'currency': {
			const raw = attribute(tag, 'office:value');
			const n = Number(raw);
			if (raw === null || raw.trim() === '' || !Number.isFinite(n)) throw new XmlError(`the ${type} cell's value "${raw ?? ''}" is not a number`);
			return n;
		}
		case 'date':
			return (attribute(tag, 'office:date-value') ?? '').replace(/T00:00:00(\.0+)?$/, '') || null;
		case 'time':
			return attribute(tag, 'office:time-value');
		case 'boolean':
			return attribute(tag, 'office:boolean-value');
		default: {
			const text = attribute(tag, 'office:string-value') ?? paragraphs(inner);
			return text === '' ? null : text;
		}
	}
}

/**
 * The text of a cell: its `text:p` paragraphs joined by line breaks, `text:s` as
 * spaces, `text:tab` and `text:line-break` as themselves, spans and links as their
 * text. Comments (`office:annotation`) are not the cell's value and are skipped.
 */
export function paragraphs(inner: string): string {
	let out = '';
	let depth = 0;
	let count = 0;
	for (let at = 0; at < inner.length; ) {
		const lt = inner.indexOf('<', at);
		const text = inner.slice(at, lt < 0 ? inner.length : lt);
		if (depth > 0 && text !== '') out += decodeEntities(text);
		if (lt < 0) break;
		const gt = inner.indexOf('>', lt);
		if (gt < 0) throw new XmlError('a tag inside the cell is not closed');
		const selfClosing = inner[gt - 1] === '/';
		if (inner.startsWith('<office:annotation', lt) && !selfClosing) {
			const close = inner.indexOf('</office:annotation>', gt);
			at = close < 0 ? inner.length : close + 20;
			continue;
		}
		if (inner.startsWith('<text:p', lt) && isTag(inner, lt, 'text:p')) {
			if (count++ > 0) out += '\n';
			if (!selfClosing) depth++;
		} else if (inner.startsWith('</text:p>', lt)) depth--;
		else if (depth > 0) {
			if (inner.startsWith('<text:s', lt) && isTag(inner, lt, 'text:s')) {
				const c = Number(attribute(inner.slice(lt, gt), 'text:c') ?? 1);
				out += ' '.repeat(Number.isInteger(c) && c > 0 ? Math.min(c, 1000) : 1);
			} else if (inner.startsWith('<text:tab', lt) && isTag(inner, lt, 'text:tab')) out += '\t';
			else if (inner.startsWith('<text:line-break', lt) && isTag(inner, lt, 'text:line-break')) out += '\n';
		}
		at = gt + 1;
	}
	return out;
}
