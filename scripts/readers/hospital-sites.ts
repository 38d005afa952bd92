/**
 * The NHS website's hospital list: one row per hospital site, with coordinates and the
 * parent trust's ODS code (the code RTT uses). Three vintages differ only in packaging:
 * `¬`-separated Latin-1 without quoting (the publisher's own, 2018), `~`-separated
 * Windows-1252 (2020), and comma UTF-8 with an unnamed index column in front of every
 * data row and a mangled last header `"Fax,,,"` (2023). All are read the same way.
 */
import type { Reader, ReadResult } from './types.ts';
import { ReadError } from './types.ts';
import { checkHeader, decodeText, firstLine, parseDecimal, parseDelimited, ReportBuilder, sniffSeparator, tidyPostcode } from './text.ts';

export interface HospitalSiteRow {
	code: string;
	name: string;
	sector: 'nhs' | 'independent';
	status: string;
	address: string;
	postcode: string | null;
	/** Null when the publisher gave no coordinates (a handful of sites, e.g. Noble's Hospital). */
	lat: number | null;
	lon: number | null;
	parentCode: string | null;
	parentName: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
}

export const HOSPITAL_SITES_HEADER = [
	'OrganisationID', 'OrganisationCode', 'OrganisationType', 'SubType', 'Sector', 'OrganisationStatus',
	'IsPimsManaged', 'OrganisationName', 'Address1', 'Address2', 'Address3', 'City', 'County', 'Postcode',
	'Latitude', 'Longitude', 'ParentODSCode', 'ParentName', 'Phone', 'Email', 'Website', 'Fax'
] as const;

type Column = (typeof HOSPITAL_SITES_HEADER)[number];
const COL = Object.fromEntries(HOSPITAL_SITES_HEADER.map((h, i) => [h, i])) as Record<Column, number>;

const SECTORS: Record<string, HospitalSiteRow['sector']> = { 'nhs sector': 'nhs', 'independent sector': 'independent' };

/** Wide enough for Great Britain, the Isle of Man and the Channel Islands (Jersey, Scilly). */
const LAT_RANGE = [49, 61] as const;
const LON_RANGE = [-8.7, 2] as const;

/**
 * `"Fax,,,"` → `Fax`: the 2023 redistributor's spreadsheet left trailing commas in cells.
 * No-break spaces (0xA0 in the 2020 file) become plain spaces so names search and compare.
 */
const cleanCell = (s: string) => s.replace(/,+$/, '').replace(/\u00a0/g, ' ').trim();

function headerOf(line: string): { separator: string; names: string[] } | null {
	const separator = sniffSeparator(line);
	if (!separator) return null;
	const [record] = parseDelimited(line, separator, quotesFor(separator));
	return record ? { separator, names: record.fields.map(cleanCell) } : null;
}

/** The publisher's `¬` file and its `~` copy never quote; a `"` there is part of a name. */
function quotesFor(separator: string): boolean {
	return separator !== '¬' && separator !== '~';
}

function recognise(line: string): boolean {
	const header = headerOf(line);
	return !!header && HOSPITAL_SITES_HEADER.every((h, i) => header.names[i] === h);
}

function read(name: string, bytes: Uint8Array): ReadResult<HospitalSiteRow> {
	const { text, encoding } = decodeText(bytes);
	const newline = text.indexOf('\n');
	const header = headerOf(newline < 0 ? text : text.slice(0, newline).replace(/\r$/, ''));
	if (!header) throw new ReadError(name, 1, null, 'the file is empty or its first line has no separator.');
	checkHeader(name, header.names, HOSPITAL_SITES_HEADER);
	const [, ...body] = parseDelimited(text, header.separator, quotesFor(header.separator));
	const report = new ReportBuilder(name, 'hospital-sites', bytes);
	const width = HOSPITAL_SITES_HEADER.length;
	const rows: HospitalSiteRow[] = [];
	let indexed = 0;
	let withoutCoordinates = 0;
	const codes = new Map<string, number>();

	for (const { line, fields: raw } of body) {
		// 2023: an unnamed row number precedes the 22 named fields on every data row.
		// (Only in that comma file: in the ¬ and ~ files one field too many is a shifted row.)
		const fields = raw.length === width + 1 && header.separator === ',' ? raw.slice(1) : raw;
		if (fields !== raw) indexed++;
		if (fields.length !== width) {
			report.reject(line, null, `has ${raw.length} fields but the header has ${width}; a separator inside a value has probably shifted the columns.`);
			continue;
		}
		const get = (c: Column) => cleanCell(fields[COL[c]]);
		const orNull = (c: Column) => get(c) || null;

		const code = get('OrganisationCode');
		if (!code) {
			report.reject(line, 'OrganisationCode', 'is empty; every site needs its ODS code.');
			continue;
		}
		const sector = SECTORS[get('Sector').toLowerCase()];
		if (!sector) {
			report.reject(line, 'Sector', `"${get('Sector')}" is neither "NHS Sector" nor "Independent Sector".`);
			continue;
		}
		let lat: number | null = null;
		let lon: number | null = null;
		if (get('Latitude') === '' && get('Longitude') === '') {
			// Keep the site: its name, phone and parent trust are still worth having,
			// and the map can fall back to the trust's headquarters postcode.
			withoutCoordinates++;
			report.issue(line, 'Latitude', `${code} (${get('OrganisationName')}) has no coordinates; kept, but it cannot be placed on the map by itself.`);
		} else {
			// Text or an impossible value here usually means the row is garbled,
			// so nothing else on it can be trusted either: reject it.
			const la = parseDecimal(get('Latitude'), LAT_RANGE[0], LAT_RANGE[1], 'a latitude in Great Britain');
			if (!la.ok) {
				report.reject(line, 'Latitude', la.message);
				continue;
			}
			const lo = parseDecimal(get('Longitude'), LON_RANGE[0], LON_RANGE[1], 'a longitude in Great Britain');
			if (!lo.ok) {
				report.reject(line, 'Longitude', lo.message);
				continue;
			}
			lat = la.value;
			lon = lo.value;
		}
		const address = (['Address1', 'Address2', 'Address3', 'City', 'County'] as const).map(get).filter(Boolean);
		codes.set(code, (codes.get(code) ?? 0) + 1);
		rows.push({
			code,
			name: get('OrganisationName'),
			sector,
			status: get('OrganisationStatus'),
			address: [...new Set(address)].join(', '),
			postcode: tidyPostcode(get('Postcode')) ?? orNull('Postcode'),
			lat,
			lon,
			parentCode: orNull('ParentODSCode'),
			parentName: orNull('ParentName'),
			phone: orNull('Phone'),
			email: orNull('Email'),
			website: orNull('Website')
		});
		report.accept();
	}

	const notes = [`Separator "${header.separator}", ${encoding}.`];
	if (indexed > 0) notes.push(`${indexed} rows had an unnamed index column first; it was dropped.`);
	if (withoutCoordinates > 0) notes.push(`${withoutCoordinates} sites kept without coordinates.`);
	const repeated = [...codes].filter(([, n]) => n > 1).map(([c]) => c);
	if (repeated.length > 0) notes.push(`${repeated.length} site codes occur more than once (e.g. ${repeated.slice(0, 3).join(', ')}); all rows kept.`);
	notes.forEach((n) => report.note(n));
	return { rows, report: report.finish(null) };
}

export const hospitalSitesReader: Reader<HospitalSiteRow> = {
	dataset: 'hospital-sites',
	recognise: (sample) => recognise(firstLine(sample.bytes)),
	read
};
