import type { SiteSummary } from '$lib/schema/site-data';
import { error } from '@sveltejs/kit';
import { fetchDataJson } from '$lib/data/site-files';
import { siteConfig } from '$lib/config/branding';
import { routeHidden } from '$lib/config/site-config';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * Every page needs to know whether it shows demonstration data and which month
 * is latest; that small summary is all the layout loads (pages that need the
 * full manifest load it themselves, so it is not inlined into every page).
 */
export async function load({ fetch, route }) {
	// A page this copy's openwaits.config.json leaves out does not exist here.
	if (routeHidden(siteConfig, route.id)) error(404, 'This page is not part of this site.');
	const site = await fetchDataJson<SiteSummary>('site.json', fetch);
	return { site };
}
