import { loadManifestWithoutColumns } from '$lib/data/manifest';

export async function load({ fetch }) {
	return { manifest: await loadManifestWithoutColumns(fetch) };
}
