import { EXPLORER_FILE, type ExplorerFile, type Manifest } from '$lib/schema/site-data';
import { catalogueProblems, type TableCatalogue } from '$lib/schema/tables';
import { fetchDataJson } from './site-files.ts';

/** A table naming a family or part its file lacks stops the page here, with the reason, rather than a query later. */
function checked<T extends TableCatalogue>(file: string, catalogue: T): T {
	const problems = catalogueProblems(catalogue);
	if (problems.length) throw new Error(`${file} does not hold together: ${problems.join(' ')}`);
	return catalogue;
}

/** For page loads that need the whole contract (sources, tables, months' figures). */
export async function loadManifest(fetcher: typeof fetch): Promise<Manifest> {
	return checked('manifest.json', await fetchDataJson<Manifest>('manifest.json', fetcher));
}

/** For /explore: the tables and their columns, a fraction of the manifest (see ExplorerFile). */
export async function loadExplorerFile(fetcher: typeof fetch): Promise<ExplorerFile> {
	return checked(EXPLORER_FILE, await fetchDataJson<ExplorerFile>(EXPLORER_FILE, fetcher));
}
