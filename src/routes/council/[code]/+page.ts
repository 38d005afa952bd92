/**
 * One council: every measure it has, with its standing among similar councils and its trend.
 * Every council in councils.json is prerendered (`entries`); the standings for every peer
 * group are computed here, once, so the page switches groups (?peers=) with no fetching and
 * no DuckDB-WASM. Files are read from disk while prerendering (see data/disk-fetch.ts);
 * links to council pages carry data-sveltekit-reload so the browser gets the prerendered page.
 */
import { error } from '@sveltejs/kit';
import { diskFetcher, fetcherFor } from '$lib/data/disk-fetch';
import { loadAllCouncilMeasures, loadCouncils } from '$lib/council/load';
import { councilPageData } from '$lib/council/page-data';
import { parseCouncilCode } from '$lib/state/council-params';

export const entries = async () => {
	if (!import.meta.env.SSR) return [];
	const councils = await loadCouncils(await diskFetcher());
	return (councils?.councils ?? []).map((c) => ({ code: c.code }));
};

export async function load({ params, fetch }) {
	const code = parseCouncilCode(params.code);
	if (!code) error(404, 'We could not find that council.');
	const fetcher = await fetcherFor(fetch);
	const councils = await loadCouncils(fetcher);
	if (!councils) error(404, 'We could not find that council.');
	const data = councilPageData(councils, await loadAllCouncilMeasures(councils, fetcher), code);
	if (!data) error(404, 'We could not find that council.');
	return data;
}
