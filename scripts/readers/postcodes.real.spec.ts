/** Real postcode tables and the Code-Point zip, against the README's counts and check points. */
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postcodeDistrictsReader, postcodeOutcodesReader, postcodeSectorsReader, readPostcodePoints } from './postcodes.ts';
import { readCodePointZip } from './codepoint.ts';
import { gridToWgs84 } from '../../src/lib/geo/osgb.ts';
import type { Reader, ReadResult } from './types.ts';
import { centroidCode, type PostcodeCentroidRow } from './centroids.ts';
import { SHARED_DATA, hasSharedData, sharedFile } from './test-support.ts';

const read = (reader: Reader<PostcodeCentroidRow>, file: string) => {
	const bytes = sharedFile(file);
	expect(reader.recognise({ name: file, bytes: bytes.subarray(0, 65536) })).toBe(true);
	return reader.read(file, bytes) as ReadResult<PostcodeCentroidRow>;
};

describe.skipIf(!hasSharedData)('postcode readers on the real files', () => {
	const tables = [
		{ reader: postcodeSectorsReader, file: 'geo/postcode_sectors_gb_derived_cpo2014.csv.gz', rows: 10820 },
		{ reader: postcodeDistrictsReader, file: 'geo/postcode_districts_gb_derived_cpo2014.csv.gz', rows: 2880 },
		// The README prose says 2,972; MANIFEST.csv and the file (ids 1–2973, all distinct) say 2,973.
		{ reader: postcodeOutcodesReader, file: 'geo/postcode-outcodes.csv', rows: 2973 }
	];
	it.each(tables)('$file: $rows rows, none rejected', ({ reader, file, rows }) => {
		const { report } = read(reader, file);
		expect(report).toMatchObject({ rowsRead: rows, rowsAccepted: rows, rowsRejected: 0 });
	});

	it('the sector file has B15 2 where the README says', () => {
		const { rows } = read(postcodeSectorsReader, 'geo/postcode_sectors_gb_derived_cpo2014.csv.gz');
		expect(rows.find((r) => r.level === 'sector' && r.sector === 'B15 2')).toEqual({ level: 'sector', sector: 'B15 2', lat: 52.46301, lon: -1.91858, postcodes: 219 });
	});

	it('the converted postcode list aggregates to the same sectors and districts', () => {
		const { sectors, districts, report } = readPostcodePoints('geo/postcodes_gb_wgs84_derived_cpo2014.csv.gz', sharedFile('geo/postcodes_gb_wgs84_derived_cpo2014.csv.gz'));
		expect(report).toMatchObject({ rowsRead: 1684685, rowsRejected: 0 });
		expect(sectors.size).toBe(10820);
		expect(districts.size).toBe(2880);
		const b152 = sectors.get('B15 2')!;
		expect(b152.postcodes).toBe(219);
		expect(Math.abs(b152.lat - 52.46301)).toBeLessThan(0.0001);
		expect(Math.abs(b152.lon - -1.91858)).toBeLessThan(0.0001);
	});

	it('reads codepo_gb.zip into the README sector table', async () => {
		const { sectors, districts, report } = await readCodePointZip(resolve(SHARED_DATA, 'geo/codepo_gb.zip'));
		// 84 postcodes have positional quality 90 (no coordinates): accepted, left out of the centroids.
		expect(report).toMatchObject({ rowsRead: 1684769, rowsAccepted: 1684769, rowsRejected: 0 });
		expect(report.note).toContain('84 postcodes without usable coordinates');
		expect(sectors.size).toBe(10820);
		expect(districts.size).toBe(2880);
		const b152 = sectors.get('B15 2')!;
		expect(b152.postcodes).toBe(219);
		expect(Math.abs(b152.lat - 52.46301)).toBeLessThan(0.0001);
		expect(Math.abs(b152.lon - -1.91858)).toBeLessThan(0.0001);
		// Every sector centroid agrees with the published derived table to its 5 decimals.
		const { rows } = read(postcodeSectorsReader, 'geo/postcode_sectors_gb_derived_cpo2014.csv.gz');
		const worst = Math.max(...rows.map((r) => Math.max(Math.abs(sectors.get(centroidCode(r))!.lat - r.lat), Math.abs(sectors.get(centroidCode(r))!.lon - r.lon))));
		expect(worst).toBeLessThan(0.0001);
	});

	// The README's check points, with eastings/northings looked up in the real zip at test time.
	const points = [
		{ postcode: 'SW1A 1AA', member: 'sw.csv', lat: 51.501009, lon: -0.141588 },
		{ postcode: 'B15 2TH', member: 'b.csv', lat: 52.453272, lon: -1.936283 }
	];
	it.each(points)('$postcode converts to $lat, $lon', ({ postcode, member, lat, lon }) => {
		const zip = new Uint8Array(readFileSync(resolve(SHARED_DATA, 'geo/codepo_gb.zip')));
		const name = `codepo_gb/Data/CSV/${member}`;
		const text = new TextDecoder().decode(unzipSync(zip, { filter: (f) => f.name === name })[name]);
		const fixed = postcode.replace(' ', ' '.repeat(8 - postcode.length));
		const row = text.split('\n').find((l) => l.startsWith(`"${fixed}"`))!;
		const [, , e, n] = row.split(',');
		const p = gridToWgs84(Number(e), Number(n));
		expect(Math.abs(p.lat - lat)).toBeLessThan(0.000002);
		expect(Math.abs(p.lon - lon)).toBeLessThan(0.000002);
	});
});
