import { describe, expect, it } from 'vitest';
import { hospitalSitesReader, type HospitalSiteRow } from './hospital-sites.ts';
import { ReadError, type ReadResult } from './types.ts';
import { fixture, fixtureText, utf8, withBom } from './test-support.ts';

const read = (bytes: Uint8Array) => hospitalSitesReader.read('sites.csv', bytes) as ReadResult<HospitalSiteRow>;
const text2023 = fixtureText('hospital-sites-2023.csv');
const crlf2020 = Uint8Array.from([...fixture('hospital-sites-2020.csv')].flatMap((b) => (b === 0x0a ? [0x0d, 0x0a] : [b])));

describe('hospitalSitesReader.read', () => {
	const vintages = [
		{ what: '2018: ¬, Latin-1, no quoting', bytes: fixture('hospital-sites-2018.csv'), sep: '¬', stMarys: "St Mary's Community Hospital", clinic: 'Clinique Démo' },
		{ what: '2020: ~, Windows-1252', bytes: fixture('hospital-sites-2020.csv'), sep: '~', stMarys: 'St Mary’s Community Hospital', clinic: 'Clinique Démo' },
		{ what: '2020 with CRLF', bytes: crlf2020, sep: '~', stMarys: 'St Mary’s Community Hospital', clinic: 'Clinique Démo' },
		{ what: '2023: comma, UTF-8, index column, "Fax,,,"', bytes: fixture('hospital-sites-2023.csv'), sep: ',', stMarys: 'St Mary’s Community Hospital', clinic: 'Clinique Démo' },
		{ what: '2023 with BOM', bytes: withBom(text2023), sep: ',', stMarys: 'St Mary’s Community Hospital', clinic: 'Clinique Démo' }
	];
	it.each(vintages)('$what', ({ bytes, sep, stMarys, clinic }) => {
		const { rows, report } = read(bytes);
		expect(report).toMatchObject({ dataset: 'hospital-sites', rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
		expect(report.note).toContain(`Separator "${sep}"`);
		expect(report.note).toContain('1 sites kept without coordinates');
		expect(rows[0]).toEqual({
			code: 'ZZA01',
			name: 'Example General Hospital',
			sector: 'nhs',
			status: 'Visible',
			address: 'Pretend Road, Sampletown, Testshire',
			postcode: 'ZZ1 1ZZ',
			lat: 52.5,
			lon: -1.9,
			parentCode: 'ZZA',
			parentName: 'Example Teaching Hospitals NHS Trust',
			phone: '0100 000001',
			email: null,
			website: 'http://example.invalid'
		});
		expect(rows[1]).toMatchObject({ name: clinic, sector: 'independent', lat: 51.25, lon: 0.5, email: 'info@example.invalid' });
		// Kept without coordinates, and the issue says so with line and column.
		expect(rows[2]).toMatchObject({ name: stMarys, lat: null, lon: null });
		expect(report.issues).toEqual([{ file: 'sites.csv', line: 4, column: 'Latitude', message: expect.stringContaining('has no coordinates') }]);
	});

	const rejected = [
		{ what: 'text in Latitude', edit: (s: string) => s.replace(',52.5,', ',north,'), column: 'Latitude', message: '"north" is not a number' },
		{ what: 'a negative latitude', edit: (s: string) => s.replace(',52.5,', ',-52.5,'), column: 'Latitude', message: 'outside 49 to 61' },
		{ what: 'a longitude off the map', edit: (s: string) => s.replace(',-1.9,', ',-19,'), column: 'Longitude', message: 'outside' },
		{ what: 'an unknown sector', edit: (s: string) => s.replace('True,Example', 'True,Example').replace(',NHS Sector,Visible,True,Example', ',Charity,Visible,True,Example'), column: 'Sector', message: '"Charity"' },
		{ what: 'a shifted row', edit: (s: string) => s.replace(',Pretend Road,', ',Pretend,Road,'), column: null, message: 'has 24 fields' }
	];
	it.each(rejected)('rejects $what on line 2', ({ edit, column, message }) => {
		const { rows, report } = read(utf8(edit(text2023)));
		expect(rows.map((r) => r.code)).toEqual(['ZZX01', 'ZZA02']);
		expect(report).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'sites.csv', line: 2, column });
		expect(report.issues[0].message).toContain(message);
	});

	it('refuses a file whose header is not the hospital list, naming the column', () => {
		expect(() => read(utf8(text2023.replace('ParentODSCode', 'ParentCode')))).toThrow(ReadError);
		expect(() => read(utf8(text2023.replace('ParentODSCode', 'ParentCode')))).toThrow(/line 1, column "ParentODSCode"/);
	});
});

describe('hospitalSitesReader.recognise', () => {
	const cases = [
		{ what: '2018', bytes: fixture('hospital-sites-2018.csv'), yes: true },
		{ what: '2020', bytes: fixture('hospital-sites-2020.csv'), yes: true },
		{ what: '2023', bytes: fixture('hospital-sites-2023.csv'), yes: true },
		{ what: 'the trusts file', bytes: fixture('etr-good.csv'), yes: false },
		{ what: 'a truncated header', bytes: utf8('OrganisationID,OrganisationCode\n'), yes: false }
	];
	it.each(cases)('$what → $yes', ({ bytes, yes }) => expect(hospitalSitesReader.recognise({ name: 'x', bytes })).toBe(yes));
});
