import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { MAX_WORKBOOK_BYTES, openWorkbook, workbookSample } from './workbook.ts';
import { writeOds, writeXlsx } from './write.ts';
import type { Cell, Sheet } from './types.ts';

const NS =
	'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
const mtime = new Date(2026, 0, 1);

/** An ODS whose content.xml holds these sheets' raw XML. */
function ods(tables: string, mimetype = 'application/vnd.oasis.opendocument.spreadsheet'): Uint8Array {
	const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
	return zipSync({ mimetype: [strToU8(mimetype), { level: 0, mtime }], 'content.xml': [strToU8(content), { mtime }] }, { mtime });
}
const table = (name: string, rows: string) => `<table:table table:name="${name}">${rows}</table:table>`;
/** The zip with content.xml's size in the central directory rewritten (what a zip bomb lies about). */
function withListedSize(zip: Uint8Array, size: number): Uint8Array {
	const bytes = zip.slice();
	const view = new DataView(bytes.buffer);
	for (let at = bytes.length - 22; at > 0; at--) {
		if (view.getUint32(at, true) === 0x02014b50 && new TextDecoder().decode(bytes.subarray(at + 46, at + 57)) === 'content.xml') view.setUint32(at + 24, size, true);
	}
	return bytes;
}
const rowsOf = (bytes: Uint8Array, sheet: string) => [...openWorkbook('t.ods', bytes)!.rows(sheet)];

describe('ODS cells', () => {
	const cases: [string, string, { line: number; cells: Cell[] }[]][] = [
		[
			'value types: float, percentage (a fraction), currency, string, date, boolean',
			'<table:table-row><table:table-cell office:value-type="float" office:value="1234.5"><text:p>1,234.50</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.367"><text:p>36.7%</text:p></table:table-cell><table:table-cell office:value-type="currency" office:value="-3"/><table:table-cell office:value-type="string"><text:p>Adur</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2025-03-31T00:00:00"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row>',
			[{ line: 1, cells: [1234.5, 0.367, -3, 'Adur', '2025-03-31', 'true'] }]
		],
		[
			'text:s, text:line-break, text:tab, spans, links, two paragraphs, entities; a comment is not the value',
			'<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation><text:p>Barking &amp;<text:s/> Dagenham<text:s text:c="2"/>LB</text:p><text:p>line <text:span>two</text:span><text:line-break/>three<text:tab/><text:a xlink:href="x">four</text:a></text:p></table:table-cell></table:table-row>',
			[{ line: 1, cells: ['Barking &  Dagenham  LB\nline two\nthree\tfour'] }]
		],
		[
			'repeated columns and rows; empty repeats between values kept as nulls, trailing ones dropped',
			'<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="0"/><table:table-cell table:number-columns-repeated="16000"/></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
			[
				{ line: 3, cells: [null, null, 0, 0, 0] },
				{ line: 4, cells: ['x'] },
				{ line: 5, cells: ['x'] }
			]
		],
		[
			'covered (merged) cells keep their place; row groups and header rows count as rows',
			'<table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Title</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="7"/></table:table-row></table:table-header-rows><table:table-row-group><table:table-row><table:table-cell/><table:covered-table-cell office:value-type="string"><text:p>kept</text:p></table:covered-table-cell></table:table-row></table:table-row-group>',
			[
				{ line: 1, cells: ['Title', null, 7] },
				{ line: 2, cells: [null, 'kept'] }
			]
		],
		['an empty string cell is nothing', '<table:table-row><table:table-cell office:value-type="string"><text:p/></table:table-cell><table:table-cell><text:p></text:p></table:table-cell></table:table-row>', []]
	];
	it.each(cases)('%s', (_, rows, expected) => expect(rowsOf(ods(table('S', rows)), 'S')).toEqual(expected));

	it('lists sheets in order and reads each apart', () => {
		const bytes = ods(table('Notes', '<table:table-row><table:table-cell office:value-type="string"><text:p>n</text:p></table:table-cell></table:table-row>') + table('Table_1', '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'));
		expect(workbookSample('t.ods', bytes)).toEqual({
			name: 't.ods',
			format: 'ods',
			sheetNames: ['Notes', 'Table_1'],
			firstRows: { Notes: [{ line: 1, cells: ['n'] }], Table_1: [{ line: 1, cells: [1] }] }
		});
		expect(rowsOf(bytes, 'Table_1')).toEqual([{ line: 1, cells: [1] }]);
		expect(rowsOf(bytes, 'Notes')).toEqual([{ line: 1, cells: ['n'] }]);
	});
});

