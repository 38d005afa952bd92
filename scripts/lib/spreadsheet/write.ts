/**
 * Tiny deterministic workbook writers, for the demonstration data and the tests:
 * the same sheets always give the same bytes (fixed zip times, fixed order). They
 * write what published files contain and the readers must cope with: repeated
 * empty cells and rows, padding to the sheet's edge, `text:s` runs of spaces and
 * line breaks (ODS); shared strings and gaps between cells (XLSX).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { columnLetters, escapeXml } from './xml.ts';
import type { Cell, Sheet } from './types.ts';

/** A local-time date, as every zip tool writes; fixed so the bytes never change. */
const FIXED_TIME = new Date(2026, 0, 1, 0, 0, 0);
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

function zip(parts: [string, string, number?][]): Uint8Array {
	const files: Zippable = {};
	for (const [name, text, level] of parts) files[name] = [strToU8(text), { level: (level ?? 6) as 6, mtime: FIXED_TIME }];
	return zipSync(files, { mtime: FIXED_TIME });
}

// ---------------------------------------------------------------- ODS

/** 'a  b\nc' → 'a <text:s/>b<text:line-break/>c': spaces after the first and breaks as ODS writes them. */
function odsText(text: string): string {
	return escapeXml(text)
		.replace(/ {2,}/g, (run) => ` <text:s${run.length > 2 ? ` text:c="${run.length - 1}"` : ''}/>`)
		.replace(/\r?\n/g, '<text:line-break/>');
}

function odsCell(cell: Cell, repeat: number): string {
	const times = repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : '';
	if (cell === null) return `<table:table-cell${times}/>`;
	if (typeof cell === 'number') return `<table:table-cell${times} office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
	return `<table:table-cell${times} office:value-type="string"><text:p>${odsText(cell)}</text:p></table:table-cell>`;
}

function odsRow(cells: Cell[]): string {
	let out = '';
	for (let i = 0, j = 0; i < cells.length; i = j) {
		while (j < cells.length && cells[j] === cells[i]) j++;
		out += odsCell(cells[i], j - i);
	}
	// Published sheets pad every row to the last column, as LibreOffice saves them.
	const padding = 16_384 - cells.length;
	return `<table:table-row>${out}${padding > 0 ? odsCell(null, padding) : ''}</table:table-row>`;
}

function odsSheet(sheet: Sheet): string {
	let rows = '';
	for (let i = 0; i < sheet.rows.length; ) {
		let j = i;
		while (j < sheet.rows.length && sheet.rows[j].every((c) => c === null)) j++;
		if (j > i) rows += `<table:table-row table:number-rows-repeated="${j - i}"><table:table-cell/></table:table-row>`;
		else rows += odsRow(sheet.rows[j++]);
		i = j;
	}
	const padding = `<table:table-row table:number-rows-repeated="${1_048_576 - sheet.rows.length}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`;
	return `<table:table table:name="${escapeXml(sheet.name)}"><table:table-column table:number-columns-repeated="16384"/>${rows}${padding}</table:table>`;
}

export function writeOds(sheets: Sheet[]): Uint8Array {
	const ns =
		'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
	const content = `${HEAD}<office:document-content ${ns} office:version="1.3"><office:body><office:spreadsheet>${sheets.map(odsSheet).join('')}</office:spreadsheet></office:body></office:document-content>`;
	const manifest = `${HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
	// The mimetype comes first and is stored, so tools can tell the format from the first bytes.
	return zip([
		['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', 0],
		['META-INF/manifest.xml', manifest],
		['content.xml', content]
	]);
}

// ---------------------------------------------------------------- XLSX

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function writeXlsx(sheets: Sheet[]): Uint8Array {
	const strings: string[] = [];
	const index = new Map<string, number>();
	const stringIndex = (s: string) => {
		let i = index.get(s);
		if (i === undefined) index.set(s, (i = strings.push(s) - 1));
		return i;
	};
	const sheetXml = sheets.map((sheet) => {
		const rows = sheet.rows.map((cells, r) => {
			const line = r + 1;
			// Empty cells are left out, so readers must place cells by their references.
			const cs = cells.map((cell, c) => {
				const ref = `${columnLetters(c + 1)}${line}`;
				if (cell === null) return '';
				if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
				return `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
			});
			return cs.some((c) => c !== '') ? `<row r="${line}">${cs.join('')}</row>` : '';
		});
		return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
	});
	const sst = `${HEAD}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
		.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`)
		.join('')}</sst>`;
	const workbook = `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
		.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
		.join('')}</sheets></workbook>`;
	const rels = `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets
		.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
		.join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
	const types = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
		.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
		.join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
	const top = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
	return zip([
		['[Content_Types].xml', types],
		['_rels/.rels', top],
		['xl/workbook.xml', workbook],
		['xl/_rels/workbook.xml.rels', rels],
		...sheetXml.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
		['xl/sharedStrings.xml', sst]
	]);
}
