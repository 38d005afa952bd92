import { describe, expect, it } from 'vitest';
import {
	checkHeader,
	decodeText,
	firstLine,
	isoDateFromCompact,
	parseCount,
	parseDecimal,
	parseDelimited,
	ReportBuilder,
	sha256Hex,
	sniffSeparator,
	tidyPostcode,
	sectorOfTidy,
	districtOfTidy
} from './text.ts';
import { ReadError } from './types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
	const cases = [
		{ what: 'plain UTF-8', input: utf8('Café'), text: 'Café', encoding: 'utf-8', hadBom: false },
		{ what: 'UTF-8 with BOM', input: bytes(0xef, 0xbb, 0xbf, 0x41), text: 'A', encoding: 'utf-8', hadBom: true },
		{ what: 'Latin-1 ¬ separator', input: bytes(0x41, 0xac, 0x42), text: 'A¬B', encoding: 'windows-1252', hadBom: false },
		// 0x92 is a curly apostrophe in Windows-1252 (Node 20 would give U+0092 without the fix).
		{ what: 'Windows-1252 apostrophe', input: bytes(0x53, 0x74, 0x92, 0x73), text: 'St’s', encoding: 'windows-1252', hadBom: false },
		{ what: 'Windows-1252 no-break space', input: bytes(0x41, 0xa0, 0x42), text: 'A\u00a0B', encoding: 'windows-1252', hadBom: false }
	] as const;
	it.each(cases)('$what', ({ input, text, encoding, hadBom }) => {
		expect(decodeText(input)).toEqual({ text, encoding, hadBom });
	});

	it('reads only the first line of a sample, so a cut UTF-8 character later does not matter', () => {
		expect(firstLine(bytes(0x41, 0x2c, 0x42, 0x0d, 0x0a, 0xc3))).toBe('A,B');
	});
});

describe('sniffSeparator', () => {
	const cases = [
		{ line: 'a,b,c', sep: ',' },
		{ line: 'a~b~c', sep: '~' },
		{ line: 'a¬b¬c', sep: '¬' },
		{ line: 'a\tb\tc', sep: '\t' },
		{ line: 'a;b;c', sep: ';' },
		{ line: '"x,y,z"~b~c', sep: '~' },
		{ line: 'nothing', sep: null }
	];
	it.each(cases)('$line → $sep', ({ line, sep }) => expect(sniffSeparator(line)).toBe(sep));
});

describe('parseDelimited', () => {
	const cases = [
		{ what: 'LF', text: 'a,b\n1,2\n', out: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
		{ what: 'CRLF', text: 'a,b\r\n1,2\r\n', out: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }] },
		{ what: 'quotes and doubled quotes', text: '"a,1","say ""hi"""\n', out: [{ line: 1, fields: ['a,1', 'say "hi"'] }] },
		{ what: 'newline inside quotes keeps later line numbers right', text: '"a\nb",c\nd,e', out: [{ line: 1, fields: ['a\nb', 'c'] }, { line: 3, fields: ['d', 'e'] }] },
		{ what: 'blank lines skipped but counted', text: 'a\n\nb\n', out: [{ line: 1, fields: ['a'] }, { line: 3, fields: ['b'] }] },
		{ what: 'empty trailing field', text: 'a,b,\n', out: [{ line: 1, fields: ['a', 'b', ''] }] }
	];
	it.each(cases)('$what', ({ text, out }) => expect(parseDelimited(text, ',')).toEqual(out));

	it('leaves quotes alone when quoting is off', () => {
		expect(parseDelimited('"a¬b"¬c', '¬', false)).toEqual([{ line: 1, fields: ['"a', 'b"', 'c'] }]);
	});
});

describe('parseCount', () => {
	const cases = [
		{ raw: '0', value: 0 },
		{ raw: ' 1234 ', value: 1234 },
		{ raw: '2,605', value: 2605 },
		{ raw: '', error: 'is empty' },
		{ raw: '-5', error: 'negative' },
		{ raw: '1.5', error: 'not a whole number' },
		{ raw: 'n/a', error: 'not a number' },
		{ raw: '12a', error: 'not a number' }
	];
	it.each(cases)('"$raw"', ({ raw, value, error }) => {
		const r = parseCount(raw);
		if (error) expect(r.ok ? '' : r.message).toContain(error);
		else expect(r).toEqual({ ok: true, value });
	});
});

