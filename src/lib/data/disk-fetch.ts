/**
 * While prerendering, pages read `static/data/…` from disk rather than with load's
 * `fetch`: SvelteKit copies every response fetched that way into the page's HTML, and
 * whole data files would make each page megabytes long. Only the slice a page needs is
 * returned by its load. In the browser, the ordinary fetch is used.
 */
import { browser } from '$app/environment';
import type { Fetcher } from './patient-data.ts';

/** Reads `static/data/…` from disk; only ever called while prerendering (or in `vite dev`). */
export async function diskFetcher(): Promise<Fetcher> {
	const { readFile } = await import('node:fs/promises');
	const { join } = await import('node:path');
	const root = join(process.env.OPENWAITS_ASSETS ?? 'static', 'data');
	return (async (input: RequestInfo | URL) => {
		const url = String(input);
		const relative = url.slice(url.lastIndexOf('/data/') + '/data/'.length);
		try {
			return new Response(await readFile(join(root, relative), 'utf8'), { status: 200 });
		} catch {
			return new Response('', { status: 404 });
		}
	}) as Fetcher;
}

export async function fetcherFor(fetch: Fetcher): Promise<Fetcher> {
	return !browser && import.meta.env.SSR ? diskFetcher() : fetch;
}
