import { describe, expect, it } from 'vitest';
import { fileStem, toJson } from './export';

describe('toJson', () => {
	it('keeps numbers and nulls', () => {
		expect(JSON.parse(toJson(['a', 'b'], [{ a: 1, b: Number.NaN }, { a: null }]))).toEqual([{ a: 1, b: null }, { a: null, b: null }]);
	});
});

describe('fileStem', () => {
	it.each([
		['Trusts with most 52-week waits', 'trusts-with-most-52-week-waits'],
		['!!!', 'openwaits-query'],
		['', 'openwaits-query']
	])('%j → %j', (text, expected) => expect(fileStem(text)).toBe(expected));
});
