/**
 * OS Code-Point Open (`codepo_gb.zip`): every GB postcode with a British National Grid
 * position, in 120 headerless CSVs (`codepo_gb/Data/CSV/<area>.csv`). We convert each
 * position to WGS84 and keep only sector and district centroids: that is what the site
 * ships, and 1.7 million postcodes would be too much for a browser.
 *
 * Columns: Postcode, Positional_quality_indicator, Eastings, Northings, Country_code, …
 * Postcodes are in a fixed 7-character form ("B1  1AY"). Quality 90 means "no
 * coordinates" (given as 0,0): those rows are rejected with that reason.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { gridToWgs84 } from '../../src/lib/geo/osgb.ts';
import { CentroidAccumulator, centroidRows, type PostcodeCentroidRow, type PostcodeCentroids } from './centroids.ts';
import { AdminAccumulator, codePointAdmin, type SectorAdmin } from './admin-areas.ts';
import { firstLine, ReportBuilder, tidyPostcode } from './text.ts';
import { ReadError, type Reader, type SourceReport } from './types.ts';

/** Code-Point's "no coordinates" quality code. */
const NO_COORDINATES = 90;
const COLUMNS = ['Postcode', 'Positional_quality_indicator', 'Eastings', 'Northings'] as const;
/** A data entry inside the zip, wherever the zip was unpacked and re-packed. */
const DATA_CSV = /(^|\/)Data\/CSV\/[^/]+\.csv$/i;
/** `"B1  1AY",10,406523,286448,…` */
const FIRST_ROW = /^"?[A-Z0-9 ]{5,8}"?,\d{1,2},\d+,\d+,/;
/** National Grid extent: eastings 0–700 km, northings 0–1300 km. */
const MAX_EASTING = 700000;
const MAX_NORTHING = 1300000;

export interface CodePointResult extends PostcodeCentroids {
	report: SourceReport;
	/** Each sector's council codes as Code-Point gives them (for council/postcodes/). */
	admin: Map<string, SectorAdmin>;
}

/**
 * Add one area CSV's postcodes to `acc`; returns how many had no coordinates.
 * `file` names the entry in messages. Hand-rolled splitting (no CSV library)
 * because this runs 1.7 million times.
 */
export function addCodePointCsv(text: string, file: string, acc: CentroidAccumulator, report: ReportBuilder, admin?: AdminAccumulator): number {
	let noCoordinates = 0;
	let start = 0;
	let line = 0;
	const n = text.length;
	while (start < n) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = n;
		const s = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
		start = end + 1;
		line++;
		if (s === '') continue;
		const c1 = s.indexOf(',');
		const c2 = s.indexOf(',', c1 + 1);
		const c3 = s.indexOf(',', c2 + 1);
		let c4 = s.indexOf(',', c3 + 1);
		if (c4 < 0) c4 = s.length;
		const where = (column: string | null, message: string) => report.reject(line, column, message, file);
		if (c1 < 0 || c2 < 0 || c3 < 0) {
			where(null, 'has fewer than 4 fields.');
			continue;
		}
		const postcode = tidyPostcode(s.slice(0, c1));
		if (!postcode) {
			where(COLUMNS[0], `${s.slice(0, c1)} is not a postcode.`);
			continue;
		}
		if (admin) {
			const codes = codePointAdmin(s, c4);
			if (codes) admin.add(postcode, codes.county, codes.district);
		}
		const quality = Number(s.slice(c1 + 1, c2));
		const e = Number(s.slice(c2 + 1, c3));
		const nn = Number(s.slice(c3 + 1, c4));
		// Positional quality 90 is the publisher's own code for "no coordinates": a valid
		// record, not a bad row, so it is accepted and counted in a note, not rejected.
		if (quality === NO_COORDINATES || (e === 0 && nn === 0)) {
			noCoordinates++;
			report.accept();
			continue;
		}
		if (!(e > 0 && e < MAX_EASTING)) {
			where(COLUMNS[2], `"${s.slice(c2 + 1, c3)}" is not an easting in metres (0 to ${MAX_EASTING}).`);
			continue;
		}
		if (!(nn > 0 && nn < MAX_NORTHING)) {
			where(COLUMNS[3], `"${s.slice(c3 + 1, c4)}" is not a northing in metres (0 to ${MAX_NORTHING}).`);
			continue;
		}
		const p = gridToWgs84(e, nn);
		acc.add(postcode, p.lat, p.lon);
		report.accept();
	}
	return noCoordinates;
}

/**
 * Read the whole Code-Point Open zip into sector and district centroids.
 * Entries are inflated one at a time, so memory stays near one area file (≈ 2 MB)
 * rather than the 157 MB of all of them.
 */
export async function readCodePointZip(path: string, name = basename(path)): Promise<CodePointResult> {
	const zip = new Uint8Array(await readFile(path));
	return readCodePointZipBytes(name, zip);
}

export function readCodePointZipBytes(name: string, zip: Uint8Array): CodePointResult {
	const entries: string[] = [];
	try {
		unzipSync(zip, {
			filter: (f) => {
				if (DATA_CSV.test(f.name) && !f.name.includes('__MACOSX')) entries.push(f.name);
				return false;
			}
		});
	} catch (e) {
		throw new ReadError(name, 1, null, `is not a readable zip file (${(e as Error).message}).`);
	}
	if (entries.length === 0) throw new ReadError(name, 1, null, 'holds no Data/CSV/*.csv entries; is this Code-Point Open?');
	entries.sort();
	const report = new ReportBuilder(name, 'postcodes-codepoint', zip);
	const acc = new CentroidAccumulator();
	const admin = new AdminAccumulator();
	let noCoordinates = 0;
	for (const entry of entries) {
		const bytes = unzipSync(zip, { filter: (f) => f.name === entry })[entry];
		// Code-Point is ASCII; latin1 is the fastest exact decoding of it.
		const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
		noCoordinates += addCodePointCsv(text, `${name}/${entry}`, acc, report, admin);
	}
	const result = acc.result();
	report.note(
		`${entries.length} area files; ${noCoordinates} postcodes without usable coordinates left out; ` +
			`${result.sectors.size} sectors and ${result.districts.size} districts.`
	);
	return { ...result, admin: admin.result(), report: report.finish(null) };
}

/**
 * One area CSV on its own (e.g. unpacked by hand): rows are that area's sector and district
 * centroids; `admin` on the result holds each sector's council codes.
 */
export const codePointCsvReader: Reader<PostcodeCentroidRow> = {
	dataset: 'postcodes-codepoint',
	// The first field must be a real postcode: a header like `AREACD,1,2,3,…` (ONS's
	// similar-areas files) has the same shape and must not be claimed by this reader.
	recognise: (sample) => {
		const line = firstLine(sample.bytes);
		return FIRST_ROW.test(line) && tidyPostcode(line.slice(0, line.indexOf(','))) !== null;
	},
	read(name, bytes) {
		const report = new ReportBuilder(name, 'postcodes-codepoint', bytes);
		const acc = new CentroidAccumulator();
		const admin = new AdminAccumulator();
		addCodePointCsv(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), name, acc, report, admin);
		if (report.rowsAccepted === 0) throw new ReadError(name, 1, null, 'has no postcodes with coordinates.');
		return { rows: centroidRows(acc.result()), admin: admin.result(), report: report.finish(null) };
	}
};
