/**
 * Small postcode location tables (already in latitude/longitude):
 * - our derived sector and district centroid files (`sector|district,latitude,longitude,postcodes`);
 * - `postcode-outcodes.csv` (`id,outcode,latitude,longitude,` with a trailing empty column);
 * - the converted whole-GB postcode list (`postcode,latitude,longitude`, 1.68 million rows),
 *   which is aggregated to sectors and districts as it is read rather than kept row by row.
 * The Code-Point Open zip itself is read by codepoint.ts.
 */
import type { DatasetId, Reader, ReadResult, SourceReport } from './types.ts';
import { ReadError } from './types.ts';
import { CentroidAccumulator, centroidRows, GB_LAT, GB_LON, type PostcodeCentroidRow, type PostcodeCentroids } from './centroids.ts';
import { checkHeader, decodeText, firstLine, parseCount, parseDecimal, readRecords, ReportBuilder, tidyPostcode } from './text.ts';

export type { PostcodeCentroidRow, PostcodeCentroids };
// The Code-Point zip lives in its own module; re-exported so callers find every postcode source here.
export { readCodePointZip, readCodePointZipBytes } from './codepoint.ts';

const SECTOR = /^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9]$/;
const DISTRICT = /^[A-Z]{1,2}[0-9][0-9A-Z]?$/;

interface TableLayout {
	dataset: DatasetId;
	level: PostcodeCentroidRow['level'];
	header: readonly string[];
	codeColumn: number;
	latColumn: number;
	lonColumn: number;
	countColumn: number | null;
}

const LAYOUTS = {
	sectors: { dataset: 'postcode-sectors', level: 'sector', header: ['sector', 'latitude', 'longitude', 'postcodes'], codeColumn: 0, latColumn: 1, lonColumn: 2, countColumn: 3 },
	districts: { dataset: 'postcode-districts', level: 'district', header: ['district', 'latitude', 'longitude', 'postcodes'], codeColumn: 0, latColumn: 1, lonColumn: 2, countColumn: 3 },
	outcodes: { dataset: 'postcode-outcodes', level: 'district', header: ['id', 'outcode', 'latitude', 'longitude', ''], codeColumn: 1, latColumn: 2, lonColumn: 3, countColumn: null }
} as const satisfies Record<string, TableLayout>;

function tableReader(layout: TableLayout): Reader<PostcodeCentroidRow> {
	const headerLine = layout.header.join(',');
	const shape = layout.level === 'sector' ? SECTOR : DISTRICT;
	const example = layout.level === 'sector' ? 'B15 2' : 'B15';

	function read(name: string, bytes: Uint8Array): ReadResult<PostcodeCentroidRow> {
		const { records } = readRecords(name, bytes, { separator: ',' });
		const [header, ...body] = records;
		checkHeader(name, header.fields, layout.header);
		const report = new ReportBuilder(name, layout.dataset, bytes);
		const rows: PostcodeCentroidRow[] = [];
		const seen = new Set<string>();
		for (const { line, fields } of body) {
			const column = (i: number) => layout.header[i];
			const code = (fields[layout.codeColumn] ?? '').trim().toUpperCase();
			if (!shape.test(code)) {
				report.reject(line, column(layout.codeColumn), `"${code}" is not a postcode ${layout.level} like ${example}.`);
				continue;
			}
			if (seen.has(code)) {
				report.reject(line, column(layout.codeColumn), `${code} appears twice; the first was kept.`);
				continue;
			}
			const lat = parseDecimal(fields[layout.latColumn] ?? '', GB_LAT[0], GB_LAT[1], 'a latitude in Great Britain');
			if (!lat.ok) {
				report.reject(line, column(layout.latColumn), lat.message);
				continue;
			}
			const lon = parseDecimal(fields[layout.lonColumn] ?? '', GB_LON[0], GB_LON[1], 'a longitude in Great Britain');
			if (!lon.ok) {
				report.reject(line, column(layout.lonColumn), lon.message);
				continue;
			}
			let postcodes: number | null = null;
			if (layout.countColumn !== null) {
				const n = parseCount(fields[layout.countColumn] ?? '');
				if (!n.ok || n.value === 0) {
					report.reject(line, column(layout.countColumn), n.ok ? 'is 0; a centroid needs at least one postcode.' : n.message);
					continue;
				}
				postcodes = n.value;
			}
			seen.add(code);
			const place = { lat: lat.value, lon: lon.value, postcodes };
			rows.push(layout.level === 'sector' ? { level: 'sector', sector: code, ...place } : { level: 'district', district: code, ...place });
			report.accept();
		}
		return { rows, report: report.finish(null) };
	}

	return {
		dataset: layout.dataset,
		recognise: (sample) => firstLine(sample.bytes).trim() === headerLine,
		read
	};
}

export const postcodeSectorsReader = tableReader(LAYOUTS.sectors);
export const postcodeDistrictsReader = tableReader(LAYOUTS.districts);
export const postcodeOutcodesReader = tableReader(LAYOUTS.outcodes);

// ---------------------------------------------------------------- every postcode, aggregated

const POINTS_HEADER = ['postcode', 'latitude', 'longitude'] as const;

/**
 * Read `postcode,latitude,longitude` and average into sectors and districts as we go:
 * 1.68 million rows are walked line by line without building a record per row.
 */
export function readPostcodePoints(name: string, bytes: Uint8Array): PostcodeCentroids & { report: SourceReport } {
	const { text } = decodeText(bytes);
	let start = 0;
	let line = 1;
	const nextLine = (): string | null => {
		if (start >= text.length) return null;
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		const s = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
		start = end + 1;
		return s;
	};
	const header = nextLine();
	if (header === null) throw new ReadError(name, 1, null, 'the file is empty.');
	checkHeader(name, header.split(','), POINTS_HEADER);
	const report = new ReportBuilder(name, 'postcodes-codepoint', bytes);
	const acc = new CentroidAccumulator();
	for (let s = nextLine(); s !== null; s = nextLine()) {
		line++;
		if (s === '') continue;
		const c1 = s.indexOf(',');
		const c2 = s.indexOf(',', c1 + 1);
		const postcode = tidyPostcode(c1 < 0 ? s : s.slice(0, c1));
		if (!postcode || c2 < 0) {
			report.reject(line, postcode ? null : 'postcode', postcode ? 'has fewer than 3 fields.' : `"${s.slice(0, c1)}" is not a postcode.`);
			continue;
		}
		const lat = parseDecimal(s.slice(c1 + 1, c2), GB_LAT[0], GB_LAT[1], 'a latitude in Great Britain');
		if (!lat.ok) {
			report.reject(line, 'latitude', lat.message);
			continue;
		}
		const lon = parseDecimal(s.slice(c2 + 1), GB_LON[0], GB_LON[1], 'a longitude in Great Britain');
		if (!lon.ok) {
			report.reject(line, 'longitude', lon.message);
			continue;
		}
		acc.add(postcode, lat.value, lon.value);
		report.accept();
	}
	return { ...acc.result(), report: report.finish(null) };
}

/** The Reader face of readPostcodePoints: rows are sector centroids, then district centroids. */
export const postcodePointsReader: Reader<PostcodeCentroidRow> = {
	dataset: 'postcodes-codepoint',
	recognise: (sample) => firstLine(sample.bytes).trim() === POINTS_HEADER.join(','),
	read(name, bytes) {
		const { report, ...centroids } = readPostcodePoints(name, bytes);
		return { rows: centroidRows(centroids), report };
	}
};
