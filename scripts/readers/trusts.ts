/**
 * ODS "etr" extract: every NHS trust in England, one quoted CSV line each, no header.
 * We need the code (it matches `Provider Org Code` in RTT), the name, and the
 * headquarters address/postcode, used to place a trust when no hospital site is known.
 */
import { ReadError, type Reader, type ReadResult } from './types.ts';
import { firstLine, isoDateFromCompact, parseDelimited, readRecords, ReportBuilder } from './text.ts';

export interface TrustRow {
	code: string;
	name: string;
	nationalGrouping: string;
	healthGeography: string;
	/** Non-empty address lines 1–5, joined with ", ", as published (capitals). */
	address: string;
	postcode: string;
	openDate: string; // 'YYYY-MM-DD'
	closeDate: string | null; // null while the trust is open
}

/** The ODS etr layout has no header row; these are the fields we use, by position. */
const FIELD = {
	code: 0,
	name: 1,
	nationalGrouping: 2,
	healthGeography: 3,
	addressFirst: 4,
	addressLast: 8,
	postcode: 9,
	openDate: 10,
	closeDate: 11
} as const;

/** Column names for messages (the file itself has none), as in the ODS documentation. */
const COLUMN_NAME: Record<number, string> = {
	0: 'Organisation Code',
	1: 'Name',
	9: 'Postcode',
	10: 'Open Date',
	11: 'Close Date'
};

/** Trust codes are three characters (R0A, RRK); ODS codes in general are 3–6 letters/digits. */
const ODS_CODE = /^[A-Z0-9]{3,6}$/;
const MIN_FIELDS = 20; // ODS has added flag columns over the years; 27 today

function recogniseLine(line: string): boolean {
	const [record] = parseDelimited(line, ',');
	if (!record || record.fields.length < MIN_FIELDS) return false;
	const f = record.fields;
	return ODS_CODE.test(f[FIELD.code]) && /^\d{8}$/.test(f[FIELD.openDate]);
}

function read(name: string, bytes: Uint8Array): ReadResult<TrustRow> {
	const { records } = readRecords(name, bytes, { separator: ',' });
	if (records[0].fields.length < MIN_FIELDS) {
		throw new ReadError(name, records[0].line, null, `expected the ODS etr layout (at least ${MIN_FIELDS} fields, no header) but the first line has ${records[0].fields.length}.`);
	}
	if (!ODS_CODE.test(records[0].fields[FIELD.code])) {
		throw new ReadError(name, records[0].line, COLUMN_NAME[0], `"${records[0].fields[0]}" is not an ODS code; is this a header row or another file?`);
	}
	const report = new ReportBuilder(name, 'trusts', bytes);
	const rows: TrustRow[] = [];
	const seen = new Set<string>();

	for (const { line, fields } of records) {
		const get = (i: number) => (fields[i] ?? '').trim();
		const reject = (i: number | null, message: string) => report.reject(line, i === null ? null : COLUMN_NAME[i] ?? `field ${i + 1}`, message);
		if (fields.length < MIN_FIELDS) {
			reject(null, `has ${fields.length} fields; the etr layout has at least ${MIN_FIELDS}.`);
			continue;
		}
		const code = get(FIELD.code);
		if (!ODS_CODE.test(code)) {
			reject(FIELD.code, `"${code}" is not an ODS code (3–6 capital letters or digits).`);
			continue;
		}
		if (seen.has(code)) {
			reject(FIELD.code, `${code} appears twice; the first was kept.`);
			continue;
		}
		const openDate = isoDateFromCompact(get(FIELD.openDate));
		if (!openDate) {
			reject(FIELD.openDate, `"${get(FIELD.openDate)}" is not a date like 20171001.`);
			continue;
		}
		const rawClose = get(FIELD.closeDate);
		const closeDate = rawClose === '' ? null : isoDateFromCompact(rawClose);
		if (rawClose !== '' && !closeDate) {
			reject(FIELD.closeDate, `"${rawClose}" is not a date like 20240930.`);
			continue;
		}
		const address: string[] = [];
		for (let i = FIELD.addressFirst; i <= FIELD.addressLast; i++) if (get(i)) address.push(get(i));
		if (!get(FIELD.name)) report.issue(line, COLUMN_NAME[1], `${code} has no name.`);
		seen.add(code);
		rows.push({
			code,
			name: get(FIELD.name),
			nationalGrouping: get(FIELD.nationalGrouping),
			healthGeography: get(FIELD.healthGeography),
			address: address.join(', '),
			postcode: get(FIELD.postcode),
			openDate,
			closeDate
		});
		report.accept();
	}
	const closed = rows.filter((r) => r.closeDate).length;
	if (closed > 0) report.note(`${closed} trusts have a close date and are kept, so older data can still name them.`);
	return { rows, report: report.finish(null) };
}

export const trustsReader: Reader<TrustRow> = {
	dataset: 'trusts',
	recognise: (sample) => recogniseLine(firstLine(sample.bytes)),
	read
};
