import type { Manifest } from '$lib/schema/site-data';
import { fetchDataJson } from '$lib/data/site-files';

export const prerender = true;
export const trailingSlash = 'never';

/** The manifest is the contract with the build: every page knows what data exists. */
export async function load({ fetch }) {
	const manifest = await fetchDataJson<Manifest>('manifest.json', fetch);
	return { manifest };
}
