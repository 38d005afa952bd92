import { describe, expect, it } from 'vitest';
import { dfeCinReader, dfeCppReader, dfeWorkforceReader } from './dfe-wide.ts';
import { CSV_COUNCIL_READERS } from './index.ts';
import { utf8, withBom, withCrlf } from '../test-support.ts';

const GEO = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';
const CIN = `${GEO},category,referral_count,rereferral_count,rereferral_percent
2025,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,1000,225,22.5
2025,Reporting year,Regional,E92000001,England,E12000001,Somewhere North,,,,Referrals and Re-referrals,300,60,20
2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,902,E09000902,Riverbank,Referrals and Re-referrals,400,c,c
2024,Reporting year,Local authority,E92000001,England,E12000001,Somewhere North,901,E06000901,Hilltown,Referrals and Re-referrals,200,41,20.5
`;

describe('DfE wide readers', () => {
	it('reads England, checks regions and keeps suppressed cells as suppressed, never 0', () => {
		const { observations, councils, report } = dfeCinReader.read('c1.csv', utf8(CIN));
		expect(report).toMatchObject({ rowsRead: 4, rowsAccepted: 4, rowsRejected: 0, dataset: 'council-dfe-cin' });
		expect(observations).toEqual([
			{ measure: 'cin-rereferrals', code: 'E92000001', name: 'England', year: '2025', numerator: 225, denominator: 1000, published: 22.5, suppressed: false },
			{ measure: 'cin-rereferrals', code: 'E09000902', name: 'Riverbank', year: '2025', numerator: null, denominator: 400, published: null, suppressed: true },
			{ measure: 'cin-rereferrals', code: 'E06000901', name: 'Hilltown', year: '2024', numerator: 41, denominator: 200, published: 20.5, suppressed: false }
		]);
		// Inner/Outer London are groupings inside the London region.
		expect(councils).toEqual([
			{ code: 'E09000902', name: 'Riverbank', type: 'london', dfeCode: '902', region: 'E12000007', regionName: 'London' },
			{ code: 'E06000901', name: 'Hilltown', type: 'unitary', dfeCode: '901', region: 'E12000001', regionName: 'Somewhere North' }
		]);
	});

	const bad = [
		{ cell: ['400,c,c', '4OO,c,c'], column: 'referral_count', message: '"4OO" is not a number' },
		{ cell: ['400,c,c', '400,c,'], column: 'rereferral_percent', message: 'is empty' },
		{ cell: ['400,c,c', '400,c,120'], column: 'rereferral_percent', message: '120 is more than 100' },
		{ cell: ['E09000902,Riverbank', 'E12000007,Riverbank'], column: 'new_la_code', message: 'not an upper-tier council code' },
		{ cell: ['2025,Reporting year,Local', '2025/26,Reporting year,Local'], column: 'time_period', message: 'not a reporting year' },
		{ cell: ['Local authority,E92000001,England,E13000002', 'Ward,E92000001,England,E13000002'], column: 'geographic_level', message: 'is not National' }
	];
	it.each(bad)('rejects a bad $column cell with file, line and column', ({ cell, column, message }) => {
		const { report, observations } = dfeCinReader.read('c1.csv', utf8(CIN.replace(cell[0], cell[1])));
		expect(report).toMatchObject({ rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'c1.csv', line: 4, column });
		expect(report.issues[0].message).toContain(message);
		expect(observations.some((o) => o.code === 'E09000902')).toBe(false);
	});

	it('finds columns by name, whatever their order, with a BOM and CRLF', () => {
		const cpp = `${GEO},category,CPP_subsequent_percent,CPP_subsequent,CPP_start\n2025,Reporting year,Local authority,E92000001,England,E12000001,North,901,E06000901,Hilltown,x,25.0,50,200\n`;
		const bytes = withBom(withCrlf(cpp));
		expect(CSV_COUNCIL_READERS.filter((r) => r.recognise({ name: 'a.csv', bytes }))).toEqual([dfeCppReader]);
		expect(dfeCppReader.read('d3.csv', bytes).observations[0]).toMatchObject({ measure: 'cpp-subsequent', numerator: 50, denominator: 200, published: 25 });
	});

	it('stops a file without a needed column, naming it', () => {
		expect(() => dfeCinReader.read('c1.csv', utf8(CIN.replace('rereferral_count', 'rereferrals')))).toThrow(/c1\.csv, line 1, column "rereferral_count"/);
	});

	it('derives workforce denominators as DfE does and keeps joint services on one joint code', () => {
		const csv = `${GEO},inpost_fte,leavers_fte,turnover_rate_fte,agency_fte,agency_rate_fte,vacancy_fte,vacancy_rate_fte
2025,Reporting year,Local authority,E92000001,England,E12000004,East,940 / 941,E06000961 / E06000962,North Shire / West Shire,90.5,9.05,10,9.5,9.5,low,z
`;
		const { observations, councils } = dfeWorkforceReader.read('csww.csv', utf8(csv));
		expect(observations).toEqual([
			{ measure: 'sw-turnover', code: 'E06000961+E06000962', name: 'North Shire / West Shire', year: '2025', numerator: 9.05, denominator: 90.5, published: 10, suppressed: false },
			{ measure: 'sw-agency', code: 'E06000961+E06000962', name: 'North Shire / West Shire', year: '2025', numerator: 9.5, denominator: 100, published: 9.5, suppressed: false },
			{ measure: 'sw-vacancy', code: 'E06000961+E06000962', name: 'North Shire / West Shire', year: '2025', numerator: null, denominator: null, published: null, suppressed: true }
		]);
		expect(councils[0]).toMatchObject({ code: 'E06000961+E06000962', dfeCode: '940 / 941', type: 'unitary' });
	});
});
