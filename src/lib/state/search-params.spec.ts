import { describe, expect, it } from 'vitest';
import { seededRandom } from '../stats/seeded-random.ts';
import {
	DEFAULT_SEARCH,
	MILES_CHOICES,
	POSTCODE_MAX_CHARS,
	SORT_CHOICES,
	TREATMENT_WORDS_MAX_CHARS,
	nearPoint,
	nearText,
	parseSearchParams,
	searchParamsToString,
	tidyPostcode,
	typedTreatment,
	type SearchState
} from './search-params.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
	const cases: [string, SearchState][] = [
		['', DEFAULT_SEARCH],
		['?', DEFAULT_SEARCH],
		['postcode=LS1+4AP&treatment=C_110&miles=10&sort=distance', { postcode: 'LS1 4AP', treatment: 'C_110', miles: 10, sort: 'distance', near: '' }],
		['?postcode=ls14ap', { ...DEFAULT_SEARCH, postcode: 'ls14ap' }],
		['postcode=%20%20LS1%20%204AP%20', { ...DEFAULT_SEARCH, postcode: 'LS1 4AP' }],
		['postcode=ABCDEFGHIJKLMNOP', { ...DEFAULT_SEARCH, postcode: 'ABCDEFGHIJ' }],
		['postcode=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { ...DEFAULT_SEARCH, postcode: 'script ale' }],
		['treatment=X03', { ...DEFAULT_SEARCH, treatment: 'X03' }],
		['treatment=c_110', DEFAULT_SEARCH],
		['treatment=C_1100', DEFAULT_SEARCH],
		['treatment=X10', DEFAULT_SEARCH],
		['treatment=C_110%0A', DEFAULT_SEARCH],
		['miles=100', { ...DEFAULT_SEARCH, miles: 100 }],
		['miles=50', { ...DEFAULT_SEARCH, miles: 50 }],
		['miles=7', DEFAULT_SEARCH],
		['miles=0x19', DEFAULT_SEARCH],
		['miles=25.0', DEFAULT_SEARCH],
		['miles=-10', DEFAULT_SEARCH],
		['miles=1e2', DEFAULT_SEARCH],
		['miles=', DEFAULT_SEARCH],
		['sort=within18', { ...DEFAULT_SEARCH, sort: 'within18' }],
		['sort=rating', { ...DEFAULT_SEARCH, sort: 'rating' }],
		['sort=WAIT', DEFAULT_SEARCH],
		['sort=__proto__', DEFAULT_SEARCH],
		['sort=constructor', DEFAULT_SEARCH],
		['miles=10&miles=100', { ...DEFAULT_SEARCH, miles: 10 }],
		['postcode=%E0%A4%A', { ...DEFAULT_SEARCH, postcode: 'A' }], // broken UTF-8 decodes to U+FFFD, then dropped
		['&&&=&==', DEFAULT_SEARCH]
	];
	for (const [query, expected] of cases) {
		it(`${JSON.stringify(query)}`, () => expect(parse(query)).toEqual(expected));
	}

	it('survives something that is not URLSearchParams', () => {
		expect(parseSearchParams({} as URLSearchParams)).toEqual(DEFAULT_SEARCH);
	});
});

describe('tidyPostcode', () => {
	const cases: [unknown, string][] = [
		[' ls1 4ap ', 'ls1 4ap'],
		['LS1-4AP', 'LS1 4AP'],
		['LS1\t\n4AP', 'LS1 4AP'],
		['12345678901234', '1234567890'],
		['ABCDEFGHI JKL', 'ABCDEFGHI'], // no trailing space after truncation
		[null, ''],
		[42, '']
	];
	for (const [text, expected] of cases) {
		it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => expect(tidyPostcode(text)).toBe(expected));
	}
});

describe('typedTreatment', () => {
	const cases: [string, string][] = [
		['', ''],
		['treatment=knee', 'knee'],
		['treatment=+%20hip%20replacement%20', 'hip replacement'],
		['treatment=knee%00%0A%1Bpain', 'knee pain'],
		['treatment=C_110&treatment=eyes', 'C_110'],
		[`treatment=${'a'.repeat(500)}`, 'a'.repeat(TREATMENT_WORDS_MAX_CHARS)]
	];
	for (const [query, expected] of cases) {
		it(`${JSON.stringify(query.slice(0, 40))} → ${JSON.stringify(expected.slice(0, 20))}`, () => expect(typedTreatment(new URLSearchParams(query))).toBe(expected));
	}
});