describe('parseDecimal', () => {
	const cases = [
		{ raw: '52.5', value: 52.5 },
		{ raw: '-0.625', value: -0.625 },
		{ raw: '1e1', value: 10 },
		{ raw: 'abc', error: 'not a number' },
		{ raw: '91', error: 'outside' },
		{ raw: ' ', error: 'is empty' }
	];
	it.each(cases)('"$raw"', ({ raw, value, error }) => {
		const r = parseDecimal(raw, -90, 90, 'a latitude');
		if (error) expect(r.ok ? '' : r.message).toContain(error);
		else expect(r).toEqual({ ok: true, value });
	});
});

describe('isoDateFromCompact', () => {
	const cases = [
		{ raw: '20171001', iso: '2017-10-01' },
		{ raw: '20240229', iso: '2024-02-29' },
		{ raw: '20230229', iso: null },
		{ raw: '2017-10-01', iso: null },
		{ raw: '', iso: null }
	];
	it.each(cases)('"$raw"', ({ raw, iso }) => expect(isoDateFromCompact(raw)).toBe(iso));
});

describe('postcode helpers', () => {
	const cases = [
		{ raw: '"B1  1AY"', tidy: 'B1 1AY', sector: 'B1 1', district: 'B1' },
		{ raw: 'sw1a1aa', tidy: 'SW1A 1AA', sector: 'SW1A 1', district: 'SW1A' },
		{ raw: 'B15 2TH', tidy: 'B15 2TH', sector: 'B15 2', district: 'B15' },
		{ raw: 'nonsense', tidy: null }
	];
	it.each(cases)('$raw', ({ raw, tidy, sector, district }) => {
		const t = tidyPostcode(raw);
		expect(t).toBe(tidy);
		if (t) {
			expect(sectorOfTidy(t)).toBe(sector);
			expect(districtOfTidy(t)).toBe(district);
		}
	});
});

describe('checkHeader', () => {
	it('accepts matching names with stray spaces', () => {
		expect(() => checkHeader('f.csv', ['a ', 'b'], ['a', 'b'])).not.toThrow();
	});
	const cases = [
		{ header: ['a', 'x'], column: 'b', message: 'found "x"' },
		{ header: ['a'], column: 'b', message: 'only 1 columns' }
	];
	it.each(cases)('names the column that differs: $column', ({ header, column, message }) => {
		try {
			checkHeader('f.csv', header, ['a', 'b']);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ReadError);
			expect((e as ReadError).column).toBe(column);
			expect((e as ReadError).line).toBe(1);
			expect((e as ReadError).message).toContain(message);
		}
	});
});

describe('ReportBuilder', () => {
	it('accounts for every row and hashes the bytes it was given', () => {
		const content = utf8('abc');
		const r = new ReportBuilder('f.csv', 'ae', content);
		r.accept();
		r.accept();
		r.reject(3, 'X', 'bad');
		r.issue(4, null, 'odd but kept');
		const report = r.finish('2025-04');
		expect(report).toMatchObject({ file: 'f.csv', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, bytes: 3, period: '2025-04' });
		expect(report.sha256).toBe(sha256Hex(content));
		expect(report.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(report.issues).toEqual([
			{ file: 'f.csv', line: 3, column: 'X', message: 'bad' },
			{ file: 'f.csv', line: 4, column: null, message: 'odd but kept' }
		]);
	});

	it('keeps only the first 20 issues but says how many more there were', () => {
		const r = new ReportBuilder('f.csv', 'ae', utf8(''));
		for (let i = 0; i < 25; i++) r.reject(i + 2, null, 'bad');
		const report = r.finish(null);
		expect(report.issues).toHaveLength(20);
		expect(report.note).toContain('5 more issues');
	});
});
