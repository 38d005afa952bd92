/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support. SvelteKit builds this file as `<base>/service-worker.js`
 * and registers it after the page's `load` event.
 *
 * One cache per build, named with `version`. SvelteKit's `version` is the
 * build time (kit.version.name defaults to Date.now()), and the data files
 * are copied into every build (they are part of `files`), so new data means a
 * new build, a new version and a fresh cache; `activate` deletes the caches
 * of earlier versions. Within one version every file is immutable, so data
 * can be served cache-first without ever mixing two builds' data.
 *
 * What is stored, and when (the real data is large: the DuckDB-WASM engine is
 * 34 MB and each month's per-commissioner detail about 3.4 MB compressed, and
 * there are ~500 prerendered provider pages):
 * - On install (precache, small): the app's JS and CSS except DuckDB-WASM's
 *   wasm and worker files, the prerendered pages of the main journeys (not
 *   every provider page), site.json, manifest.json, explorer.json and the patient data
 *   (data/patient/**: providers, postcode areas, one small waits file per
 *   treatment: a few MB on the real data), so the patient's search works
 *   offline after one visit. Not the trend parts (data/patient/trend-*): they
 *   grow with every month built (about 11 MB at 60 real months), so each is
 *   stored when a result card, a provider page or a league's provider trend first fetches it.
 * - On first use (runtime cache): the trend parts, each month's league files and each
 *   provider's A&E months (data/league/),
 *   DuckDB-WASM's wasm and worker, the tables
 *   (Arrow files under data/tables/, each RTT month's DuckDB files under
 *   data/months/<YYYY-MM>/), the Parquet downloads, provider and other pages.
 *   Whatever a person has looked at once keeps working offline; a month never
 *   queried is not fetched until it is needed (and /explore says so offline).
 *
 * Strategies: cache-first for immutable build assets and data files (both
 * versioned by this cache); network-first for pages (and anything else of
 * this site), falling back to the cache, and for a page never visited to the
 * cached fallback page (404.html), whose client-side router renders the route.
 * Only same-origin GET requests are handled; nothing is fetched elsewhere.
 */
import { build, files, prerendered, version } from '$service-worker';

declare const self: ServiceWorkerGlobalScope;

const PREFIX = 'openwaits-';
const CACHE = `${PREFIX}${version}`;
/** The folder the worker lives in: the site's base path ('' at the root). */
const BASE = new URL('./', self.location.href).pathname.replace(/\/$/, '');

const rel = (path: string) => path.slice(BASE.length);
/** Downloaded on first use only (see above). */
const lazyBuild = (path: string) => /\/duckdb-[^/]*\.(wasm|js)$/.test(path) || /\.wasm$/.test(path);
const isPatientData = (path: string) => {
	const r = rel(path);
	return r === '/data/site.json' || r === '/data/manifest.json' || r === '/data/explorer.json' || (r.startsWith('/data/patient/') && !r.startsWith('/data/patient/trend-'));
};
const isMainPage = (path: string) => !/^\/(provider|embed)\//.test(rel(path));

const SHELL = [
	...build.filter((path) => !lazyBuild(path)),
	...files.filter((path) => !rel(path).startsWith('/data/')),
	...prerendered.filter(isMainPage),
	`${BASE}/404.html` // adapter-static's fallback page: renders any route in the browser
];
const PATIENT_DATA = files.filter(isPatientData);

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(SHELL);
			// Low priority, so the patient's own first search is not slowed by it.
			await Promise.all(
				PATIENT_DATA.map(async (path) => {
					const response = await fetch(path, { priority: 'low' } as RequestInit);
					if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
					await cache.put(path, response);
				})
			);
		})()
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			// Serve the page that installed us too, so what it loads next is cached.
			await self.clients.claim();
		})()
	);
});

/** Immutable build files and data files: the same URL always means the same bytes in this version. */
function isCacheFirst(url: URL): boolean {
	const r = rel(url.pathname);
	return r.startsWith('/_app/immutable/') || r.startsWith('/data/') || files.includes(url.pathname);
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request, { ignoreSearch: true });
	if (cached) return cached;
	const response = await fetch(request);
	if (response.status === 200 && response.type === 'basic') await cache.put(request, response.clone()).catch(() => {});
	return response;
}

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.status === 200 && response.type === 'basic') await cache.put(request, response.clone()).catch(() => {});
		return response;
	} catch (error) {
		// Pages are stored without their query (the search lives in it and is handled in the browser).
		const cached = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (cached) return cached;
		if (request.mode === 'navigate') {
			const shell = await cache.match(`${BASE}/404.html`);
			if (shell) return shell;
		}
		throw error;
	}
}

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !url.pathname.startsWith(`${BASE}/`)) return;
	if (rel(url.pathname) === '/_app/version.json') return; // SvelteKit's update check must reach the network.
	event.respondWith(isCacheFirst(url) ? cacheFirst(request) : networkFirst(request));
});
