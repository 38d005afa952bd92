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
