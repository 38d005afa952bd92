import { describe, expect, it } from 'vitest';
import { attribute, columnLetters, columnNumber, decodeEntities, escapeXml, refuseDoctype } from './xml.ts';

describe('decodeEntities', () => {
	it.each([
		['plain', 'plain'],
		['a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', 'a & b <c> "d" \'e\''],
		['&#163;5 &#x2019;s', '£5 ’s'],
		['&amp;amp;', '&amp;']
	])('%s → %s', (raw, text) => expect(decodeEntities(raw)).toBe(text));

	it.each([
		['&nbsp;', 'the entity "&nbsp;" is not one of the five XML entities; entities defined by a file are refused'],
		['&lol9;', 'the entity "&lol9;" is not one of the five XML entities; entities defined by a file are refused'],
		['fish & chips', '"&" is not a complete XML entity'],
		['&#0;', 'the entity "&#0;" is not one of the five XML entities']
	])('refuses %s', (raw, message) => expect(() => decodeEntities(raw)).toThrow(message));
});

describe('attribute', () => {
	const tag = '<table:table-cell table:style-name="ce1" office:value-type="float" office:value="12.5" table:number-columns-repeated=\'3\' name="a&amp;b">';
	it.each([
		['office:value-type', 'float'],
		['office:value', '12.5'],
		['table:number-columns-repeated', '3'],
		['name', 'a&b'],
		['value', null],
		['table:style', null]
	])('%s → %s', (name, value) => expect(attribute(tag, name)).toBe(value));
});

describe('columns', () => {
	it.each([
		[1, 'A'],
		[26, 'Z'],
		[27, 'AA'],
		[52, 'AZ'],
		[703, 'AAA'],
		[16_384, 'XFD']
	])('%i ↔ %s', (n, letters) => {
		expect(columnLetters(n)).toBe(letters);
		expect(columnNumber(letters)).toBe(n);
	});
});

describe('refuseDoctype and escapeXml', () => {
	it('refuses a DTD (the billion-laughs attack needs one) and lets ordinary XML through', () => {
		expect(() => refuseDoctype('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'content.xml')).toThrow('content.xml has a document type declaration (DTD)');
		expect(() => refuseDoctype('<?xml version="1.0"?><x/>', 'content.xml')).not.toThrow();
	});
	it('escapes what text and attributes need', () => expect(escapeXml('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;'));
});
