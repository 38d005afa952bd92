/**
 * Loading the council files (paths from the contract, COUNCIL_FILES). Each file is fetched
 * once and shared; a missing file is null (a site built without council data), never an
 * error page. Measure ids and postcode areas are checked before they become paths.
 */
import { COUNCIL_FILES, type CouncilMeasureFile, type CouncilPostcodeAreaFile, type CouncilsFile } from '../schema/council.ts';
import { loadPatientJson, type Fetcher } from '../data/patient-data.ts';

export function loadCouncils(fetcher?: Fetcher): Promise<CouncilsFile | null> {
	return loadPatientJson<CouncilsFile>(COUNCIL_FILES.councils, fetcher);
}

export function loadCouncilMeasure(id: string, fetcher?: Fetcher): Promise<CouncilMeasureFile | null> {
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return Promise.resolve(null);
	return loadPatientJson<CouncilMeasureFile>(COUNCIL_FILES.measure.replace('{measure}', id), fetcher);
}

export function loadCouncilPostcodeArea(area: string, fetcher?: Fetcher): Promise<CouncilPostcodeAreaFile | null> {
	if (!/^[A-Z]{1,2}$/.test(area)) return Promise.resolve(null);
	return loadPatientJson<CouncilPostcodeAreaFile>(COUNCIL_FILES.postcodeArea.replace('{area}', area), fetcher);
}

/** Every measure file the catalogue lists that exists. */
export async function loadAllCouncilMeasures(councils: CouncilsFile, fetcher?: Fetcher): Promise<CouncilMeasureFile[]> {
	const files = await Promise.all(councils.measures.map((m) => loadCouncilMeasure(m.id, fetcher)));
	return files.filter((f): f is CouncilMeasureFile => f !== null);
}
