import { loadManifest } from '$lib/data/manifest';

export async function load({ fetch }) {
	return { manifest: await loadManifest(fetch) };
}
