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

/**
 * What /explore needs of the manifest, and all its prerendered page carries: the tables, their
 * families' columns, the latest month (for the examples) and whether the data are made up.
 */
export type ExplorerManifest = TableCatalogue & Pick<Manifest, 'latestPeriod' | 'demonstration'>;

export async function loadExplorerManifest(fetcher: typeof fetch): Promise<ExplorerManifest> {
	const { tables, families, latestPeriod, demonstration } = await loadManifest(fetcher);
	return { tables, families, latestPeriod, demonstration };
}

/** What /about/data shows: everything but the columns (its table list has names, titles and rows). */
export async function loadManifestWithoutColumns(fetcher: typeof fetch): Promise<Omit<Manifest, 'families'>> {
	const { families: _, ...rest } = await loadManifest(fetcher);
	return rest;
}
