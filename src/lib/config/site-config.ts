/**
 * One file brands a copy of OpenWaits and chooses what it shows, without
 * touching code: openwaits.config.json at the top of the repository (or the
 * file named by OPENWAITS_CONFIG), read when the site is built and when the
 * data are fetched. Checked strictly, with errors that name the field, because
 * the person editing it may never have read this code. Schema:
 * openwaits.config.schema.json.
 */

/** Pages a copy can leave out, each with the routes it covers. The patient search and About pages are always on. */
export const OPTIONAL_PAGES = {
	explore: { title: 'Explore the data', paths: ['/explore'] },
	compare: { title: 'Compare providers', paths: ['/compare'] },
	league: { title: 'League tables', paths: ['/league', '/league/custom', '/embed/league'] },
	council: { title: 'Your council', paths: ['/council'] }
} as const;
export type OptionalPage = keyof typeof OPTIONAL_PAGES;

export interface SiteConfig {
	/** Shown in the header and footer. */
	name: string;
	/** Who publishes this copy ("Anytown Council"), shown in the footer; null for none. */
	publisher: string | null;
	colours: {
		/** Header background and links: must be readable as white text on it and as text on the page background. */
		primary: string;
		/** Footer links and visited states. */
		secondary: string;
		/** The keyboard focus highlight, behind dark text. */
		focus: string;
	};
	pages: Record<OptionalPage, boolean>;
	/** Source ids (data/sources.json) that data:fetch and refresh download; null for all. */
	datasets: string[] | null;
}

export const DEFAULT_CONFIG: SiteConfig = {
	name: 'OpenWaits',
	publisher: null,
	colours: { primary: '#005eb8', secondary: '#003087', focus: '#ffeb3b' },
	pages: { explore: true, compare: true, league: true, council: true },
	datasets: null
};

const HEX = /^#[0-9a-fA-F]{6}$/;
/** The page background and text colour of app.css, which branding does not change. */
const PAGE_BACKGROUND = '#f0f4f5';
const TEXT = '#212b32';
const WHITE = '#ffffff';

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio (1 to 21). */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

export class SiteConfigError extends Error {
	constructor(file: string, problems: string[]) {
		super(`${file} is not a valid OpenWaits site configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee "Publish your own" in README.md and openwaits.config.schema.json.`);
		this.name = 'SiteConfigError';
	}
}

const KEYS = ['$schema', 'name', 'publisher', 'colours', 'pages', 'datasets'];

/** Parses the JSON text of a configuration; every field is optional and falls back to OpenWaits' own. */
export function parseSiteConfig(json: string, file = 'openwaits.config.json'): SiteConfig {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		throw new SiteConfigError(file, [`it is not valid JSON: ${(error as Error).message}`]);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SiteConfigError(file, ['it must be a JSON object ({ … }).']);
	const raw = data as Record<string, unknown>;
	const problems: string[] = [];
	for (const key of Object.keys(raw)) if (!KEYS.includes(key)) problems.push(`"${key}" is not a setting; the settings are ${KEYS.slice(1).join(', ')}.`);
	const config = structuredClone(DEFAULT_CONFIG);

	if (raw.name !== undefined) {
		if (typeof raw.name !== 'string' || !raw.name.trim() || raw.name.length > 60) problems.push('"name" must be text of 1 to 60 characters.');
		else config.name = raw.name.trim();
	}
	if (raw.publisher !== undefined && raw.publisher !== null) {
		if (typeof raw.publisher !== 'string' || !raw.publisher.trim() || raw.publisher.length > 120) problems.push('"publisher" must be text of 1 to 120 characters, or null.');
		else config.publisher = raw.publisher.trim();
	}
	if (raw.colours !== undefined) {
		const colours = typeof raw.colours === 'object' && raw.colours !== null ? (raw.colours as Record<string, unknown>) : null;
		if (!colours) problems.push('"colours" must be an object such as { "primary": "#005eb8" }.');
		for (const [key, value] of Object.entries(colours ?? {})) {
			if (!(key in config.colours)) problems.push(`"colours.${key}" is not a colour setting; they are ${Object.keys(config.colours).join(', ')}.`);
			else if (typeof value !== 'string' || !HEX.test(value)) problems.push(`"colours.${key}" must be a colour written #rrggbb, got ${JSON.stringify(value)}.`);
			else config.colours[key as keyof SiteConfig['colours']] = value.toLowerCase();
		}
	}
	const { primary, secondary, focus } = config.colours;
	const readable = (what: string, ratio: number, min: number) => {
		if (ratio < min) problems.push(`${what}: contrast ${ratio.toFixed(2)}:1, below the ${min}:1 that WCAG AA asks for; choose a darker or lighter colour.`);
	};
	readable(`white header text on "colours.primary" ${primary}`, contrast(WHITE, primary), 4.5);
	readable(`links in "colours.primary" ${primary} on the page background`, contrast(primary, PAGE_BACKGROUND), 4.5);
	readable(`footer links in "colours.secondary" ${secondary} on the footer`, contrast(secondary, '#d8dde0'), 4.5);
	readable(`text on the focus highlight "colours.focus" ${focus}`, contrast(TEXT, focus), 4.5);

	if (raw.pages !== undefined) {
		const pages = typeof raw.pages === 'object' && raw.pages !== null ? (raw.pages as Record<string, unknown>) : null;
		if (!pages) problems.push('"pages" must be an object such as { "explore": false }.');
		for (const [key, value] of Object.entries(pages ?? {})) {
			if (!(key in OPTIONAL_PAGES)) problems.push(`"pages.${key}" is not a page that can be turned off; they are ${Object.keys(OPTIONAL_PAGES).join(', ')}.`);
			else if (typeof value !== 'boolean') problems.push(`"pages.${key}" must be true or false.`);
			else config.pages[key as OptionalPage] = value;
		}
	}
	if (raw.datasets !== undefined && raw.datasets !== null) {
		if (!Array.isArray(raw.datasets) || raw.datasets.length === 0 || !raw.datasets.every((d) => typeof d === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(d))) {
			problems.push('"datasets" must be a non-empty list of source ids from data/sources.json (e.g. ["nhse-rtt", "nhse-ae"]), or null for all.');
		} else config.datasets = raw.datasets as string[];
	}
	if (problems.length) throw new SiteConfigError(file, problems);
	return config;
}

/** The routes (without the base path) that this configuration leaves out. */
export function hiddenPaths(config: SiteConfig): string[] {
	return (Object.keys(OPTIONAL_PAGES) as OptionalPage[]).filter((p) => !config.pages[p]).flatMap((p) => [...OPTIONAL_PAGES[p].paths]);
}

/** Whether a route id (e.g. '/league/custom', '/provider/[code]') belongs to a page this configuration leaves out. */
export function routeHidden(config: SiteConfig, routeId: string | null): boolean {
	if (!routeId) return false;
	return hiddenPaths(config).some((path) => routeId === path || routeId.startsWith(`${path}/`));
}
