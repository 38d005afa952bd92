/**
 * A copy of the publishers' sites for tests, laid out by host as `--mirror`
 * expects: the hand-written pages of tests/fixtures/publishers, with a file at
 * every address they link to (made-up bytes, or what the test supplies).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pageLinks } from './html-links.ts';
import { pseudoRandomBytes } from './test-server.ts';

export const PUBLISHER_PAGES = resolve(import.meta.dirname, '../../tests/fixtures/publishers');
export const CHANGED_PAGES = resolve(import.meta.dirname, '../../tests/fixtures/publishers-changed');

const FILE = /\.(zip|csv|ods|xlsx?|pdf)$/i;

/** Where an official URL lives in a mirror folder. */
export function mirrorPath(root: string, url: string): string {
	const u = new URL(url);
	return join(root, u.host, decodeURIComponent(u.pathname));
}

/** Deterministic bytes that differ from URL to URL (so each file has its own sha256). */
export function madeUpBytes(url: string, size = 2_000): Buffer {
	let seed = 2166136261;
	for (const c of url) seed = Math.imul(seed ^ c.charCodeAt(0), 16777619) >>> 0;
	return pseudoRandomBytes(size, seed);
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export interface MirrorOptions {
	/** Mirror-relative page paths replaced by another file (a changed layout). */
	replacePages?: Record<string, string>;
	/** Further official URLs to serve (fixed-address files). */
	extraUrls?: string[];
	/** The bytes of a linked file; undefined → made-up bytes. */
	content?: (url: string) => Buffer | undefined;
}

export function buildMirror(options: MirrorOptions = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'openwaits-mirror-'));
	cpSync(PUBLISHER_PAGES, root, { recursive: true });
	for (const [page, replacement] of Object.entries(options.replacePages ?? {})) cpSync(replacement, join(root, page));
	const urls = new Set(options.extraUrls ?? []);
	for (const file of htmlFiles(root)) {
		const pageUrl = `https://${file.slice(root.length + 1).replace(/index\.html$/, '')}`;
		for (const link of pageLinks(readFileSync(file, 'utf8'), pageUrl)) if (FILE.test(new URL(link.href).pathname)) urls.add(link.href);
	}
	for (const url of urls) {
		const path = mirrorPath(root, url);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, options.content?.(url) ?? madeUpBytes(url));
	}
	return root;
}
