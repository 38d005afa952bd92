import { describe, expect, it } from 'vitest';
import { amountOf, councilTypeOf, financialYear, percentOfFraction, regionCodeOf } from './workbook-rows.ts';

describe('amountOf', () => {
	it.each([
		[12.5, {}, { ok: true, value: { value: 12.5, suppressed: false } }],
		[0, { whole: true }, { ok: true, value: { value: 0, suppressed: false } }],
		[':', {}, { ok: true, value: { value: null, suppressed: true } }],
		['[x]', { whole: true }, { ok: true, value: { value: null, suppressed: true } }],
		['[c]', {}, { ok: true, value: { value: null, suppressed: true } }],
		['c', {}, { ok: true, value: { value: null, suppressed: true } }],
		[-1, {}, { ok: false, message: '-1 is negative; expected tonnes of 0 or more.' }],
		[2.5, { whole: true }, { ok: false, message: '2.5 is not a whole number; expected tonnes.' }],
		[101, { max: 100 }, { ok: false, message: '101 is above 100; expected tonnes.' }],
		['unknown', {}, { ok: false, message: '"unknown" is not a number; expected tonnes.' }],
		[null, {}, { ok: false, message: 'is empty; expected tonnes.' }],
		['-', {}, { ok: false, message: '"-" is not a number; expected tonnes.' }]
	] as const)('%s %o', (cell, options, expected) => expect(amountOf(cell, 'tonnes', options)).toEqual(expected));
});

describe('financialYear, regions, types and percentages', () => {
	it.each([
		['2022-23', '2022-23'],
		['1999/00', '1999-00'],
		['2022-24', null],
		['Notes:', null],
		[2022, null]
	])('financialYear(%s) = %s', (cell, year) => expect(financialYear(cell)).toBe(year));

	it.each([
		['Eastern', 'E12000006'],
		['East of England', 'E12000006'],
		['Yorkshire and The Humber', 'E12000003'],
		['Yorkshire and Humber', 'E12000003'],
		['Wales', undefined]
	])('regionCodeOf(%s) = %s', (name, code) => expect(regionCodeOf(name)).toBe(code));

	it.each([
		['E06000001', 'unitary'],
		['E07000223', 'district'],
		['E08000016', 'metropolitan'],
		['E09000002', 'london'],
		['E10000006', 'county'],
		['E50000001', undefined]
	])('councilTypeOf(%s) = %s', (code, type) => expect(councilTypeOf(code)).toBe(type));

	it.each([
		[0.367, 36.7],
		[0.417, 41.7],
		[0.1, 10],
		[1, 100]
	])('percentOfFraction(%f) = %f', (fraction, percent) => expect(percentOfFraction(fraction)).toBe(percent));
});
