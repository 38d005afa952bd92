import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { codePointCsvReader, readCodePointZipBytes } from './codepoint.ts';
import { gridToWgs84 } from '../../src/lib/geo/osgb.ts';
import { ReadError, type ReadResult } from './types.ts';
import type { PostcodeCentroidRow } from './centroids.ts';
import { fixtureText, utf8, withCrlf } from './test-support.ts';

const area = fixtureText('codepoint-zz.csv');

/** A Code-Point-shaped zip with the clutter real downloads carry. */
function zipOf(csv: string) {
	return zipSync({
		'codepo_gb/Doc/readme.txt': strToU8('not data'),
		'codepo_gb/Doc/Code-Point_Open_Column_Headers.csv': strToU8('PC,PQ,EA,NO\n'),
		'__MACOSX/codepo_gb/Data/CSV/._zz.csv': strToU8('resource fork'),
		'codepo_gb/Data/CSV/zz.csv': strToU8(csv),
		'codepo_gb/Data/CSV/yy.csv': strToU8('"YY1 1AA",10,400000,300000,"E92000001","","","","",""\n')
	});
}

describe('readCodePointZipBytes', () => {
	const variants = [
		{ how: 'LF', csv: area },
		{ how: 'CRLF (as in the real files)', csv: withCrlf(area) }
	];
	it.each(variants)('converts, skips quality 90, and averages: $how', ({ csv }) => {
		const zip = zipOf(csv);
		const { sectors, districts, report } = readCodePointZipBytes('codepo.zip', zip);
		expect(report).toMatchObject({ file: 'codepo.zip', dataset: 'postcodes-codepoint', bytes: zip.byteLength, rowsRead: 6, rowsAccepted: 6, rowsRejected: 0 });
		// Quality 90 is the publisher's code for "no coordinates": accepted, counted in the note, not in the centroids.
		expect(report.issues).toEqual([]);
		expect(report.note).toContain('2 area files; 1 postcodes without usable coordinates');
		expect([...sectors.keys()]).toEqual(['YY1 1', 'ZZ1 1', 'ZZ1 2', 'ZZ10 1']);
		const a = gridToWgs84(651410, 313177);
		const b = gridToWgs84(651430, 313197);
		expect(sectors.get('ZZ1 1')).toEqual({ lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2, postcodes: 2 });
		expect(districts.get('ZZ1')!.postcodes).toBe(3);
		expect(districts.get('ZZ10')!.postcodes).toBe(1);
	});

	const bad = [
		{ how: 'text as an easting', edit: (s: string) => s.replace(',651000,', ',east,'), column: 'Eastings', message: '"east" is not an easting' },
		{ how: 'a negative northing', edit: (s: string) => s.replace(',313000,', ',-313000,'), column: 'Northings', message: '"-313000" is not a northing' },
		{ how: 'a broken postcode', edit: (s: string) => s.replace('"ZZ1 2AA"', '"ZZ"'), column: 'Postcode', message: 'is not a postcode' }
	];
	it.each(bad)('rejects $how with the member, line and column', ({ edit, column, message }) => {
		const { report } = readCodePointZipBytes('codepo.zip', zipOf(edit(area)));
		expect(report).toMatchObject({ rowsRead: 6, rowsAccepted: 5, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'codepo.zip/codepo_gb/Data/CSV/zz.csv', line: 3, column });
		expect(report.issues[0].message).toContain(message);
	});

	const errors = [
		{ how: 'not a zip', bytes: utf8('hello') },
		{ how: 'a zip without Data/CSV', bytes: zipSync({ 'readme.txt': strToU8('x') }) }
	];
	it.each(errors)('refuses $how', ({ bytes }) => {
		expect(() => readCodePointZipBytes('x.zip', bytes)).toThrow(ReadError);
	});
});

describe('codePointCsvReader (one area file on its own)', () => {
	it('recognises a Code-Point row and not a header', () => {
		expect(codePointCsvReader.recognise({ name: 'x', bytes: utf8(area) })).toBe(true);
		expect(codePointCsvReader.recognise({ name: 'x', bytes: utf8('postcode,latitude,longitude\n') })).toBe(false);
	});
	it('reads it into centroids', () => {
		const { rows, report } = codePointCsvReader.read('zz.csv', utf8(area)) as ReadResult<PostcodeCentroidRow>;
		expect(report).toMatchObject({ rowsRead: 5, rowsAccepted: 5, rowsRejected: 0 });
		expect(rows.flatMap((r) => (r.level === 'district' ? [r.district] : []))).toEqual(['ZZ1', 'ZZ10']);
	});
});
