import { loadExplorerManifest } from '$lib/data/manifest';

export async function load({ fetch }) {
	return { manifest: await loadExplorerManifest(fetch) };
}
