/**
 * One council: every measure it has, with its standing among similar councils and its trend.
 * Every council in councils.json is prerendered (`entries`); the standings for every peer
 * group are computed here, once, so the page switches groups (?peers=) with no fetching and
 * no DuckDB-WASM. A server load: it runs only at build time, reading the files from disk
 * (data/disk-fetch.ts), and SvelteKit writes what it returns into the page. A universal load
 * would run again in the browser when the page starts and fetch every measure's file
 * (3.3 MB on the real data) to find this council's rows.
 */
import { error } from '@sveltejs/kit';
import { diskFetcher } from '$lib/data/disk-fetch';
import { loadAllCouncilMeasures, loadCouncils } from '$lib/council/load';
import { councilPageData } from '$lib/council/page-data';
import { parseCouncilCode } from '$lib/state/council-params';

export const entries = async () => {
	const councils = await loadCouncils(await diskFetcher());
	return (councils?.councils ?? []).map((c) => ({ code: c.code }));
};

export async function load({ params }) {
	const code = parseCouncilCode(params.code);
	if (!code) error(404, 'We could not find that council.');
	const fetcher = await diskFetcher();
	const councils = await loadCouncils(fetcher);
	if (!councils) error(404, 'We could not find that council.');
	const data = councilPageData(councils, await loadAllCouncilMeasures(councils, fetcher), code);
	if (!data) error(404, 'We could not find that council.');
	return data;
}
