import { describe, expect, it } from 'vitest';
import { atomProblems, parseXml } from './atom-check.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const entry = (id = 'urn:uuid:00000000-0000-5000-8000-000000000001', extra = '') =>
	`<entry><id>${id}</id><title>T</title><updated>2026-04-30T00:00:00Z</updated><link rel="alternate" href="a"/>${extra}</entry>`;
const feed = (inner: string, head = '<id>urn:x:feed</id><title>F</title><updated>2026-04-30T00:00:00Z</updated><author><name>A</name></author>') =>
	`<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="${ATOM}">${head}${inner}</feed>\n`;

describe('atomProblems', () => {
	it('a minimal valid feed has none', () => expect(atomProblems(feed(entry()))).toEqual([]));
	const cases: [string, string, RegExp][] = [
		['not well-formed: unclosed element', feed(entry()).replace('</feed>', ''), /never closed/],
		['not well-formed: raw ampersand', feed(entry()).replace('<title>F</title>', '<title>F & G</title>'), /entity/],
		['not well-formed: mismatched tags', feed(entry()).replace('<title>F</title>', '<title>F</titel>'), /does not match/],
		['wrong root', '<rss version="2.0"></rss>', /root element/],
		['feed without id', feed(entry(), '<title>F</title><updated>2026-04-30T00:00:00Z</updated><author><name>A</name></author>'), /the feed has 0 <id>/],
		['feed with two titles', feed(entry(), '<id>urn:x:f</id><title>F</title><title>G</title><updated>2026-04-30T00:00:00Z</updated><author><name>A</name></author>'), /2 <title>/],
		['no author anywhere', feed(entry(), '<id>urn:x:f</id><title>F</title><updated>2026-04-30T00:00:00Z</updated>'), /no author/],
		['a bad date', feed(entry()).replace('<updated>2026-04-30T00:00:00Z</updated><author>', '<updated>30/04/2026</updated><author>'), /RFC 3339/],
		['a relative id', feed(entry('feeds/RR8')), /absolute IRI/],
		['two entries with one id', feed(entry() + entry()), /used twice/],
		['entry without content or alternate link', feed(entry().replace('<link rel="alternate" href="a"/>', '')), /neither content/],
		['a link without href', feed(entry(undefined, '<link rel="related"/>')), /without href/]
	];
	for (const [name, xml, problem] of cases) it(name, () => expect(atomProblems(xml).join('\n')).toMatch(problem));
});

describe('parseXml', () => {
	it('decodes entities in text and attributes', () => {
		const root = parseXml('<a b="x &amp; &quot;y&quot;">1 &lt; 2 &#38; &#x41;</a>');
		expect(root).toMatchObject({ name: 'a', attributes: { b: 'x & "y"' }, text: '1 < 2 & A' });
	});
	it('refuses a second root', () => expect(() => parseXml('<a/><b/>')).toThrow(/second root/));
});
