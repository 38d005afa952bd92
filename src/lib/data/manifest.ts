import type { Manifest } from '$lib/schema/site-data';
import { fetchDataJson } from './site-files.ts';

/** For page loads that need the whole contract (sources, tables, columns). */
export function loadManifest(fetcher: typeof fetch): Promise<Manifest> {
	return fetchDataJson<Manifest>('manifest.json', fetcher);
}
