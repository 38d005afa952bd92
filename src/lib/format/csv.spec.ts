import { describe, expect, it } from 'vitest';
import { cellText, csvField, csvLines, toCsv } from './csv';

describe('csvField', () => {
	it.each([
		// Plain text and RFC 4180 quoting.
		['plain', 'plain'],
		['Plain', 'Plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['Leeds, "Teaching"', '"Leeds, ""Teaching"""'],
		['two\nlines', '"two\nlines"'],
		['cr\rhere', '"cr\rhere"'],
		['', ''],
		// Empty cells.
		[null, ''],
		[undefined, ''],
		[Number.NaN, ''],
		[Number.POSITIVE_INFINITY, ''],
		// Numbers stay numbers, negative ones included.
		[42, '42'],
		[-5, '-5'],
		[-0.25, '-0.25'],
		[-1.5, '-1.5'],
		[1e21, '1e+21'],
		[true, 'true'],
		// Text that a spreadsheet would run as a formula gets a single quote.
		['=1+1', "'=1+1"],
		['=SUM(A1)', "'=SUM(A1)"],
		['+44 113', "'+44 113"],
		['-5', "'-5"],
		['-1', "'-1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['@cmd', "'@cmd"],
		['\tTAB', "'\tTAB"],
		['\tx', "'\tx"],
		['\rCR', '"\'\rCR"'],
		['\rx', `"'\rx"`],
		['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
		// Only the first character counts; markup is just text.
		['a=1', 'a=1'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('%j → %j', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});
});

describe('cellText', () => {
	it.each([
		['a date as ISO', new Date(Date.UTC(2026, 3, 1)), '2026-04-01T00:00:00.000Z'],
		['an object as JSON', { a: 1 }, '{"a":1}'],
		['a bigint as digits', 10n, '10'],
		['formula text with a quote', '=x', "'=x"]
	])('writes %s', (_what, value, expected) => expect(cellText(value)).toBe(expected));
});

describe('csvLines', () => {
	it.each([
		[[['a', 1]], 'a,1\r\n'],
		[[['code', 'n'], ['=cmd', -1], [null, 2]], "code,n\r\n'=cmd,-1\r\n,2\r\n"]
	])('%j → %j', (rows, expected) => expect(csvLines(rows)).toBe(expected));
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
