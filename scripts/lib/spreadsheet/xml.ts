/**
 * The little XML a spreadsheet needs, read with indexOf over one string (no DOM):
 * attributes of a start tag, the five predefined entities and character
 * references. Untrusted files: a DOCTYPE (and so any entity of its own, the
 * "billion laughs") is refused, and an unknown entity is an error, never text.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Why a part of the file could not be read; the caller adds file, sheet, row and column. */
export class XmlError extends Error {}

/** Replace entity and character references; throws XmlError for anything but the five XML entities. */
export function decodeEntities(text: string): string {
	if (text.indexOf('&') < 0) return text;
	return text.replace(/&([^;&\s]{0,12});?/g, (whole, name: string) => {
		if (!whole.endsWith(';')) throw new XmlError(`"${whole}" is not a complete XML entity`);
		if (name in NAMED) return NAMED[name];
		const m = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(name);
		if (m) {
			const code = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]);
			if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
		}
		throw new XmlError(`the entity "${whole}" is not one of the five XML entities; entities defined by a file are refused`);
	});
}

/** Refuse a document type declaration: the only way a file can define entities of its own. */
export function refuseDoctype(xml: string, part: string): void {
	const head = xml.slice(0, 4096);
	if (head.includes('<!DOCTYPE') || head.includes('<!ENTITY') || xml.includes('<!ENTITY')) {
		throw new XmlError(`${part} has a document type declaration (DTD); spreadsheets have none, and its entities are refused`);
	}
}

/** The value of one attribute in a start tag (`<c r="A1" t="s">`), decoded; null when absent. */
export function attribute(tag: string, name: string): string | null {
	let at = 0;
	for (;;) {
		at = tag.indexOf(name, at);
		if (at < 0) return null;
		const before = tag.charCodeAt(at - 1);
		const after = at + name.length;
		// A whole attribute name: preceded by whitespace, followed by `=`.
		if ((before === 32 || before === 9 || before === 10 || before === 13) && tag[after] === '=') {
			const quote = tag[after + 1];
			const end = tag.indexOf(quote, after + 2);
			if ((quote !== '"' && quote !== "'") || end < 0) throw new XmlError(`the attribute ${name} is not quoted`);
			return decodeEntities(tag.slice(after + 2, end));
		}
		at = after;
	}
}

/**
 * Where the element that starts at `start` (at its `<`) ends: just past its `/>` or
 * its closing tag. Elements of the same name must not nest (true of every part read here).
 */
export function elementEnd(xml: string, name: string, from: number): { tagEnd: number; end: number; empty: boolean } {
	const tagEnd = xml.indexOf('>', from);
	if (tagEnd < 0) throw new XmlError(`the <${name}> tag is not closed (the file is cut short)`);
	if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) return { tagEnd, end: tagEnd + 1, empty: true };
	const close = xml.indexOf(`</${name}>`, tagEnd);
	if (close < 0) throw new XmlError(`<${name}> has no closing tag (the file is cut short)`);
	return { tagEnd, end: close + name.length + 3, empty: false };
}

/** True when the tag at `at` is exactly `<name` followed by a space, `/` or `>` (not `<name-more`). */
export function isTag(xml: string, at: number, name: string): boolean {
	const c = xml.charCodeAt(at + 1 + name.length);
	return c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13;
}

/** 'A' → 1, 'AA' → 27. */
export function columnNumber(letters: string): number {
	let n = 0;
	for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
	return n;
}

/** 1 → 'A', 27 → 'AA': how a spreadsheet names a column in messages. */
export function columnLetters(n: number): string {
	let s = '';
	for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** Escape text for an XML text node or a double-quoted attribute (the writers). */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
