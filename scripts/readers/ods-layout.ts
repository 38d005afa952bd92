/**
 * NHS ODS "standard" CSV layout: no header row, one quoted line per
 * organisation, the same 27 fields in etr.csv (NHS trusts), ephp.csv
 * (independent-sector healthcare providers) and ephpsite.csv (their sites).
 * Fields by position, from ODS's layout documentation: 1 Organisation Code,
 * 2 Name, 3 National Grouping, 4 High Level Health Geography, 5–9 Address
 * lines 1–5, 10 Postcode, 11 Open Date, 12 Close Date, 13 (empty),
 * 14 Organisation Sub-Type Code, 15 Parent Organisation Code, 16 Join Parent
 * Date, 17 Left Parent Date, 18 Contact Telephone Number, …
 *
 * The three files differ only in what their rows say, so a file's kind is
 * read from its rows (never its name): sites name a parent organisation;
 * NHS trusts, unlike independent providers, carry "NHS" in their names.
 */
import { ReadError, type DatasetId, type ReadResult } from './types.ts';
import { decodeText, isoDateFromCompact, parseDelimited, readRecords, ReportBuilder } from './text.ts';

export interface OdsRow {
	code: string;
	name: string;
	nationalGrouping: string;
	healthGeography: string;
	/** Non-empty address lines 1–5, joined with ", ", as published (capitals). */
	address: string;
	postcode: string;
	openDate: string; // 'YYYY-MM-DD'
	closeDate: string | null; // null while open
	/** Field 15: the organisation a site belongs to (ephpsite); null when empty. */
	parentCode: string | null;
	phone: string | null;
}

export const ODS_FIELD = {
	code: 0,
	name: 1,
	nationalGrouping: 2,
	healthGeography: 3,
	addressFirst: 4,
	addressLast: 8,
	postcode: 9,
	openDate: 10,
	closeDate: 11,
	parentCode: 14,
	phone: 17
} as const;

/** Column names for messages (the file itself has none), as in the ODS documentation. */
const COLUMN_NAME: Record<number, string> = {
	0: 'Organisation Code',
	1: 'Name',
	9: 'Postcode',
	10: 'Open Date',
	11: 'Close Date',
	14: 'Parent Organisation Code'
};

/** ODS codes are 3–6 capital letters or digits (trusts R0A, providers NT4, sites NT447). */
const ODS_CODE = /^[A-Z0-9]{3,6}$/;
export const ODS_MIN_FIELDS = 20; // ODS has added flag columns over the years; 27 today

export type OdsKind = 'trusts' | 'independent-providers' | 'independent-sites';

function isOdsRecord(fields: string[]): boolean {
	return fields.length >= ODS_MIN_FIELDS && ODS_CODE.test(fields[ODS_FIELD.code]) && /^\d{8}$/.test(fields[ODS_FIELD.openDate]);
}

/**
 * Which ODS file these first bytes are, or null when they are not the layout:
 * the first line must be an ODS record; then the complete lines of the sample
 * vote. Sites when most name a parent; trusts when most names say "NHS".
 */
export function odsKind(bytes: Uint8Array): OdsKind | null {
	const text = decodeText(bytes).text;
	const cut = text.lastIndexOf('\n');
	const records = parseDelimited(cut > 0 ? text.slice(0, cut) : text, ',');
	if (records.length === 0 || !isOdsRecord(records[0].fields)) return null;
	const rows = records.filter((r) => isOdsRecord(r.fields)).map((r) => r.fields);
	const share = (test: (f: string[]) => boolean) => rows.filter(test).length / rows.length;
	if (share((f) => f[ODS_FIELD.parentCode].trim() !== '') > 0.5) return 'independent-sites';
	if (share((f) => /\bNHS\b/i.test(f[ODS_FIELD.name])) > 0.5) return 'trusts';
	return 'independent-providers';
}

/**
 * Every row of one ODS-layout file, checked and counted. Messages name the
 * file's layout as ODS does ("etr", "ephp", "ephpsite") and a row (`what`: "trust").
 */
export function readOdsRows(name: string, bytes: Uint8Array, dataset: DatasetId, layout: string, what: string): ReadResult<OdsRow> {
	const { records } = readRecords(name, bytes, { separator: ',' });
	if (records[0].fields.length < ODS_MIN_FIELDS) {
		throw new ReadError(name, records[0].line, null, `expected the ODS ${layout} layout (at least ${ODS_MIN_FIELDS} fields, no header) but the first line has ${records[0].fields.length}.`);
	}
	if (!ODS_CODE.test(records[0].fields[ODS_FIELD.code])) {
		throw new ReadError(name, records[0].line, COLUMN_NAME[0], `"${records[0].fields[0]}" is not an ODS code; is this a header row or another file?`);
	}
	const report = new ReportBuilder(name, dataset, bytes);
	const rows: OdsRow[] = [];
	const seen = new Set<string>();

	for (const { line, fields } of records) {
		const get = (i: number) => (fields[i] ?? '').trim();
		const reject = (i: number | null, message: string) => report.reject(line, i === null ? null : COLUMN_NAME[i] ?? `field ${i + 1}`, message);
		if (fields.length < ODS_MIN_FIELDS) {
			reject(null, `has ${fields.length} fields; the ${layout} layout has at least ${ODS_MIN_FIELDS}.`);
			continue;
		}
		const code = get(ODS_FIELD.code);
		if (!ODS_CODE.test(code)) {
			reject(ODS_FIELD.code, `"${code}" is not an ODS code (3–6 capital letters or digits).`);
			continue;
		}
		if (seen.has(code)) {
			reject(ODS_FIELD.code, `${code} appears twice; the first was kept.`);
			continue;
		}
		const openDate = isoDateFromCompact(get(ODS_FIELD.openDate));
		if (!openDate) {
			reject(ODS_FIELD.openDate, `"${get(ODS_FIELD.openDate)}" is not a date like 20171001.`);
			continue;
		}
		const rawClose = get(ODS_FIELD.closeDate);
		const closeDate = rawClose === '' ? null : isoDateFromCompact(rawClose);
		if (rawClose !== '' && !closeDate) {
			reject(ODS_FIELD.closeDate, `"${rawClose}" is not a date like 20240930.`);
			continue;
		}
		const parent = get(ODS_FIELD.parentCode);
		if (parent !== '' && !ODS_CODE.test(parent)) {
			reject(ODS_FIELD.parentCode, `"${parent}" is not an ODS code (3–6 capital letters or digits).`);
			continue;
		}
		const address: string[] = [];
		for (let i = ODS_FIELD.addressFirst; i <= ODS_FIELD.addressLast; i++) if (get(i)) address.push(get(i));
		if (!get(ODS_FIELD.name)) report.issue(line, COLUMN_NAME[1], `${code} has no name.`);
		seen.add(code);
		rows.push({
			code,
			name: get(ODS_FIELD.name),
			nationalGrouping: get(ODS_FIELD.nationalGrouping),
			healthGeography: get(ODS_FIELD.healthGeography),
			address: address.join(', '),
			postcode: get(ODS_FIELD.postcode),
			openDate,
			closeDate,
			parentCode: parent || null,
			phone: get(ODS_FIELD.phone) || null
		});
		report.accept();
	}
	const closed = rows.filter((r) => r.closeDate).length;
	if (closed > 0) report.note(`${closed} ${what}s have a close date and are kept, so older data can still name them.`);
	return { rows, report: report.finish(null) };
}
