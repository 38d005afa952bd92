import { describe, expect, it } from 'vitest';
import type { PostcodeAreaFile } from '../schema/site-data.ts';
import { locatePostcode, type LocatedPostcode } from './locate.ts';
import { normalisePostcode } from './postcode.ts';

const leeds: PostcodeAreaFile = {
	area: 'LS',
	districts: { LS1: [53.797, -1.547], LS2: [53.803, -1.548], LS14: [53.83, -1.44] },
	sectors: { 'LS1 4': [53.796, -1.55], 'LS2 9': [53.806, -1.553] }
};

describe('locatePostcode', () => {
	const cases: [string, PostcodeAreaFile, LocatedPostcode | null][] = [
		['LS1 4AP', leeds, { lat: 53.796, lon: -1.55, precision: 'sector' }],
		['ls14ap', leeds, { lat: 53.796, lon: -1.55, precision: 'sector' }],
		['LS1 5AA', leeds, { lat: 53.797, lon: -1.547, precision: 'district' }], // sector missing → district
		['LS1 4', leeds, { lat: 53.796, lon: -1.55, precision: 'sector' }],
		['LS2 1', leeds, { lat: 53.803, lon: -1.548, precision: 'district' }],
		['LS1', leeds, { lat: 53.797, lon: -1.547, precision: 'district' }],
		['LS14', leeds, { lat: 53.83, lon: -1.44, precision: 'district' }],
		['LS99 1AA', leeds, null], // unknown district
		['B15 2TH', leeds, null], // wrong area file
		['LS1 4AP', { area: 'LS', districts: {}, sectors: {} }, null],
		['LS1 4AP', { area: 'LS', districts: { LS1: [NaN, 0] }, sectors: {} }, null]
	];
	for (const [typed, file, expected] of cases) {
		it(`${typed} in ${file.area} (${Object.keys(file.districts).length} districts) → ${expected?.precision ?? 'null'}`, () => {
			const parsed = normalisePostcode(typed);
			expect(parsed).not.toBeNull();
			expect(locatePostcode(parsed!, file)).toEqual(expected);
		});
	}

	it('ignores inherited object keys such as "constructor"', () => {
		expect(locatePostcode({ sector: 'constructor', district: 'toString', area: 'LS' }, leeds)).toBeNull();
	});
});
