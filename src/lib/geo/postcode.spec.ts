import { describe, expect, it } from 'vitest';
import { normalisePostcode, postcodeArea, isOutwardCode } from './postcode.ts';

describe('normalisePostcode: accepted', () => {
	// [typed, kind, postcode, sector, district, area]
	const cases: [string, string, string, string | null, string, string][] = [
		['ls14ap', 'full', 'LS1 4AP', 'LS1 4', 'LS1', 'LS'],
		['LS1 4AP', 'full', 'LS1 4AP', 'LS1 4', 'LS1', 'LS'],
		[' b15 2th ', 'full', 'B15 2TH', 'B15 2', 'B15', 'B'],
		['SW1A1AA', 'full', 'SW1A 1AA', 'SW1A 1', 'SW1A', 'SW'],
		['sw1a 1aa', 'full', 'SW1A 1AA', 'SW1A 1', 'SW1A', 'SW'],
		['EC1A 1BB', 'full', 'EC1A 1BB', 'EC1A 1', 'EC1A', 'EC'],
		['W1A 0AX', 'full', 'W1A 0AX', 'W1A 0', 'W1A', 'W'],
		['M1 1AE', 'full', 'M1 1AE', 'M1 1', 'M1', 'M'],
		['CR2 6XH', 'full', 'CR2 6XH', 'CR2 6', 'CR2', 'CR'],
		['DN55 1PT', 'full', 'DN55 1PT', 'DN55 1', 'DN55', 'DN'],
		['LS1   4AP', 'full', 'LS1 4AP', 'LS1 4', 'LS1', 'LS'],
		['LS1\t4AP', 'full', 'LS1 4AP', 'LS1 4', 'LS1', 'LS'],
		['LS1 4 AP', 'full', 'LS1 4AP', 'LS1 4', 'LS1', 'LS'],
		['S W1A 1AA', 'full', 'SW1A 1AA', 'SW1A 1', 'SW1A', 'SW'],
		['M1', 'district', 'M1', null, 'M1', 'M'],
		['m1', 'district', 'M1', null, 'M1', 'M'],
		['LS14', 'district', 'LS14', null, 'LS14', 'LS'], // a real district, not 'LS1 4'
		['SW1A', 'district', 'SW1A', null, 'SW1A', 'SW'],
		['ec1a', 'district', 'EC1A', null, 'EC1A', 'EC'],
		['LS 14', 'district', 'LS14', null, 'LS14', 'LS'],
		['B15 2', 'sector', 'B15 2', 'B15 2', 'B15', 'B'],
		['b152', 'sector', 'B15 2', 'B15 2', 'B15', 'B'], // 'B152' cannot be a district
		['LS1 4', 'sector', 'LS1 4', 'LS1 4', 'LS1', 'LS'],
		['sw1a1', 'sector', 'SW1A 1', 'SW1A 1', 'SW1A', 'SW']
	];
	for (const [typed, kind, postcode, sector, district, area] of cases) {
		it(`${JSON.stringify(typed)} → ${kind} ${postcode}`, () => {
			expect(normalisePostcode(typed)).toEqual({ kind, postcode, sector, district, area });
		});
	}
});

describe('normalisePostcode: rejected', () => {
	const cases: string[] = [
		'',
		'   ',
		'garbage',
		'hello world',
		'<script>',
		'<script>alert(1)</script>',
		'LS1-4AP', // punctuation is not part of a postcode
		"LS1 4AP'; DROP TABLE",
		'12345',
		'LS',
		'Q1 1AA', // Q never starts a postcode
		'VX1 1AA',
		'AI1 1AA', // I never second
		'AZ1 1AA', // Z never second
		'LS1 4AC', // C never in the inward letters
		'LS1 4IO',
		'LS1 AAA',
		'LS1 44A',
		'LS123 4AP',
		'W1Z 1AA', // Z not allowed as A9A letter
		'EC1Z 1AA', // Z not allowed as AA9A letter
		'LS1 4APX',
		'GIR 0AA', // Girobank: no place on a map
		'BFPO 1',
		'ASCN 1ZZ',
		'LS1 4AP LS1 4AP',
		'x'.repeat(1000),
		'ＬＳ１ ４ＡＰ' // full-width characters
	];
	for (const typed of cases) {
		it(`${JSON.stringify(typed.slice(0, 40))} → null`, () => expect(normalisePostcode(typed)).toBeNull());
	}
	it('non-strings → null', () => {
		expect(normalisePostcode(undefined as unknown as string)).toBeNull();
		expect(normalisePostcode(42 as unknown as string)).toBeNull();
	});
});

describe('postcodeArea', () => {
	const cases: [string, string | null][] = [
		['LS1', 'LS'],
		['ls1', 'LS'],
		['B15 2TH', 'B'],
		['SW1A', 'SW'],
		['W1A 0AX', 'W'],
		['M1', 'M'],
		['Q1', null],
		['LS', null],
		['', null],
		['123', null]
	];
	for (const [text, expected] of cases) {
		it(`${JSON.stringify(text)} → ${expected}`, () => expect(postcodeArea(text)).toBe(expected));
	}
});

describe('isOutwardCode', () => {
	const cases: [string, boolean][] = [
		['M1', true], // A9
		['B15', true], // A99
		['LS1', true], // AA9
		['LS14', true], // AA99
		['W1A', true], // A9A
		['EC1A', true], // AA9A
		['ls1', false], // callers upper-case first
		['LS1 ', false],
		['L', false],
		['LSS1', false]
	];
	for (const [text, expected] of cases) {
		it(`${text} → ${expected}`, () => expect(isOutwardCode(text)).toBe(expected));
	}
});
