/**
 * The links of a publisher's web page: every <a href> with its visible text,
 * the href made absolute against the page. Publishers' statistics pages are
 * server-rendered lists of links, so a small tokenizer is enough; what matters
 * is that the text reads as a person sees it (tags removed, entities decoded,
 * white space collapsed) because links are recognised by their titles.
 */

export interface PageLink {
	href: string;
	text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘' };

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED[name.toLowerCase()] ?? whole;
	});
}

/** Visible text of an HTML fragment: tags dropped, entities decoded, runs of white space made one space. */
export function visibleText(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function attribute(tag: string, name: string): string | null {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
	return match ? decodeEntities(match[1] ?? match[2] ?? match[3]) : null;
}

/** Every link on the page, in page order; hrefs that are not http(s) (mailto:, #top, javascript:) are left out. */
export function pageLinks(html: string, pageUrl: string): PageLink[] {
	// Comments and scripts can hold markup that is not on the page.
	const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
	const links: PageLink[] = [];
	for (const match of body.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
		const raw = attribute(match[1], 'href');
		// In-page anchors (#main) are navigation, not documents.
		if (!raw || raw.trim().startsWith('#')) continue;
		let url: URL;
		try {
			url = new URL(raw.trim(), pageUrl);
		} catch {
			continue;
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
		url.hash = '';
		const text = visibleText(match[2]) || attribute(match[1], 'title') || attribute(match[1], 'aria-label') || '';
		links.push({ href: url.toString(), text });
	}
	return links;
}