describe('searchParamsToString', () => {
	const cases: [SearchState, string][] = [
		[DEFAULT_SEARCH, ''],
		[{ postcode: 'LS1 4AP', treatment: 'C_110', miles: 10, sort: 'distance', near: '' }, 'postcode=LS1+4AP&treatment=C_110&miles=10&sort=distance'],
		[{ ...DEFAULT_SEARCH, postcode: 'B15 2TH' }, 'postcode=B15+2TH'],
		[{ ...DEFAULT_SEARCH, treatment: 'bad' }, ''],
		[{ ...DEFAULT_SEARCH, miles: 7 as 25 }, ''],
		[{ ...DEFAULT_SEARCH, sort: 'rating' }, 'sort=rating'],
		[{ ...DEFAULT_SEARCH, treatment: 'C_130', near: '53.80,-1.55' }, 'treatment=C_130&near=53.80%2C-1.55'],
		[{ ...DEFAULT_SEARCH, near: '53.8,-1.55' }, '']
	];
	for (const [state, expected] of cases) {
		it(`${JSON.stringify(state)} → ${JSON.stringify(expected)}`, () => expect(searchParamsToString(state)).toBe(expected));
	}
});

describe('round trip', () => {
	const states: SearchState[] = [];
	for (const postcode of ['', 'LS1 4AP', 'M1', 'SW1A 1'])
		for (const treatment of ['', 'C_110', 'X06', 'C_999'])
			for (const miles of MILES_CHOICES) for (const sort of SORT_CHOICES) states.push({ postcode, treatment, miles, sort, near: postcode === '' ? '53.80,-1.55' : '' });

	it(`all ${states.length} valid searches come back unchanged`, () => {
		for (const state of states) expect(parse(searchParamsToString(state))).toEqual(state);
	});
});

describe('fuzz', () => {
	const random = seededRandom(20260101);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const keys = ['postcode', 'treatment', 'miles', 'sort', 'x', '', '__proto__', 'Postcode'];
	const alphabet = [...'abcXYZ019 _-=&?%+#/\\<>"\'\n\t\u0000é€😀', '%ZZ', '%E0%A4', '\uD800', '%00', 'C_110', '25', 'wait'];
	const randomText = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(alphabet)).join('');
	const queries = Array.from({ length: 2000 }, (_, i) => {
		if (i % 2 === 0) return randomText(60); // raw noise
		// Plausible shapes with noisy values exercise each field's reader.
		return Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pick(keys)}=${randomText(14)}`).join('&');
	});

	it('2,000 random query strings never throw and always give a valid search', () => {
		for (const query of queries) {
			const state = parse(query);
			expect(state.postcode.length, query).toBeLessThanOrEqual(POSTCODE_MAX_CHARS);
			expect(state.postcode, query).toMatch(/^([A-Za-z0-9]+( [A-Za-z0-9]+)*)?$/);
			expect(state.treatment, query).toMatch(/^((C_\d{3}|X0\d))?$/);
			expect(MILES_CHOICES, query).toContain(state.miles);
			expect(SORT_CHOICES, query).toContain(state.sort);
			// Whatever came in, writing it out and reading it back is stable.
			expect(parse(searchParamsToString(state)), query).toEqual(state);
		}
	});
});

describe('near: "Use my location" rounded to about 1 km', () => {
	const write: [number, number, string][] = [
		[53.79648, -1.54785, '53.80,-1.55'],
		[51.5, -0.004, '51.50,0.00'],
		[48.9, -1.5, ''], // south of Great Britain's box
		[Number.NaN, 0, '']
	];
	for (const [lat, lon, expected] of write) it(`${lat}, ${lon} → "${expected}"`, () => expect(nearText(lat, lon)).toBe(expected));
	const read: [string, [number, number] | null][] = [
		['53.80,-1.55', [53.8, -1.55]],
		['53.8,-1.55', null], // not a form we write
		['153.80,-1.55', null],
		['53.80,-1.55,2', null],
		['-0.00,0.00', null]
	];
	for (const [text, expected] of read) it(`"${text}" → ${JSON.stringify(expected)}`, () => expect(nearPoint(text)).toEqual(expected));
	it('a URL near survives parsing', () => expect(parse('treatment=C_130&near=53.80,-1.55').near).toBe('53.80,-1.55'));
});
