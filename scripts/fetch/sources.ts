/**
 * The list of official download locations (data/sources.json): parsing,
 * checking, and choosing which files to fetch. Checked strictly because a
 * typo here only shows up as a failed download much later.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import type { DiscoverRule } from './discover.ts';

export interface SourceFileEntry {
	url: string;
	/** Path under the output folder; also the name used with --base-url. */
	saveAs: string;
	/** Expected sha256 (lower-case hex); null/absent when not yet recorded. */
	sha256?: string | null;
	note?: string;
}

export interface Source {
	id: string;
	title: string;
	publisher: string;
	licence: string;
	landingPage: string;
	note?: string;
	/** Files at fixed addresses (may be empty when `discover` finds them). */
	files: SourceFileEntry[];
	/** How to find the files on the landing page (and its per-year pages) at each run. */
	discover?: DiscoverRule;
}

/** One file to download, with its URL after any --base-url rewrite. */
export interface PlannedDownload {
	sourceId: string;
	url: string;
	/** The URL in sources.json (recorded even when a mirror served the file). */
	officialUrl: string;
	saveAs: string;
	sha256: string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

function fail(where: string, message: string): never {
	throw new Error(`sources list, ${where}: ${message}`);
}

function text(value: unknown, where: string, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') fail(where, `"${field}" must be a non-empty string.`);
	return value;
}

function httpUrl(value: unknown, where: string, field: string): string {
	const raw = text(value, where, field);
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		fail(where, `"${field}" is not a URL: ${raw}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(where, `"${field}" must be http(s): ${raw}`);
	return raw;
}

/** saveAs must stay inside the output folder: no absolute paths, no "..". */
export function checkSaveAs(value: unknown, where: string): string {
	const raw = text(value, where, 'saveAs');
	const normal = normalize(raw).replaceAll('\\', '/');
	if (isAbsolute(raw) || normal.startsWith('../') || normal === '..' || normal !== raw) {
		fail(where, `"saveAs" must be a plain relative path inside the output folder, got "${raw}".`);
	}
	return raw;
}

function parseFile(value: unknown, where: string): SourceFileEntry {
	if (typeof value !== 'object' || value === null) fail(where, 'each file must be an object.');
	const file = value as Record<string, unknown>;
	const sha = file.sha256;
	if (sha !== undefined && sha !== null && (typeof sha !== 'string' || !SHA256.test(sha))) {
		fail(where, `"sha256" must be 64 lower-case hex digits or null, got ${JSON.stringify(sha)}.`);
	}
	return {
		url: httpUrl(file.url, where, 'url'),
		saveAs: checkSaveAs(file.saveAs, where),
		sha256: (sha as string | null | undefined) ?? null,
		...(typeof file.note === 'string' ? { note: file.note } : {})
	};
}

function pattern(value: unknown, where: string, field: string): string | undefined {
	if (value === undefined) return undefined;
	const raw = text(value, where, field);
	try {
		new RegExp(raw, 'i');
	} catch (error) {
		fail(where, `"${field}" is not a valid regular expression: ${(error as Error).message}`);
	}
	return raw;
}

function parseDiscover(value: unknown, where: string): DiscoverRule {
	if (typeof value !== 'object' || value === null) fail(where, 'must be an object.');
	const rule = value as Record<string, unknown>;
	const yearPages = pattern(rule.yearPages, where, 'yearPages');
	const linkText = pattern(rule.linkText, where, 'linkText');
	const linkHref = pattern(rule.linkHref, where, 'linkHref');
	if (!linkText && !linkHref) fail(where, 'give "linkText" or "linkHref" (or both) to say which links are the files.');
	if (yearPages && !yearPages.includes('(?<start>')) fail(where, '"yearPages" needs a group (?<start>…) for the year a financial year begins.');
	const monthly = [linkText, linkHref].some((p) => p?.includes('(?<month>'));
	const saveAs = checkSaveAs(rule.saveAs, where);
	if (monthly !== saveAs.includes('{period}')) {
		fail(where, monthly ? '"saveAs" must contain {period} when the links name a month.' : '"saveAs" contains {period} but no pattern has a (?<month>…) group.');
	}
	return {
		...(yearPages ? { yearPages } : {}),
		...(linkText ? { linkText } : {}),
		...(linkHref ? { linkHref } : {}),
		describe: text(rule.describe, where, 'describe'),
		saveAs
	};
}

/** Parses and checks the JSON text of a sources list. */
export function parseSources(json: string, name = 'sources.json'): Source[] {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		throw new Error(`${name} is not valid JSON: ${(error as Error).message}`);
	}
	const list = Array.isArray(data) ? data : (data as { sources?: unknown })?.sources;
	if (!Array.isArray(list)) fail(name, 'expected a list of sources (or { "sources": [...] }).');
	const ids = new Set<string>();
	const saved = new Set<string>();
	return list.map((value, i) => {
		const where = `${name} source ${i + 1}`;
		if (typeof value !== 'object' || value === null) fail(where, 'each source must be an object.');
		const source = value as Record<string, unknown>;
		const id = text(source.id, where, 'id');
		if (!ID.test(id)) fail(where, `"id" must be lower-case letters, digits and dashes, got "${id}".`);
		if (ids.has(id)) fail(where, `duplicate id "${id}".`);
		ids.add(id);
		const discover = source.discover === undefined ? undefined : parseDiscover(source.discover, `${where} (${id}) discover`);
		const listed = source.files ?? [];
		if (!Array.isArray(listed) || (listed.length === 0 && !discover)) fail(`${where} (${id})`, '"files" must be a non-empty list (or give "discover").');
		const files = listed.map((f, j) => parseFile(f, `${where} (${id}) file ${j + 1}`));
		const paths = [...files.map((f) => f.saveAs), ...(discover ? [discover.saveAs] : [])];
		for (const saveAs of paths) {
			// Two sources writing the same path would silently overwrite each other.
			if (saved.has(saveAs)) fail(`${where} (${id})`, `"${saveAs}" is saved by two entries.`);
			saved.add(saveAs);
		}
		return {
			id,
			title: text(source.title, where, 'title'),
			publisher: text(source.publisher, where, 'publisher'),
			licence: text(source.licence, where, 'licence'),
			landingPage: httpUrl(source.landingPage, where, 'landingPage'),
			...(typeof source.note === 'string' ? { note: source.note } : {}),
			files,
			...(discover ? { discover } : {})
		};
	});
}

export async function loadSources(path: string): Promise<Source[]> {
	return parseSources(await readFile(path, 'utf8'), path);
}

/** A mirror of the publishers' sites laid out by host: https://host/path?q → <mirror>/host/path?q. */
export function hostMirrorUrl(mirror: string, url: string): string {
	const official = new URL(url);
	const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
	return new URL(`${official.host}${official.pathname}${official.search}`, base).toString();
}

/** `<base>/<saveAs>`, each path segment URL-encoded; a trailing slash on the base is optional. */
export function mirrorUrl(baseUrl: string, saveAs: string): string {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return new URL(saveAs.split('/').map(encodeURIComponent).join('/'), base).toString();
}

/** The downloads to make, in list order; `only` restricts to one source id (unknown id → error listing the ids). */
export function planDownloads(sources: Source[], options: { only?: string; baseUrl?: string } = {}): PlannedDownload[] {
	const chosen = options.only ? sources.filter((s) => s.id === options.only) : sources;
	if (options.only && chosen.length === 0) {
		throw new Error(`no source with id "${options.only}"; the ids are: ${sources.map((s) => s.id).join(', ')}.`);
	}
	if (options.baseUrl) httpUrl(options.baseUrl, '--base-url', 'base-url');
	return chosen.flatMap((source) =>
		source.files.map((file) => ({
			sourceId: source.id,
			url: options.baseUrl ? mirrorUrl(options.baseUrl, file.saveAs) : file.url,
			officialUrl: file.url,
			saveAs: file.saveAs,
			sha256: file.sha256 ?? null
		}))
	);
}
