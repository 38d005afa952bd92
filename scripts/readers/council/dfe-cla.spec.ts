import { describe, expect, it } from 'vitest';
import { dfeClaReader } from './dfe-cla.ts';
import { utf8, withBom } from '../test-support.ts';

const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent';
const row = (level: string, code: string, name: string, group: string, stability: string, count: string, pct: string) =>
	`2025,Reporting year,${level},E92000001,England,${level === 'National' ? '' : 'E12000001'},${level === 'National' ? '' : 'North'},${code ? '901' : ''},${name},${code},${group},${stability},${count},${pct}`;
const CSV = [
	HEAD,
	row('National', '', '', 'CLA on 31 March', 'With 3 or more placements during the year', '8500', '10'),
	row('National', '', '', 'CLA on 31 March', 'Total children', '81770', '100'),
	row('Local authority', 'E06000901', 'Hilltown', 'CLA 2 years on 31 March', 'Total children', '300', '100'),
	row('Local authority', 'E06000901', 'Hilltown', 'CLA on 31 March', 'Total children', '332', '100'),
	row('Local authority', 'E06000901', 'Hilltown', 'CLA on 31 March', 'With 3 or more placements during the year', 'c', 'c'),
	row('Local authority', 'E10000901', 'Shire', 'CLA on 31 March', 'Total children', '900', '100')
].join('\n');

describe('DfE placement stability reader', () => {
	it('pairs "3 or more placements" with "Total children" of the CLA on 31 March group', () => {
		const bytes = withBom(CSV);
		expect(dfeClaReader.recognise({ name: 'x.csv', bytes })).toBe(true);
		const { observations, report } = dfeClaReader.read('cla.csv', bytes);
		expect(report).toMatchObject({ rowsRead: 6, rowsAccepted: 6, rowsRejected: 0 });
		expect(observations).toEqual([
			{ measure: 'cla-placement-moves', code: 'E92000001', name: 'England', year: '2025', numerator: 8500, denominator: 81770, published: 10, suppressed: false },
			{ measure: 'cla-placement-moves', code: 'E06000901', name: 'Hilltown', year: '2025', numerator: null, denominator: 332, published: null, suppressed: true }
		]);
		// A half pair is not a figure, and says so.
		expect(report.issues).toEqual([expect.objectContaining({ line: 7, column: 'placement_stability', message: expect.stringContaining('is missing') })]);
	});

	it('rejects a count that is not a number, naming line and column', () => {
		const { report } = dfeClaReader.read('cla.csv', utf8(CSV.replace(',332,', ',three hundred,')));
		expect(report.rowsRejected).toBe(1);
		expect(report.issues[0]).toMatchObject({ file: 'cla.csv', line: 5, column: 'children_count' });
	});
});
