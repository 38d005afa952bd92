import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from './search-params.ts';
import { parseCompareParams, type CompareState } from './compare-params.ts';
import { parseProviderCode } from './provider-code.ts';

describe('parseCompareParams', () => {
	const cases: [string, CompareState][] = [
		['', { providers: [], search: DEFAULT_SEARCH }],
		['providers=ZA1,ZA2&treatment=C_110', { providers: ['ZA1', 'ZA2'], search: { ...DEFAULT_SEARCH, treatment: 'C_110' } }],
		['providers=za1,%20zn001%20,ZA1', { providers: ['ZA1', 'ZN001'], search: DEFAULT_SEARCH }],
		['providers=ZA1,,ZA2,', { providers: ['ZA1', 'ZA2'], search: DEFAULT_SEARCH }],
		['providers=A1,ZA1,TOOLONG7,Z-1,ZA2', { providers: ['ZA1', 'ZA2'], search: DEFAULT_SEARCH }],
		['providers=ZA1,ZA2,ZA3,ZA4,ZA5', { providers: ['ZA1', 'ZA2', 'ZA3', 'ZA4'], search: DEFAULT_SEARCH }],
		['providers=ZA1&providers=ZA2', { providers: ['ZA1'], search: DEFAULT_SEARCH }],
		['providers=__proto__,constructor', { providers: [], search: DEFAULT_SEARCH }],
		['providers=ZA1,ZA2&postcode=LS1+4AP&miles=10', { providers: ['ZA1', 'ZA2'], search: { ...DEFAULT_SEARCH, postcode: 'LS1 4AP', miles: 10 } }]
	];
	for (const [query, expected] of cases) {
		it(JSON.stringify(query), () => expect(parseCompareParams(new URLSearchParams(query))).toEqual(expected));
	}

	it('survives something that is not URLSearchParams', () => {
		expect(parseCompareParams({} as URLSearchParams)).toEqual({ providers: [], search: DEFAULT_SEARCH });
	});
});

describe('parseProviderCode', () => {
	const cases: [unknown, string | null][] = [
		['ZA1', 'ZA1'],
		['ZN001', 'ZN001'],
		['RR8', 'RR8'],
		['za1', null],
		['ZA', null],
		['ZA1 ', null],
		['ZA1.html', null],
		['../ZA1', null],
		['ABCDEFG', null],
		[undefined, null],
		[42, null]
	];
	for (const [text, expected] of cases) {
		it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => expect(parseProviderCode(text)).toBe(expected));
	}
});
