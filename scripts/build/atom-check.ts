/**
 * A strict checker for the Atom documents the build writes, used by the tests
 * (no XML library is installed, and the build must not need one). It parses
 * well-formed XML 1.0 of the kind we emit (declaration, elements, attributes,
 * text, the five named entities and character references; no DTD, comments
 * or CDATA, which we never write) and checks RFC 4287's rules that apply:
 * atom:feed with exactly one id, title and updated; an author on the feed or
 * on every entry; each entry with exactly one id, title and updated, and a
 * summary or content, or an alternate link; ids absolute IRIs and unique;
 * dates RFC 3339; links with an href. Returns a list of problems (empty = valid).
 */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function decodeEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
		e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]
	);
}

function checkText(text: string, where: string): void {
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '<') throw new Error(`${where}: raw "<" in text`);
		if (text[i] === '&') {
			ENTITY.lastIndex = i;
			if (!ENTITY.test(text)) throw new Error(`${where}: "&" that is not an entity reference`);
		}
	}
}

/** Parses one XML document into its root element; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
	let i = 0;
	const decl = /^<\?xml version="1\.0"( encoding="[\w-]+")?\?>\s*/.exec(xml);
	if (xml.startsWith('<?xml') && !decl) throw new Error('malformed XML declaration');
	if (decl) i = decl[0].length;
	const stack: XmlElement[] = [];
	let root: XmlElement | null = null;
	while (i < xml.length) {
		if (xml[i] !== '<') {
			const end = xml.indexOf('<', i);
			const text = xml.slice(i, end < 0 ? xml.length : end);
			if (stack.length === 0) {
				if (text.trim() !== '') throw new Error(`text outside the root element at offset ${i}`);
			} else {
				checkText(text, `offset ${i}`);
				stack.at(-1)!.text += decodeEntities(text);
			}
			i = end < 0 ? xml.length : end;
			continue;
		}
		const close = xml.indexOf('>', i);
		if (close < 0) throw new Error(`unclosed tag at offset ${i}`);
		const tag = xml.slice(i + 1, close);
		i = close + 1;
		if (tag.startsWith('/')) {
			const open = stack.pop();
			if (!open || open.name !== tag.slice(1).trim()) throw new Error(`closing </${tag.slice(1)}> does not match <${open?.name ?? 'nothing'}>`);
			continue;
		}
		if (tag.startsWith('!') || tag.startsWith('?')) throw new Error(`unexpected <${tag.slice(0, 10)}> (no DTD, comments or processing instructions are written)`);
		const selfClosing = tag.endsWith('/');
		const body = selfClosing ? tag.slice(0, -1) : tag;
		const nameMatch = /^([^\s/>]+)/.exec(body);
		if (!nameMatch || !NAME.test(nameMatch[1])) throw new Error(`bad element name in <${tag}>`);
		const element: XmlElement = { name: nameMatch[1], attributes: {}, children: [], text: '' };
		const rest = body.slice(nameMatch[1].length);
		const attribute = /\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/y;
		let at = 0;
		while (at < rest.trimEnd().length) {
			attribute.lastIndex = at;
			const m = attribute.exec(rest);
			if (!m) throw new Error(`bad attribute in <${tag}>`);
			if (m[1] in element.attributes) throw new Error(`attribute ${m[1]} twice in <${element.name}>`);
			checkText(m[2], `<${element.name} ${m[1]}>`);
			element.attributes[m[1]] = decodeEntities(m[2]);
			at = attribute.lastIndex;
		}
		if (stack.length) stack.at(-1)!.children.push(element);
		else if (root) throw new Error('a second root element');
		else root = element;
		if (!selfClosing) stack.push(element);
	}
	if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
	if (!root) throw new Error('no root element');
	return root;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const ATOM = 'http://www.w3.org/2005/Atom';

/** RFC 4287 problems in an Atom feed document; [] when valid. */
export function atomProblems(xml: string): string[] {
	let feed: XmlElement;
	try {
		feed = parseXml(xml);
	} catch (error) {
		return [`not well-formed XML: ${(error as Error).message}`];
	}
	const problems: string[] = [];
	if (feed.name !== 'feed' || feed.attributes.xmlns !== ATOM) return [`the root element must be <feed xmlns="${ATOM}">`];
	const all = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
	const checkCommon = (el: XmlElement, where: string) => {
		for (const name of ['id', 'title', 'updated']) {
			const n = all(el, name).length;
			if (n !== 1) problems.push(`${where} has ${n} <${name}> elements; exactly one is required`);
		}
		const id = all(el, 'id')[0]?.text.trim();
		if (id !== undefined && !IRI.test(id)) problems.push(`${where} id "${id}" is not an absolute IRI`);
		const updated = all(el, 'updated')[0]?.text.trim();
		if (updated !== undefined && (!RFC3339.test(updated) || Number.isNaN(Date.parse(updated)))) problems.push(`${where} updated "${updated}" is not an RFC 3339 date`);
		for (const link of all(el, 'link')) if (!link.attributes.href) problems.push(`${where} has a <link> without href`);
		for (const text of [...all(el, 'title'), ...all(el, 'summary'), ...all(el, 'subtitle')]) {
			const type = text.attributes.type ?? 'text';
			if (!['text', 'html', 'xhtml'].includes(type)) problems.push(`${where} <${text.name}> has type "${type}"`);
		}
		for (const author of all(el, 'author')) if (all(author, 'name').length !== 1) problems.push(`${where} <author> needs exactly one <name>`);
		const alternates = all(el, 'link').filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate').map((l) => `${l.attributes.type ?? ''}|${l.attributes.hreflang ?? ''}`);
		if (new Set(alternates).size !== alternates.length) problems.push(`${where} has two alternate links with the same type and hreflang`);
		return id;
	};
	const ids = [checkCommon(feed, 'the feed')];
	const feedAuthor = all(feed, 'author').length > 0;
	all(feed, 'entry').forEach((entry, i) => {
		const where = `entry ${i + 1}`;
		ids.push(checkCommon(entry, where));
		if (!feedAuthor && all(entry, 'author').length === 0) problems.push(`${where} has no author and the feed has none`);
		const hasAlternate = all(entry, 'link').some((l) => (l.attributes.rel ?? 'alternate') === 'alternate');
		if (all(entry, 'content').length === 0 && !hasAlternate) problems.push(`${where} has neither content nor an alternate link`);
		if (all(entry, 'summary').length > 1) problems.push(`${where} has more than one summary`);
	});
	const seen = new Set<string>();
	for (const id of ids) {
		if (id === undefined) continue;
		if (seen.has(id)) problems.push(`id ${id} is used twice`);
		seen.add(id);
	}
	return problems;
}
