import { loadExplorerFile } from '$lib/data/manifest';

export async function load({ fetch }) {
	return { manifest: await loadExplorerFile(fetch) };
}
