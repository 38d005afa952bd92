/**
 * Finding a council. The page carries every council's name and code (a few kilobytes) for
 * the suggestions and the A to Z list; the query (?name=, ?postcode=) is read in the browser.
 */
import { fetcherFor } from '$lib/data/disk-fetch';
import { loadCouncils } from '$lib/council/load';
import type { CouncilRecord } from '$lib/schema/council';

export type CouncilChoice = Pick<CouncilRecord, 'code' | 'name' | 'type' | 'replacedBy'>;

export async function load({ fetch }) {
	const councils = await loadCouncils(await fetcherFor(fetch));
	const list: CouncilChoice[] = (councils?.councils ?? [])
		.map((c): CouncilChoice => ({ code: c.code, name: c.name, type: c.type, replacedBy: c.replacedBy }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
	return { councils: list, built: councils !== null };
}
