/**
 * Atom 1.0 documents (RFC 4287), written as text: a feed with its id, title,
 * updated and author, and entries each with id, title, updated, a plain-text
 * summary and a link to the page they describe. Ids are `urn:uuid:` names
 * derived from a stable key (RFC 4122 version 5 style: SHA-1 of the key), so
 * the same month of the same list keeps the same id in every build, and no
 * host name has to be known when the site is built.
 */
import { createHash } from 'node:crypto';

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

/** A version-5-style UUID URN for a key: deterministic and universally unique in practice. */
export function atomId(key: string): string {
	const hash = createHash('sha1').update(`${NAMESPACE}:${key}`).digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Text and attribute values: the five XML specials, and no control characters XML 1.0 forbids. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/;

export function xmlText(text: string): string {
	// Most titles and summaries hold nothing to escape: one test instead of six replacements.
	if (!NEEDS_ESCAPE.test(text)) return text;
	return text
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
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
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
		`  <id>${atomId(feed.key)}</id>`,
		`  <title type="text">${xmlText(feed.title)}</title>`,
		...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
		`  <updated>${feed.updated}</updated>`,
		`  <author><name>${xmlText(feed.author)}</name></author>`,
		`  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
		`  <link rel="alternate" type="text/html" href="${xmlText(feed.href)}"/>`
	];
	for (const entry of feed.entries) {
		lines.push(
			'  <entry>',
			`    <id>${atomId(entry.key)}</id>`,
			`    <title type="text">${xmlText(entry.title)}</title>`,
			`    <updated>${entry.updated}</updated>`,
			`    <link rel="alternate" type="text/html" href="${xmlText(entry.href)}"/>`,
			`    <summary type="text">${xmlText(entry.summary)}</summary>`,
			'  </entry>'
		);
	}
	lines.push('</feed>', '');
	return lines.join('\n');
}
