/**
 * Atom 1.0 documents (RFC 4287), written as text: a feed with its id, title,
 * updated and author, and entries each with id, title, updated, a plain-text
 * summary and a link to the page they describe. Ids are `urn:uuid:` names
 * derived from a stable key (RFC 4122 version 5 style: SHA-1 of the key), so
 * the same month of the same list keeps the same id in every build, and no
 * host name has to be known when the site is built.
 */
import { hash } from 'node:crypto';

export interface AtomEntry {
	key: string; // stable, unique within the site: the id is made from it
	title: string;
	updated: string; // RFC 3339
	summary: string;
	/** Link to the page the entry is about (relative to the feed's own address, or absolute). */
	href: string;
}

export interface AtomFeed {
	key: string;
	title: string;
	subtitle?: string;
	updated: string;
	author: string;
	/** The page this feed follows. */
	href: string;
	/** The feed's own address, relative to itself (its file name). */
	self: string;
	entries: AtomEntry[];
}

const NAMESPACE = 'openwaits-feeds';

/** The variant's hex digit: its top two bits set to 10 (RFC 4122), the lower two kept. */
const VARIANT: Record<string, string> = Object.fromEntries([...'0123456789abcdef'].map((d, i) => [d, ((i & 0x3) | 0x8).toString(16)]));

/** A version-5-style UUID URN for a key: deterministic and universally unique in practice. */
export function atomId(key: string): string {
	// One-shot hash to hex: feeds ask for thousands of ids, and a Hash object per id cost more than the SHA-1.
	const hex = hash('sha1', `${NAMESPACE}:${key}`, 'hex');
	// Version 5 in the 13th digit, the variant in the 17th; the rest of the first 16 bytes as they are.
	return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${VARIANT[hex[16]]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Text and attribute values: the five XML specials, and no control characters XML 1.0 forbids. */
const ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/g;
/** All of those but the apostrophe, which plain English (and most feed summaries: "April's pace") holds. */
const ESCAPED_BUT_APOSTROPHE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(text: string): string {
	// Text with only apostrophes to escape takes one read of the text and a plain search, not a test and six replacements.
	if (ESCAPED_BUT_APOSTROPHE.test(text)) return text.replace(ESCAPED, (special) => ENTITIES[special] ?? '');
	return text.includes("'") ? text.replaceAll("'", '&apos;') : text;
}

/** Feeds ask for the same few dozen months thousands of times. */
const monthEnds = new Map<string, string>();

/** 'YYYY-MM' → the last day of that month at midnight UTC, as RFC 3339. */
export function monthEndTimestamp(period: string): string {
	let stamp = monthEnds.get(period);
	if (stamp === undefined) {
		const [year, month] = period.split('-').map(Number);
		stamp = new Date(Date.UTC(year, month, 0)).toISOString().replace('.000Z', 'Z');
		monthEnds.set(period, stamp);
	}
	return stamp;
}

export function atomXml(feed: AtomFeed): string {
	// Few parts joined once into one flat string: writeFile turns that into bytes more cheaply than a
	// rope of `+=` pieces, and the summary, the long part, is copied once.
	const parts = [
		'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">\n' +
		`  <id>${atomId(feed.key)}</id>\n` +
		`  <title type="text">${xmlText(feed.title)}</title>\n` +
		(feed.subtitle ? `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>\n` : '') +
		`  <updated>${feed.updated}</updated>\n` +
		`  <author><name>${xmlText(feed.author)}</name></author>\n` +
		`  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>\n` +
		`  <link rel="alternate" type="text/html" href="${xmlText(feed.href)}"/>\n`
	];
	for (const entry of feed.entries) {
		parts.push(
			`  <entry>\n    <id>${atomId(entry.key)}</id>\n    <title type="text">${xmlText(entry.title)}</title>\n    <updated>${entry.updated}</updated>\n    <link rel="alternate" type="text/html" href="${xmlText(entry.href)}"/>\n    <summary type="text">`,
			xmlText(entry.summary),
			'</summary>\n  </entry>\n'
		);
	}
	parts.push('</feed>\n');
	return parts.join('');
}
