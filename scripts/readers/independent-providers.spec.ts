import { describe, expect, it } from 'vitest';
import { independentProvidersReader, independentSitesReader, type IndependentRow } from './independent-providers.ts';
import { NON_RTT_READERS, recogniseFile } from './index.ts';
import { odsKind } from './ods-layout.ts';
import { fixture, utf8, withBom, withCrlf } from './test-support.ts';
import type { ReadResult } from './types.ts';
import { odsFile } from '../sample/ods.ts';

// Generated in ODS's documented headerless layout: the real ephp/ephpsite files are not in the shared data.
const providers = odsFile([
	{ code: 'ZX1', name: 'EXAMPLE HEALTHCARE LIMITED', address: ['1 PRETEND ROAD', 'SAMPLETOWN'], postcode: 'ZZ1 1ZZ', phone: '0100 000000' },
	{ code: 'ZX2', name: 'FICTIONAL CLINICS LTD', postcode: 'ZZ2 2ZZ', closeDate: '20240331' }
]);
const sites = odsFile([
	{ code: 'ZX101', name: 'EXAMPLE HOSPITAL SAMPLETOWN', postcode: 'ZZ1 2ZZ', parentCode: 'ZX1' },
	{ code: 'ZX102', name: 'EXAMPLE CLINIC TESTBURY', postcode: '', parentCode: 'ZX1' }
]);

describe('ODS file kind, read from the rows', () => {
	const cases: [string, string, string | null][] = [
		['etr (names say NHS)', new TextDecoder().decode(fixture('etr-good.csv')), 'trusts'],
		['ephp (no parent, no NHS)', providers, 'independent-providers'],
		['ephpsite (rows name a parent)', sites, 'independent-sites'],
		['a header row', '"Code","Name"' + ',"x"'.repeat(25) + '\n', null]
	];
	for (const [name, text, kind] of cases) it(name, () => expect(odsKind(utf8(text))).toBe(kind));

	it.each([
		['ephp', providers, 'independent-providers'],
		['ephpsite', sites, 'independent-sites']
	])('%s is claimed by exactly one reader', (_, text, dataset) => {
		for (const bytes of [utf8(text), withBom(text), utf8(withCrlf(text))]) {
			const sample = { name: 'etr.csv', bytes };
			expect(recogniseFile(sample)?.dataset).toBe(dataset);
			expect(NON_RTT_READERS.filter((r) => r.recognise(sample))).toHaveLength(1);
		}
	});
});

describe('independent providers and sites', () => {
	it('reads providers with address, postcode, phone; closed ones kept', () => {
		const { rows, report } = independentProvidersReader.read('ephp.csv', utf8(providers)) as ReadResult<IndependentRow>;
		expect(report).toMatchObject({ dataset: 'independent-providers', rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
		expect(rows[0]).toEqual({
			code: 'ZX1', name: 'EXAMPLE HEALTHCARE LIMITED', nationalGrouping: 'Y63', healthGeography: 'QWO',
			address: '1 PRETEND ROAD, SAMPLETOWN', postcode: 'ZZ1 1ZZ', openDate: '2010-04-01', closeDate: null, parentCode: null, phone: '0100 000000'
		});
		expect(rows[1].closeDate).toBe('2024-03-31');
	});

	it('reads sites with their parent provider', () => {
		const { rows, report } = independentSitesReader.read('ephpsite.csv', utf8(sites)) as ReadResult<IndependentRow>;
		expect(report).toMatchObject({ dataset: 'independent-sites', rowsRead: 2, rowsAccepted: 2 });
		expect(rows.map((r) => [r.code, r.parentCode, r.postcode])).toEqual([['ZX101', 'ZX1', 'ZZ1 2ZZ'], ['ZX102', 'ZX1', '']]);
	});

	it('rejects a parent that is not an ODS code, naming line and column', () => {
		const { report } = independentSitesReader.read('ephpsite.csv', utf8(sites.replace('"ZX1","20100401"', '"zx 1","20100401"'))) as ReadResult<IndependentRow>;
		expect(report).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'ephpsite.csv', line: 1, column: 'Parent Organisation Code' });
	});
});
