import type { SiteSummary } from '$lib/schema/site-data';
import { fetchDataJson } from '$lib/data/site-files';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * Every page needs to know whether it shows demonstration data and which month
 * is latest; that small summary is all the layout loads (pages that need the
 * full manifest load it themselves, so it is not inlined into every page).
 */
export async function load({ fetch }) {
	const site = await fetchDataJson<SiteSummary>('site.json', fetch);
	return { site };
}