describe('opening once', () => {
	it('the same bytes under the same name open once (sampled, then read); another name opens anew', () => {
		const bytes = ods(table('S', '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'));
		const book = openWorkbook('t.ods', bytes);
		expect(openWorkbook('t.ods', bytes)).toBe(book);
		expect(openWorkbook('other.ods', bytes)).not.toBe(book);
		expect([...openWorkbook('other.ods', bytes)!.rows('S')]).toEqual([{ line: 1, cells: [1] }]);
		expect(openWorkbook('t.ods', new Uint8Array(bytes))).not.toBe(book);
	});
});

describe('errors name file, sheet, row and column', () => {
	const cases: [string, () => unknown, string][] = [
		['a float that is not a number', () => rowsOf(ods(table('Table_1', '<table:table-row><table:table-cell/><table:table-cell/><table:table-cell office:value-type="float" office:value="12,3"/></table:table-row>')), 'Table_1'), 't.ods, sheet "Table_1", line 1, column "C": the float cell\'s value "12,3" is not a number.'],
		['an unknown entity', () => rowsOf(ods(table('S', '<table:table-row/><table:table-row><table:table-cell office:value-type="string"><text:p>&nbsp;</text:p></table:table-cell></table:table-row>')), 'S'), 't.ods, sheet "S", line 2, column "A": the entity "&nbsp;" is not one of the five XML entities; entities defined by a file are refused.'],
		['a sheet that does not exist', () => rowsOf(ods(table('S', '')), 'Table_1'), 't.ods, line 0: the workbook has no sheet "Table_1".'],
		['a DTD', () => openWorkbook('t.ods', ods(table('S', '')).slice()) && openWorkbook('t.ods', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><x/>') }, { mtime })), 't.ods, line 0: content.xml has a document type declaration (DTD); spreadsheets have none, and its entities are refused.'],
		['a zip cut short', () => openWorkbook('t.ods', ods(table('S', '')).subarray(0, 200)), 't.ods, line 0: the workbook is damaged or cut short (not a zip archive, or one cut short (no central directory)).'],
		['a part listed as larger than the limit', () => openWorkbook('t.ods', withListedSize(ods(table('S', '')), MAX_WORKBOOK_BYTES + 1)), `t.ods, line 0: content.xml would inflate past 256 MB; the workbook is refused as too large (or a zip bomb).`]
	];
	it.each(cases)('%s', (_, run, message) => expect(run).toThrow(message));

	it('a zip bomb whose directory lies about its size stops at the size it gave', () => {
		const bytes = withListedSize(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': new Uint8Array(5_000_000) }, { mtime }), 1000);
		expect(() => openWorkbook('bomb.ods', bytes)).toThrow(/^bomb\.ods, line 0: the workbook is damaged or cut short: content\.xml cannot be decompressed/);
	});

	it('is not a workbook: not a zip, or a zip of something else', () => {
		expect(workbookSample('a.csv', strToU8('a,b\n1,2\n'))).toBeNull();
		expect(workbookSample('a.zip', zipSync({ 'a.csv': strToU8('a,b\n') }, { mtime }))).toBeNull();
		expect(workbookSample('a.odt', ods('', 'application/vnd.oasis.opendocument.text'))).toBeNull();
	});
});

describe('XLSX', () => {
	function xlsx(sheetXml: string, strings = '<sst><si><t>Code</t></si><si><r><t>Rich </t></r><r><t xml:space="preserve">text </t></r><rPh><t>ruby</t></rPh></si></sst>'): Uint8Array {
		const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
		return zipSync(
			{
				'_rels/.rels': strToU8(`<Relationships><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
				'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="in &amp; out" sheetId="1" r:id="rId7"/></sheets></workbook>'),
				'xl/_rels/workbook.xml.rels': strToU8(`<Relationships><Relationship Id="rId7" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId9" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`),
				'xl/strings.xml': strToU8(strings),
				'xl/worksheets/data.xml': strToU8(`<worksheet><cols><col min="1" max="2"/></cols><sheetData>${sheetXml}</sheetData></worksheet>`)
			},
			{ mtime }
		);
	}
	const read = (bytes: Uint8Array) => [...openWorkbook('t.xlsx', bytes)!.rows('in & out')];

	it('follows the relationships, and reads shared, rich, inline and formula strings, numbers, booleans and gaps', () => {
		const bytes = xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="4"><c r="B4"><v>1.5E3</v></c><c r="D4" t="inlineStr"><is><t>inline &lt;x&gt;</t></is></c><c r="E4" t="str"><f>A1</f><v>Code</v></c><c r="F4" t="b"><v>1</v></c><c r="G4" t="e"><v>#N/A</v></c><c r="H4" s="3"/></row><row><c><v>2</v></c><c><v>3</v></c></row>');
		expect(workbookSample('t.xlsx', bytes)).toMatchObject({ name: 't.xlsx', format: 'xlsx', sheetNames: ['in & out'] });
		expect(workbookSample('t.xlsx', bytes)?.firstRows?.['in & out']).toHaveLength(3);
		expect(read(bytes)).toEqual([
			{ line: 1, cells: ['Code', null, 'Rich text '] },
			{ line: 4, cells: [null, 1500, null, 'inline <x>', 'Code', 'TRUE', '#N/A'] },
			{ line: 5, cells: [2, 3] }
		]);
	});

	it.each([
		['a shared string that does not exist', '<row r="2"><c r="B2" t="s"><v>9</v></c></row>', 't.xlsx, sheet "in & out", line 2, column "B": shared string 9 does not exist (the file has 2).'],
		['text in a number cell', '<row r="3"><c r="C3"><v>n/a</v></c></row>', 't.xlsx, sheet "in & out", line 3, column "C": the number cell\'s value "n/a" is not a number.'],
		['a cell reference of another row', '<row r="3"><c r="C4"><v>1</v></c></row>', 't.xlsx, sheet "in & out", line 3, column "A": the cell reference "C4" is not a cell of row 3.'],
		['rows out of order', '<row r="3"/><row r="2"/>', 't.xlsx, sheet "in & out", line 4: the row number r="2" is not after row 3.']
	])('%s', (_, sheet, message) => expect(() => read(xlsx(sheet))).toThrow(message));
});

describe('writeOds and writeXlsx', () => {
	const sheets: Sheet[] = [
		{ name: 'Notes', rows: [['Title: a & b <c>'], [], ['two  spaces and\na break', null, null, ' lead'], [], []] },
		{ name: 'Table_1', rows: [['Year', 'Code', 'Value'], ['2022-23', 'E06000001', 12.25], ['2022-23', 'E06000002', 0], [null, null, ':'], [1, 1, 1, null, null, 1e-7, -42]] }
	];
	// Readers see rows with values only, trailing empty cells dropped.
	const expected = (sheet: Sheet) =>
		sheet.rows.flatMap((cells, i) => {
			const trimmed = cells.slice(0, cells.findLastIndex((c) => c !== null) + 1);
			return trimmed.length > 0 ? [{ line: i + 1, cells: trimmed }] : [];
		});

	it.each([
		['ods', writeOds],
		['xlsx', writeXlsx]
	] as const)('%s round-trips and is byte-for-byte the same each time', (format, write) => {
		const bytes = write(sheets);
		expect(Buffer.compare(bytes, write(sheets))).toBe(0);
		const book = openWorkbook(`t.${format}`, bytes)!;
		expect(book.format).toBe(format);
		expect(book.sheetNames).toEqual(['Notes', 'Table_1']);
		for (const sheet of sheets) expect([...book.rows(sheet.name)]).toEqual(expected(sheet));
	});
});
