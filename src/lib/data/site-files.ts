/**
 * Fetching the site's own data files (never another host). Paths in the
 * manifest are relative to the data folder, which sits under the base path.
 */
import { base } from '$app/paths';

export function dataUrl(path: string): string {
	return `${base}/data/${path}`;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Files are stored gzip-compressed; a host that already sent them decoded is
 * handled too. `fetched` is the size of what came over the wire (or from the
 * offline cache), before decompression.
 */
export async function fetchDataFile(path: string, fetcher: typeof fetch = fetch): Promise<{ bytes: Uint8Array; fetched: number }> {
	const response = await fetcher(dataUrl(path));
	if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}).`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return { bytes, fetched: bytes.length };
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	return { bytes: new Uint8Array(await new Response(stream).arrayBuffer()), fetched: bytes.length };
}

export async function fetchDataJson<T>(path: string, fetcher: typeof fetch = fetch): Promise<T> {
	const response = await fetcher(dataUrl(path));
	if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}).`);
	return (await response.json()) as T;
}
