/**
 * Finding the files on the publishers' own pages instead of fixed URLs.
 *
 * NHS England lists each financial year's monthly files on a page of its own,
 * linked from a landing page; a file's URL carries a random suffix and the
 * folder of the month it was uploaded, so it cannot be guessed. Revisions are
 * uploaded again under a new name and replace the earlier file: for each month
 * the newest upload wins. A page that no longer has the links we look for is an
 * error naming the page and the link, never a silent "nothing new".
 */
import { pageLinks, type PageLink } from './html-links.ts';
import { addMonths, financialYearName, financialYears, monthPeriod } from './months.ts';

/** How to find a source's files (the "discover" entry of a source in data/sources.json). */
export interface DiscoverRule {
	/** Regex on the href of the landing page's links to its per-year pages; group `start` is the year the financial year begins. Absent: the files are linked from the landing page itself. */
	yearPages?: string;
	/** Regex (case-insensitive) on a file link's visible text; groups `month` and `year` make the source monthly. */
	linkText?: string;
	/** Regex (case-insensitive) on a file link's URL, alone or with linkText. */
	linkHref?: string;
	/** The link as a person would describe it, for error messages: "'Full CSV data file <Mon><YY> (ZIP, …)'". */
	describe: string;
	/** Where to save under the output folder; `{period}` becomes YYYY-MM for monthly sources. */
	saveAs: string;
}

export interface DiscoveredFile {
	/** 'YYYY-MM' for monthly sources. */
	period: string | null;
	url: string;
	text: string;
	/** The page the link was found on. */
	page: string;
	/** 'YYYY-MM' of the upload folder in the URL (…/uploads/…/2025/06/…), when there is one. */
	uploaded: string | null;
	revised: boolean;
	saveAs: string;
}

export class PageLayoutError extends Error {
	constructor(readonly page: string, readonly missing: string, links: number, sourceId: string) {
		super(
			`${page}: ${missing} was not found on the page (it has ${links} links). The publisher may have changed the page's layout: ` +
				`open it, find the link, and update "discover" for "${sourceId}" in data/sources.json. Nothing was downloaded for ${sourceId}; files already fetched are kept.`
		);
		this.name = 'PageLayoutError';
	}
}

/** 'YYYY-MM' of a WordPress-style upload folder in a URL, or null. */
export function uploadFolder(url: string): string | null {
	const match = /\/uploads\/(?:sites\/\d+\/)?(\d{4})\/(\d{2})\//.exec(new URL(url).pathname);
	return match ? `${match[1]}-${match[2]}` : null;
}

const REVISED = /revis/i;

/** The links of a page that are files of this rule, with the month each describes. */
export function fileLinks(links: PageLink[], rule: DiscoverRule, page: string): Omit<DiscoveredFile, 'saveAs'>[] {
	const text = rule.linkText ? new RegExp(rule.linkText, 'i') : null;
	const href = rule.linkHref ? new RegExp(rule.linkHref, 'i') : null;
	const found: Omit<DiscoveredFile, 'saveAs'>[] = [];
	for (const link of links) {
		const byText = text ? text.exec(link.text) : null;
		const byHref = href ? href.exec(link.href) : null;
		if ((text && !byText) || (href && !byHref)) continue;
		const groups = { ...byHref?.groups, ...byText?.groups };
		let period: string | null = null;
		if (groups.month !== undefined) {
			period = monthPeriod(groups.month, groups.year ?? '');
			if (!period) continue;
		}
		found.push({ period, url: link.href, text: link.text, page, uploaded: uploadFolder(link.href), revised: REVISED.test(link.text) || REVISED.test(link.href) });
	}
	return found;
}

/**
 * The newest upload of each month: the later upload folder wins; in the same
 * folder a file marked revised beats one that is not; then the later link on
 * the page (publishers add revisions below the original).
 */
export function newestPerMonth<T extends Omit<DiscoveredFile, 'saveAs'>>(files: T[]): T[] {
	const rank = (f: T, order: number) => [f.uploaded ?? '', f.revised ? 1 : 0, order] as const;
	const best = new Map<string | null, { file: T; rank: readonly [string, number, number] }>();
	files.forEach((file, order) => {
		const r = rank(file, order);
		const current = best.get(file.period);
		if (!current || r[0] > current.rank[0] || (r[0] === current.rank[0] && (r[1] > current.rank[1] || (r[1] === current.rank[1] && r[2] > current.rank[2])))) {
			best.set(file.period, { file, rank: r });
		}
	});
	return [...best.values()].map((b) => b.file).sort((a, b) => (a.period ?? '').localeCompare(b.period ?? ''));
}

export interface DiscoverOptions {
	sourceId: string;
	landingPage: string;
	/** First month wanted, 'YYYY-MM'. */
	since: string;
	/** The current month, 'YYYY-MM'. */
	until: string;
	/** The HTML of a page (with retries and politeness handled by the caller). */
	getPage: (url: string) => Promise<string>;
}

/** Publication runs about six weeks behind: a financial year's page may not exist until its first month is out. */
const PUBLICATION_LAG_MONTHS = 2;

export async function discoverFiles(rule: DiscoverRule, options: DiscoverOptions): Promise<{ files: DiscoveredFile[]; notes: string[] }> {
	const { sourceId, landingPage, since, until } = options;
	const notes: string[] = [];
	const landing = pageLinks(await options.getPage(landingPage), landingPage);
	let pages: { url: string; links: PageLink[] }[] = [{ url: landingPage, links: landing }];
	if (rule.yearPages) {
		const pattern = new RegExp(rule.yearPages, 'i');
		const years = new Map<number, string>();
		for (const link of landing) {
			const start = Number(pattern.exec(link.href)?.groups?.start);
			if (Number.isInteger(start) && !years.has(start)) years.set(start, link.href);
		}
		if (years.size === 0) throw new PageLayoutError(landingPage, `a link to any financial year's page (an address matching ${rule.yearPages})`, landing.length, sourceId);
		pages = [];
		for (const year of financialYears(since, until)) {
			const url = years.get(year);
			if (url) {
				pages.push({ url, links: pageLinks(await options.getPage(url), url) });
			} else if (`${year}-04` > addMonths(until, -PUBLICATION_LAG_MONTHS)) {
				notes.push(`no ${financialYearName(year)} page yet (its first month is not due until ${addMonths(`${year}-04`, PUBLICATION_LAG_MONTHS)})`);
			} else {
				throw new PageLayoutError(landingPage, `the link to the ${financialYearName(year)} page`, landing.length, sourceId);
			}
		}
	}
	const candidates = [];
	for (const page of pages) {
		const found = fileLinks(page.links, rule, page.url);
		if (found.length === 0) throw new PageLayoutError(page.url, `a link titled ${rule.describe}`, page.links.length, sourceId);
		candidates.push(...found);
	}
	const wanted = candidates.filter((c) => c.period === null || (c.period >= since && c.period <= until));
	const files = newestPerMonth(wanted).map((f) => ({ ...f, saveAs: rule.saveAs.replaceAll('{period}', f.period ?? '') }));
	return { files, notes };
}
