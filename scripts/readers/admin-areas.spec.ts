import { describe, expect, it } from 'vitest';
import { AdminAccumulator, codePointAdmin } from './admin-areas.ts';

describe('codePointAdmin', () => {
	const cases = [
		['"LS1 1AZ",10,428809,433421,"E92000001","E19000001","E18000003","","E08000035","E05001420"', { county: '', district: 'E08000035' }],
		['"HP1 1AA",10,499000,207000,"E92000001","E19000001","E18000009","E10000015","E07000096","E05004600"', { county: 'E10000015', district: 'E07000096' }],
		// No ward column: the district still ends the line.
		['"HP1 1AA",10,499000,207000,"E92000001","","","E10000015","E07000096"', { county: 'E10000015', district: 'E07000096' }],
		['"HP1 1AA",10,499000,207000', null]
	] as const;
	it.each(cases)('%s', (line, expected) => {
		const c3 = line.indexOf(',', line.indexOf(',', line.indexOf(',') + 1) + 1);
		const c4 = line.indexOf(',', c3 + 1);
		expect(codePointAdmin(line, c4 < 0 ? line.length : c4)).toEqual(expected);
	});
});

describe('AdminAccumulator', () => {
	it('gives each sector the councils of most of its postcodes, ties to the smaller code', () => {
		const acc = new AdminAccumulator();
		acc.add('AB1 1AA', 'E10000001', 'E07000002');
		acc.add('AB1 1AB', 'E10000001', 'E07000002');
		acc.add('AB1 1AD', '', 'E06000001');
		acc.add('AB2 1AA', '', 'E06000009');
		acc.add('AB2 1AB', '', 'E06000003');
		acc.add('AB3 1AB', '', ''); // no district: not counted
		expect([...acc.result()]).toEqual([
			['AB1 1', { district: 'E07000002', county: 'E10000001', agree: 2, postcodes: 3 }],
			['AB2 1', { district: 'E06000003', county: '', agree: 1, postcodes: 2 }]
		]);
	});
});
