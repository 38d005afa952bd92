import { describe, expect, it } from 'vitest';
import { cellText, csvField, fileStem, toCsv, toJson } from './csv';

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\rhere', '"cr\rhere"'],
		['', ''],
		[null, ''],
		[undefined, ''],
		[42, '42'],
		[-5, '-5'],
		[-0.25, '-0.25'],
		[1e21, '1e+21'],
		[Number.NaN, ''],
		[true, 'true'],
		['=1+1', "'=1+1"],
		['+44 113', "'+44 113"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tTAB', "'\tTAB"],
		['\rCR', '"\'\rCR"'],
		['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
		['a=1', 'a=1'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('%j → %j', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});
});

describe('cellText', () => {
	it('writes dates as ISO and objects as JSON', () => {
		expect(cellText(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-04-01T00:00:00.000Z');
		expect(cellText({ a: 1 })).toBe('{"a":1}');
		expect(cellText(10n)).toBe('10');
	});
});

describe('toCsv', () => {
	it('writes a header and CRLF rows', () => {
		const csv = toCsv(['code', 'name', 'n'], [
			{ code: 'RR8', name: 'Leeds, Teaching', n: 3 },
			{ code: '=cmd', name: null, n: -1 }
		]);
		expect(csv).toBe('code,name,n\r\nRR8,"Leeds, Teaching",3\r\n\'=cmd,,-1\r\n');
	});
	it('neutralises header names too', () => {
		expect(toCsv(['=x'], [])).toBe("'=x\r\n");
	});
});

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
