/**
 * A fingerprint of the code that turns one RTT file into a month's results:
 * the month module and every module it imports (followed through relative
 * imports, type-only imports left out), plus the versions of the libraries
 * that write the files. Any change to any of them gives a new fingerprint, so a
 * month cached by older code is never reused; nobody has to remember to bump a number.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped by hand only when the cache entry's own layout changes (month-cache.ts). */
export const CACHE_FORMAT = 1;

/** Relative imports that bring code at run time (`import type …` brings none). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'(\.{1,2}\/[^']+)'/gm;

export function relativeImports(source: string): string[] {
	return [...source.matchAll(IMPORT)].map((m) => m[1]);
}

/** Every module reachable from `entry` through relative imports, as URL → text, in a stable order. */
export async function moduleClosure(entry: URL): Promise<Map<string, string>> {
	const seen = new Map<string, string>();
	const pending = [entry];
	while (pending.length) {
		const url = pending.pop()!;
		if (seen.has(url.href)) continue;
		const text = await readFile(fileURLToPath(url), 'utf8');
		seen.set(url.href, text);
		for (const path of relativeImports(text)) pending.push(new URL(path, url));
	}
	return new Map([...seen].sort(([a], [b]) => a.localeCompare(b)));
}

const LIBRARIES = ['@duckdb/node-api', 'apache-arrow'];

/**
 * SHA-256 of the closure's texts (paths relative to `entry`) and the writing libraries'
 * versions, as installed from `installedFrom` (the entry itself unless told).
 */
export async function codeVersion(entry: URL, installedFrom: URL = entry): Promise<string> {
	const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
	for (const [href, text] of await moduleClosure(entry)) {
		hash.update(`${relative(dirname(fileURLToPath(entry)), fileURLToPath(href))}\0${text}\0`);
	}
	for (const name of LIBRARIES) hash.update(`${name}@${await installedVersion(dirname(fileURLToPath(installedFrom)), name)}\n`);
	return hash.digest('hex');
}

/** The version in the nearest node_modules/<name>/package.json (their `exports` hide package.json from require). */
async function installedVersion(from: string, name: string): Promise<string> {
	for (let dir = from; ; dir = dirname(dir)) {
		const text = await readFile(join(dir, 'node_modules', name, 'package.json'), 'utf8').catch(() => null);
		if (text) return (JSON.parse(text) as { version: string }).version;
		if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${from}).`);
	}
}
