import type { Manifest } from '$lib/schema/site-data';
import { catalogueProblems, type TableCatalogue } from '$lib/schema/tables';
import { fetchDataJson } from './site-files.ts';

/**
 * For page loads that need the whole contract (sources, tables, columns). A
 * table naming a family or part the manifest lacks stops here, with the
 * reason, rather than as a failed query later.
 */
export async function loadManifest(fetcher: typeof fetch): Promise<Manifest> {
	const manifest = await fetchDataJson<Manifest>('manifest.json', fetcher);
	const problems = catalogueProblems(manifest);
	if (problems.length) throw new Error(`manifest.json does not hold together: ${problems.join(' ')}`);
	return manifest;
}

/** What /explore needs of the manifest (its page carries only this): the tables, their columns, the latest month. */
export type ExplorerManifest = TableCatalogue & Pick<Manifest, 'latestPeriod'>;

export async function loadExplorerManifest(fetcher: typeof fetch): Promise<ExplorerManifest> {
	const { tables, families, latestPeriod } = await loadManifest(fetcher);
	return { tables, families, latestPeriod };
}

/** What /about/data shows: everything but the columns (its table list has names, titles and rows). */
export async function loadManifestWithoutColumns(fetcher: typeof fetch): Promise<Omit<Manifest, 'families'>> {
	const { families: _, ...rest } = await loadManifest(fetcher);
	return rest;
}
