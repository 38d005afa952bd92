/**
 * Office Open XML workbooks (.xlsx): workbook.xml names the sheets, its relationships
 * say which part holds each, sharedStrings.xml holds the text. Scanned with indexOf.
 * Dates in XLSX are numbers styled as dates: they come back as numbers (no reader
 * here needs one). See ECMA-376 part 1, §18.3 (worksheets) and §18.4 (shared strings).
 */
import { attribute, columnLetters, columnNumber, decodeEntities, elementEnd, isTag, XmlError } from './xml.ts';
import { CellError, MAX_COLUMNS, MAX_ROWS, type Cell, type SheetRow } from './types.ts';

export interface XlsxSheetRef {
	name: string;
	/** Path of the sheet's part inside the zip. */
	part: string;
}

/** Every element `<name …>…</name>` (or `<name/>`) in order: its start tag and inner text. */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<{ tag: string; inner: string; at: number }> {
	for (let at = xml.indexOf(`<${name}`, from); at >= 0 && at < to; at = xml.indexOf(`<${name}`, at + 1)) {
		if (!isTag(xml, at, name)) continue;
		const el = elementEnd(xml, name, at);
		yield { tag: xml.slice(at, el.tagEnd), inner: el.empty ? '' : xml.slice(el.tagEnd + 1, el.end - name.length - 3), at };
		at = el.end - 1;
	}
}

/** 'xl/workbook.xml' + 'worksheets/sheet1.xml' → 'xl/worksheets/sheet1.xml'; absolute targets start at the root. */
export function resolvePart(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.') parts.push(piece);
	}
	return parts.join('/');
}

/** The relationships of a part: id → { type, target (resolved) }. */
export function relationships(relsXml: string, base: string): Map<string, { type: string; part: string }> {
	const out = new Map<string, { type: string; part: string }>();
	for (const { tag } of elements(relsXml, 'Relationship')) {
		const id = attribute(tag, 'Id');
		const target = attribute(tag, 'Target');
		if (id && target && attribute(tag, 'TargetMode') !== 'External') out.set(id, { type: attribute(tag, 'Type') ?? '', part: resolvePart(base, target) });
	}
	return out;
}

/** The workbook's sheets in tab order, with the part that holds each. */
export function xlsxSheets(workbookXml: string, rels: Map<string, { type: string; part: string }>): XlsxSheetRef[] {
	const sheets: XlsxSheetRef[] = [];
	for (const { tag } of elements(workbookXml, 'sheet')) {
		const name = attribute(tag, 'name');
		const id = attribute(tag, 'r:id');
		const rel = id ? rels.get(id) : undefined;
		if (!name || !rel) throw new XmlError(`workbook.xml lists a sheet ${name ? `"${name}" ` : ''}whose part cannot be found`);
		sheets.push({ name, part: rel.part });
	}
	return sheets;
}

/** The text of a rich or plain string: every `<t>`, leaving out phonetic runs (`<rPh>`). */
function stringText(inner: string): string {
	let text = '';
	const plain = inner.includes('<rPh') ? inner.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '') : inner;
	for (const t of elements(plain, 't')) text += decodeEntities(t.inner);
	return text;
}

export function sharedStrings(xml: string): string[] {
	return Array.from(elements(xml, 'si'), (si) => stringText(si.inner));
}

const REF = /^([A-Z]{1,3})(\d+)$/;

/** The rows of one worksheet that hold at least one value. */
export function* xlsxRows(xml: string, strings: readonly string[]): Generator<SheetRow> {
	let previous = 0;
	for (const row of elements(xml, 'row', Math.max(0, xml.indexOf('<sheetData')))) {
		const r = attribute(row.tag, 'r');
		const line = r === null ? previous + 1 : Number(r);
		if (!Number.isInteger(line) || line <= previous || line > MAX_ROWS) throw new CellError(previous + 1, null, `the row number r="${r}" is not after row ${previous}`);
		previous = line;
		const cells: Cell[] = [];
		let column = 0;
		for (const c of elements(row.inner, 'c')) {
			const ref = attribute(c.tag, 'r');
			const m = ref === null ? null : REF.exec(ref);
			if (ref !== null && (!m || Number(m[2]) !== line)) throw new CellError(line, columnLetters(column + 1), `the cell reference "${ref}" is not a cell of row ${line}`);
			const at = m ? columnNumber(m[1]) : column + 1;
			if (at <= column || at > MAX_COLUMNS) throw new CellError(line, m ? m[1] : columnLetters(at), `the cell ${ref ?? ''} is out of order or beyond column ${MAX_COLUMNS}`);
			column = at;
			let value: Cell;
			try {
				value = xlsxValue(c.tag, c.inner, strings);
			} catch (error) {
				if (error instanceof XmlError) throw new CellError(line, columnLetters(at), error.message);
				throw error;
			}
			if (value === null) continue;
			while (cells.length < at - 1) cells.push(null);
			cells.push(value);
		}
		if (cells.length > 0) yield { line, cells };
	}
}

function xlsxValue(tag: string, inner: string, strings: readonly string[]): Cell {
	const type = attribute(tag, 't') ?? 'n';
	if (type === 'inlineStr') {
		const is = elements(inner, 'is').next();
		const text = is.done ? '' : stringText(is.value.inner);
		return text === '' ? null : text;
	}
	const v = elements(inner, 'v').next();
	if (v.done) return null;
	const raw = decodeEntities(v.value.inner);
	switch (type) {
		case 's': {
			const index = Number(raw);
			if (!Number.isInteger(index) || index < 0 || index >= strings.length) throw new XmlError(`shared string ${raw} does not exist (the file has ${strings.length})`);
			return strings[index] === '' ? null : strings[index];
		}
		case 'n': {
			const n = Number(raw);
			if (raw.trim() === '' || !Number.isFinite(n)) throw new XmlError(`the number cell's value "${raw}" is not a number`);
			return n;
		}
		case 'b':
			return raw === '1' ? 'TRUE' : 'FALSE';
		default: // 'str' (a formula's text), 'e' (an error such as #N/A), 'd' (ISO date)
			return raw === '' ? null : raw;
	}
}
