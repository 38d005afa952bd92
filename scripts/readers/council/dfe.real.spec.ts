/**
 * The DfE files as published: every rate we compute from numerator and denominator
 * matches the file's own percentage to 0.1 points (or half the last digit the file
 * prints, for whole-number percentages), with the few exceptions listed and explained.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COUNCIL_READERS } from './index.ts';
import type { CouncilReadResult } from './types.ts';
import { hasSharedData, sharedFile } from '../test-support.ts';

const DIR = 'council/childrens-services';
const FILES = [
	{ file: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', dataset: 'council-dfe-cin', rows: 2132, decimals: 1 },
	{ file: 'd3_cpps_subsequent_plan_2013_to_2025.csv', dataset: 'council-dfe-cpp', rows: 2132, decimals: 1 },
	{ file: 'csww_indicators_2017_to_2025.csv', dataset: 'council-dfe-workforce', rows: 1463, decimals: 1 },
	{ file: 'la_cla_placement_stability.csv', dataset: 'council-dfe-cla', rows: 5010, decimals: 0 }
];

/**
 * Where DfE computed its percentage from figures it did not publish: England's CPP counts
 * are rounded to the nearest 10 and council FTEs to 0.1, so these rates sit just over
 * 0.1 points from ours; England's 2024 turnover (13.9 published, 13.8 from the row's FTEs)
 * and agency rate (16.2 against 16.0) were published on a base the row does not show.
 * Our value stays the one computed from the row; `published` keeps DfE's figure beside it.
 */
const KNOWN_EXCEPTIONS = [
	'cpp-subsequent E92000001 2022',
	'sw-agency E92000001 2024',
	'sw-turnover E06000036 2022',
	'sw-turnover E06000046 2018',
	'sw-turnover E92000001 2024'
];

function read(file: string): CouncilReadResult {
	const bytes = sharedFile(`${DIR}/${file}`);
	const reader = CSV_COUNCIL_READERS.find((r) => r.recognise({ name: file, bytes: bytes.subarray(0, 65536) }));
	if (!reader) throw new Error(`no reader for ${file}`);
	return reader.read(`${DIR}/${file}`, bytes);
}

describe.skipIf(!hasSharedData)('DfE children’s services files', () => {
	const results = FILES.map((f) => ({ ...f, result: read(f.file) }));
	const exceptions: string[] = [];
	let compared = 0;

	it.each(FILES)('$file: every row read and accepted', ({ file, dataset, rows }) => {
		const { report } = results.find((r) => r.file === file)!.result;
		expect(report).toMatchObject({ dataset, rowsRead: rows, rowsAccepted: rows, rowsRejected: 0 });
	});

	it('computed rates equal the published percentages', () => {
		for (const { result, decimals } of results) {
			const tolerance = Math.max(0.1, 0.5 * 10 ** -decimals) + 1e-9;
			for (const o of result.observations) {
				if (o.suppressed || o.numerator === null || !o.denominator || o.published === null) continue;
				compared++;
				if (Math.abs((100 * o.numerator) / o.denominator - o.published) > tolerance) exceptions.push(`${o.measure} ${o.code} ${o.year}`);
			}
		}
		expect(compared).toBeGreaterThan(8500);
		expect(exceptions.sort()).toEqual(KNOWN_EXCEPTIONS);
	});

	it('England is the national row, one per measure and year', () => {
		const cin = results[0].result.observations.filter((o) => o.code === 'E92000001');
		expect(cin).toHaveLength(13);
		expect(cin.find((o) => o.year === '2025')).toMatchObject({ numerator: 142900, denominator: 632830, published: 22.6 });
		const cla = results[3].result.observations.find((o) => o.code === 'E92000001' && o.year === '2025');
		expect(cla).toMatchObject({ numerator: 8500, denominator: 81770, published: 10 });
		const turnover = results[2].result.observations.find((o) => o.measure === 'sw-turnover' && o.code === 'E92000001' && o.year === '2025');
		expect(turnover).toMatchObject({ numerator: 4276.3, denominator: 36186.3, published: 11.8 });
	});

	it('keeps each code to its own years: North Yorkshire county and unitary are two councils', () => {
		const cin = results[0].result.observations;
		const years = (code: string) => cin.filter((o) => o.code === code).map((o) => o.year).sort();
		expect(years('E10000023')).toEqual(['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']);
		expect(years('E06000065')).toEqual(['2024', '2025']);
		// Joint services are published on one row and kept on a joint code.
		expect(results[2].result.councils.find((c) => c.code === 'E06000061+E06000062')?.name).toBe('North Northamptonshire / West Northamptonshire');
	});
});
