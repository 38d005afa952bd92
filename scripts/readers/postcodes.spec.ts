import { describe, expect, it } from 'vitest';
import { postcodeDistrictsReader, postcodeOutcodesReader, postcodePointsReader, postcodeSectorsReader, readPostcodePoints } from './postcodes.ts';
import { ReadError, type Reader, type ReadResult } from './types.ts';
import { centroidCode, type PostcodeCentroidRow } from './centroids.ts';
import { fixtureText, utf8, windows1252, withBom, withCrlf } from './test-support.ts';

const read = (reader: Reader<PostcodeCentroidRow>, bytes: Uint8Array) => reader.read('table.csv', bytes) as ReadResult<PostcodeCentroidRow>;

const tables = [
	{ what: 'sectors', reader: postcodeSectorsReader, text: fixtureText('postcode-sectors.csv'), dataset: 'postcode-sectors', first: { level: 'sector', sector: 'ZZ1 1', lat: 52.658, lon: 1.71606, postcodes: 2 }, count: 3, codeColumn: 'sector', latColumn: 'latitude', numberColumn: 'postcodes', numberCell: ',2\n' },
	{ what: 'districts', reader: postcodeDistrictsReader, text: fixtureText('postcode-districts.csv'), dataset: 'postcode-districts', first: { level: 'district', district: 'ZZ1', lat: 52.65747, lon: 1.71401, postcodes: 3 }, count: 2, codeColumn: 'district', latColumn: 'latitude', numberColumn: 'postcodes', numberCell: ',3\n' },
	{ what: 'outcodes (trailing empty column)', reader: postcodeOutcodesReader, text: fixtureText('postcode-outcodes.csv'), dataset: 'postcode-outcodes', first: { level: 'district', district: 'ZZ1', lat: 52.6571, lon: 1.714, postcodes: null }, count: 3, codeColumn: 'outcode', latColumn: 'latitude', numberColumn: 'latitude', numberCell: ',52.6571,' }
] as const;

describe.each(tables)('centroid table reader: $what', ({ reader, text, dataset, first, count, codeColumn, latColumn, numberColumn, numberCell }) => {
	const variants = [
		{ how: 'UTF-8', bytes: utf8(text) },
		{ how: 'with BOM', bytes: withBom(text) },
		{ how: 'CRLF', bytes: utf8(withCrlf(text)) },
		{ how: 'Windows-1252', bytes: windows1252(text) }
	];
	it.each(variants)('reads every row: $how', ({ bytes }) => {
		const { rows, report } = read(reader, bytes);
		expect(rows[0]).toEqual(first);
		expect(report).toMatchObject({ dataset, rowsRead: count, rowsAccepted: count, rowsRejected: 0, issues: [] });
	});

	const bad = [
		{ how: 'text in a number column', edit: (s: string) => s.replace(numberCell, numberCell.replace(/[\d.]+/, 'many')), column: numberColumn, message: '"many" is not a number' },
		{ how: 'a negative number', edit: (s: string) => s.replace(numberCell, numberCell.replace(/[\d.]+/, '-7')), column: numberColumn, message: numberColumn === 'postcodes' ? 'negative' : 'outside' },
		{ how: 'a latitude off the map', edit: (s: string) => s.replace('52.65', '12.65'), column: latColumn, message: 'outside 49 to 61' },
		{ how: 'a code of the wrong shape', edit: (s: string) => s.replace(('sector' in first ? first.sector : first.district) + ',', 'NOT A CODE,'), column: codeColumn, message: 'is not a postcode' }
	];
	it.each(bad)('rejects $how on line 2', ({ edit, column, message }) => {
		const { rows, report } = read(reader, utf8(edit(text)));
		expect(rows).toHaveLength(count - 1);
		expect(report).toMatchObject({ rowsRead: count, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'table.csv', line: 2, column });
		expect(report.issues[0].message).toContain(message);
	});

	it('refuses another header, naming the column', () => {
		expect(() => read(reader, utf8(text.replace('latitude', 'lat')))).toThrow(ReadError);
		expect(() => read(reader, utf8(text.replace('latitude', 'lat')))).toThrow(/line 1, column "latitude"/);
	});

	it('recognises its own header only', () => {
		expect(reader.recognise({ name: 'x', bytes: withBom(text) })).toBe(true);
		for (const other of tables.filter((t) => t.reader !== reader)) {
			expect(reader.recognise({ name: 'x', bytes: utf8(other.text) })).toBe(false);
		}
	});
});

describe('readPostcodePoints (every postcode, averaged as it is read)', () => {
	const text = fixtureText('postcode-points.csv');
	const variants = [
		{ how: 'UTF-8', bytes: utf8(text) },
		{ how: 'with BOM', bytes: withBom(text) },
		{ how: 'CRLF', bytes: utf8(withCrlf(text)) }
	];
	it.each(variants)('averages to sectors and districts: $how', ({ bytes }) => {
		const { sectors, districts, report } = readPostcodePoints('points.csv', bytes);
		expect(report).toMatchObject({ dataset: 'postcodes-codepoint', rowsRead: 4, rowsAccepted: 4, rowsRejected: 0 });
		expect([...sectors.keys()]).toEqual(['ZZ1 1', 'ZZ1 2', 'ZZ10 1']);
		expect(sectors.get('ZZ1 1')!.lat).toBeCloseTo(52.6581, 9);
		expect(sectors.get('ZZ1 1')!.postcodes).toBe(2);
		expect(districts.get('ZZ1')!.postcodes).toBe(3);
		expect(districts.get('ZZ10')).toEqual({ lat: 50.7965, lon: -1.9999, postcodes: 1 });
	});

	const bad = [
		{ how: 'text as latitude', edit: (s: string) => s.replace('52.658000', 'north'), line: 2, column: 'latitude' },
		{ how: 'a negative latitude', edit: (s: string) => s.replace('52.658200', '-52.658200'), line: 3, column: 'latitude' },
		{ how: 'a broken postcode', edit: (s: string) => s.replace('ZZ1 2AA', 'ZZ'), line: 4, column: 'postcode' }
	];
	it.each(bad)('rejects $how', ({ edit, line, column }) => {
		const { report } = readPostcodePoints('points.csv', utf8(edit(text)));
		expect(report).toMatchObject({ rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'points.csv', line, column });
	});

	it('gives sector then district rows through the Reader interface', () => {
		const { rows } = read(postcodePointsReader, utf8(text));
		expect(rows.map((r) => `${r.level}:${centroidCode(r)}`)).toEqual(['sector:ZZ1 1', 'sector:ZZ1 2', 'sector:ZZ10 1', 'district:ZZ1', 'district:ZZ10']);
		expect(postcodePointsReader.recognise({ name: 'x', bytes: utf8(text) })).toBe(true);
	});
});
