import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { atomId, atomXml, monthEndTimestamp, xmlText } from './atom.ts';
import { atomProblems, parseXml } from './atom-check.ts';

describe('atom helpers', () => {
	it('ids: stable, distinct, UUID version 5 shape', () => {
		expect(atomId('a')).toBe(atomId('a'));
		expect(atomId('a')).not.toBe(atomId('b'));
		expect(atomId('feeds/provider/RR8.xml')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
	const months: [string, string][] = [['2026-04', '2026-04-30T00:00:00Z'], ['2024-02', '2024-02-29T00:00:00Z'], ['2025-12', '2025-12-31T00:00:00Z']];
	for (const [period, expected] of months) it(`${period} ends ${expected}`, () => expect(monthEndTimestamp(period)).toBe(expected));
	it('escapes the XML specials and drops forbidden control characters', () => expect(xmlText(`<a & "b" 'c'>\u0001`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;'));
	const texts: [string, string][] = [
		['Plain words, 12.5% and 1,234 (C_999) – unchanged', 'Plain words, 12.5% and 1,234 (C_999) – unchanged'],
		['&', '&amp;'],
		['a<b', 'a&lt;b'],
		['a>b', 'a&gt;b'],
		['"', '&quot;'],
		["it's", 'it&apos;s'],
		['tab\there', 'tab\there'],
		['bell\u0007 and \ufffe', 'bell and '],
		['\u001f&', '&amp;']
	];
	for (const [text, expected] of texts) it(`xmlText(${JSON.stringify(text)})`, () => expect(xmlText(text)).toBe(expected));
});

describe('atom helpers agree with the plain ways of writing them', () => {
	// The ids and escapes of every feed ever published must not change: these are the first implementations.
	const referenceId = (key: string) => {
		const hash = createHash('sha1').update(`openwaits-feeds:${key}`).digest();
		hash[6] = (hash[6] & 0x0f) | 0x50;
		hash[8] = (hash[8] & 0x3f) | 0x80;
		const hex = hash.subarray(0, 16).toString('hex');
		return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
	const referenceText = (text: string) =>
		text
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&apos;');
	// Deterministic random text from an alphabet heavy in specials, controls, non-characters and non-ASCII.
	let seed = 11;
	const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
	const alphabet = [..."aZ09 .,;:()%'\"&<>\t\n\r", '\u0000', '\u0007', '\u000b', '\u001f', '\u007f', '\u00e9', '\u2013', '\ud83d', '\ude00', '\ufffd', '\ufffe', '\uffff'];
	const texts = Array.from({ length: 5000 }, () => Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join(''));
	texts.push('', "'", "St Mary's", "At April's pace, treating everyone", 'feeds/provider/RR8/C_999.xml/2026-04');
	it(`${texts.length} ids as the Hash object made them`, () => expect(texts.filter((t) => atomId(t) !== referenceId(t))).toEqual([]));
	const referenceXml = (feed: Parameters<typeof atomXml>[0]) => {
		const lines = [
			'<?xml version="1.0" encoding="utf-8"?>',
			'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
			`  <id>${referenceId(feed.key)}</id>`,
			`  <title type="text">${referenceText(feed.title)}</title>`,
			...(feed.subtitle ? [`  <subtitle type="text">${referenceText(feed.subtitle)}</subtitle>`] : []),
			`  <updated>${feed.updated}</updated>`,
			`  <author><name>${referenceText(feed.author)}</name></author>`,
			`  <link rel="self" type="application/atom+xml" href="${referenceText(feed.self)}"/>`,
			`  <link rel="alternate" type="text/html" href="${referenceText(feed.href)}"/>`
		];
		for (const e of feed.entries) {
			lines.push('  <entry>', `    <id>${referenceId(e.key)}</id>`, `    <title type="text">${referenceText(e.title)}</title>`, `    <updated>${e.updated}</updated>`,
				`    <link rel="alternate" type="text/html" href="${referenceText(e.href)}"/>`, `    <summary type="text">${referenceText(e.summary)}</summary>`, '  </entry>');
		}
		return [...lines, '</feed>', ''].join('\n');
	};
	it('feeds written as lines joined were', () => {
		for (const [n, subtitle] of [[0, undefined], [1, ''], [3, texts[7]]] as const) {
			const entries = texts.slice(10, 10 + n).map((t, i) => ({ key: t, title: texts[100 + i], updated: '2026-04-30T00:00:00Z', summary: texts[200 + i], href: texts[300 + i] }));
			const feed = { key: texts[1], title: texts[2], subtitle, updated: '2026-04-30T00:00:00Z', author: texts[3], href: texts[4], self: texts[5], entries };
			expect(atomXml(feed)).toBe(referenceXml(feed));
		}
	});
	it(`${texts.length} texts escaped as six replacements did`, () => expect(texts.filter((t) => xmlText(t) !== referenceText(t))).toEqual([]));
});

describe('atomXml', () => {
	const hostile = `St Mary's <Hospital> & "Clinic"\u0007`;
	const xml = atomXml({
		key: 'k', title: hostile, subtitle: 's', updated: '2026-04-30T00:00:00Z', author: 'OpenWaits', href: '../../provider/X', self: 'X.xml',
		entries: [
			{ key: 'k/2026-04', title: hostile, updated: '2026-04-30T00:00:00Z', summary: 'a < b & c', href: '../../provider/X' },
			{ key: 'k/2026-01', title: 'January', updated: '2026-01-31T00:00:00Z', summary: 'x', href: '../../provider/X' }
		]
	});
	it('is a valid Atom document, even with hostile names', () => expect(atomProblems(xml)).toEqual([]));
	it('keeps the text as written', () => {
		const root = parseXml(xml);
		expect(root.children.find((c) => c.name === 'title')!.text).toBe(`St Mary's <Hospital> & "Clinic"`);
		expect(root.children.filter((c) => c.name === 'entry')).toHaveLength(2);
	});
});
