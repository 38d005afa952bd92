import { describe, expect, it } from 'vitest';
import { COUNCIL_NAME_MAX_CHARS, councilFindToString, parseCouncilCode, parseCouncilFindParams, parsePeersParam, peersToString, tidyCouncilName, type PeersChoice } from './council-params.ts';

describe('parseCouncilCode', () => {
	const cases: [unknown, string | null][] = [
		['E08000035', 'E08000035'],
		['E10000023', 'E10000023'],
		['e08000035', null],
		['E0800003', null],
		['E080000351', null],
		['W06000001', null], // our figures are England's only
		[' E08000035', null],
		['E08000035/', null],
		// One figure published for two councils' shared service (DfE workforce: Northamptonshire's children's trust).
		['E06000061+E06000062', 'E06000061+E06000062'],
		['E06000061+', null],
		['E06000061 E06000062', null],
		['E06000061+W06000062', null],
		[undefined, null],
		[8000035, null]
	];
	for (const [text, expected] of cases) it(String(text), () => expect(parseCouncilCode(text)).toBe(expected));
});

describe('parseCouncilFindParams', () => {
	const cases: [string, { name: string; postcode: string }][] = [
		['', { name: '', postcode: '' }],
		['postcode=LS1+4AP', { name: '', postcode: 'LS1 4AP' }],
		['postcode=ls1%3C4ap', { name: '', postcode: 'ls1 4ap' }],
		['name=Leeds', { name: 'Leeds', postcode: '' }],
		['name=%20Leeds%0A%0Dcity%09', { name: 'Leeds city', postcode: '' }],
		['name=%3Cscript%3E', { name: '<script>', postcode: '' }], // echoed as text by Svelte, never as markup
		['name=a&name=b', { name: 'a', postcode: '' }],
		[`name=${'x'.repeat(500)}`, { name: 'x'.repeat(COUNCIL_NAME_MAX_CHARS), postcode: '' }]
	];
	for (const [query, expected] of cases) {
		it(query.slice(0, 40) || '(empty)', () => {
			const state = parseCouncilFindParams(new URLSearchParams(query));
			expect(state).toEqual(expected);
			expect(parseCouncilFindParams(new URLSearchParams(councilFindToString(state)))).toEqual(state);
		});
	}
	it('drops lone surrogates and keeps whole emoji', () => expect(tidyCouncilName('a\ud800b😀')).toBe('ab😀'));
});

describe('parsePeersParam', () => {
	const cases: [string, PeersChoice][] = [
		['', 'similar'],
		['peers=dfe', 'dfe'],
		['peers=ons-economic', 'ons-economic'],
		['peers=DFE', 'similar'],
		['peers=__proto__', 'similar'],
		['peers=england&peers=dfe', 'england']
	];
	for (const [query, expected] of cases) {
		it(query || '(empty)', () => {
			const choice = parsePeersParam(new URLSearchParams(query));
			expect(choice).toBe(expected);
			expect(parsePeersParam(new URLSearchParams(peersToString(choice)))).toBe(choice);
		});
	}
});
