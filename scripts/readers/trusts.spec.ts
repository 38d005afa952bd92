import { describe, expect, it } from 'vitest';
import { trustsReader, type TrustRow } from './trusts.ts';
import { ReadError, type ReadResult } from './types.ts';
import { fixtureText, utf8, windows1252, withBom, withCrlf } from './test-support.ts';

const good = fixtureText('etr-good.csv');
const read = (bytes: Uint8Array) => trustsReader.read('etr.csv', bytes) as ReadResult<TrustRow>;

describe('trustsReader.read', () => {
	const variants = [
		{ what: 'UTF-8', bytes: utf8(good) },
		{ what: 'with BOM', bytes: withBom(good) },
		{ what: 'CRLF', bytes: utf8(withCrlf(good)) },
		{ what: 'Windows-1252', bytes: windows1252(good) }
	];
	it.each(variants)('reads every trust: $what', ({ bytes }) => {
		const { rows, report } = read(bytes);
		expect(report).toMatchObject({ dataset: 'trusts', period: null, rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, issues: [] });
		expect(rows[0]).toEqual({
			code: 'ZZA',
			name: 'EXAMPLE TEACHING HOSPITALS NHS TRUST',
			nationalGrouping: 'Y99',
			healthGeography: 'Q99',
			address: 'TRUST HEADQUARTERS, 1 PRETEND ROAD, SAMPLETOWN',
			postcode: 'ZZ1 1ZZ',
			openDate: '2019-04-01',
			closeDate: null
		});
		expect(rows[1]).toMatchObject({ address: 'UNIT 2, MADE-UP PARK, LONG LANE, TESTBURY, NOWHERESHIRE', closeDate: '2024-09-30' });
		expect(rows[2].name).toBe('ST MARY’S DEMO NHS TRUST');
	});

	const bad = [
		{ what: 'text in the open date', edit: (s: string) => s.replace('"20190401"', '"soon"'), column: 'Open Date', message: '"soon" is not a date' },
		{ what: 'a negative open date', edit: (s: string) => s.replace('"20190401"', '"-20190401"'), column: 'Open Date', message: 'is not a date' },
		{ what: 'an impossible close date', edit: (s: string) => s.replace('"20240930"', '"20240931"'), column: 'Close Date', message: 'is not a date', line: 2 },
		{ what: 'a duplicate code', edit: (s: string) => s.replace('"ZZC"', '"ZZA"'), column: 'Organisation Code', message: 'appears twice', line: 3 },
		{ what: 'a short row', edit: (s: string) => s.replace(/"ZZ3 3ZZ".*\n?$/, '"ZZ3 3ZZ"\n'), column: null, message: 'fields', line: 3 }
	];
	it.each(bad)('rejects $what, naming line and column', ({ edit, column, message, line = 1 }) => {
		const { rows, report } = read(utf8(edit(good)));
		expect(rows).toHaveLength(2);
		expect(report).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'etr.csv', line, column });
		expect(report.issues[0].message).toContain(message);
	});

	const errors = [
		{ what: 'a header row', bytes: utf8('"Code","Name"' + ',"x"'.repeat(25) + '\n' + good), column: 'Organisation Code' },
		{ what: 'another layout', bytes: utf8('a,b,c\n1,2,3\n'), column: null },
		{ what: 'an empty file', bytes: utf8(''), column: null }
	];
	it.each(errors)('refuses $what', ({ bytes, column }) => {
		expect(() => read(bytes)).toThrow(ReadError);
		try {
			read(bytes);
		} catch (e) {
			expect(e).toMatchObject({ file: 'etr.csv', line: 1, column });
		}
	});
});

describe('trustsReader.recognise', () => {
	const cases = [
		{ what: 'etr line', bytes: utf8(good), yes: true },
		{ what: 'etr after a BOM', bytes: withBom(good), yes: true },
		{ what: 'a header row instead', bytes: utf8('"Code","Name"' + ',"x"'.repeat(25)), yes: false },
		{ what: 'the A&E file', bytes: utf8('Period,Org Code,Parent Org,Org name\n'), yes: false }
	];
	it.each(cases)('$what → $yes', ({ bytes, yes }) => expect(trustsReader.recognise({ name: 'x', bytes })).toBe(yes));
});
