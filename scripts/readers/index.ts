/**
 * Every reader except RTT, and the one place that decides which reader a file needs.
 * Files are recognised by their first bytes only: redistributors rename files
 * (`Monthly-AE-June-2024 copy.csv`), so a name says nothing reliable about a format.
 */
import type { FileSample, Reader } from './types.ts';
import { aeReader } from './ae.ts';
import { trustsReader } from './trusts.ts';
import { independentProvidersReader, independentSitesReader } from './independent-providers.ts';
import { hospitalSitesReader } from './hospital-sites.ts';
import { inpatientSurveyReader } from './inpatient-survey.ts';
import { postcodeDistrictsReader, postcodeOutcodesReader, postcodePointsReader, postcodeSectorsReader } from './postcodes.ts';
import { codePointCsvReader } from './codepoint.ts';

export { aeReader, pctWithin4Hours, type AeRow } from './ae.ts';
export { trustsReader, type TrustRow } from './trusts.ts';
export { independentProvidersReader, independentSitesReader, type IndependentRow } from './independent-providers.ts';
export { hospitalSitesReader, type HospitalSiteRow } from './hospital-sites.ts';
export { inpatientSurveyReader, OVERALL_EXPERIENCE_QUESTION, type InpatientSurveyRow } from './inpatient-survey.ts';
export { postcodeDistrictsReader, postcodeOutcodesReader, postcodePointsReader, postcodeSectorsReader, readPostcodePoints } from './postcodes.ts';
export { codePointCsvReader, readCodePointZip, readCodePointZipBytes } from './codepoint.ts';
export { centroidCode, type Centroid, type PostcodeCentroidRow, type PostcodeCentroids } from './centroids.ts';

/**
 * The order only matters if two readers could claim the same bytes; none can today
 * (index.spec.ts checks every fixture is claimed by exactly one), but the stricter,
 * header-based readers come first and the headerless ones (etr, Code-Point) last.
 */
export const NON_RTT_READERS: readonly Reader<unknown>[] = [
	aeReader,
	hospitalSitesReader,
	inpatientSurveyReader(),
	postcodeSectorsReader,
	postcodeDistrictsReader,
	postcodeOutcodesReader,
	postcodePointsReader,
	trustsReader,
	independentProvidersReader,
	independentSitesReader,
	codePointCsvReader
];

/** The reader for these first bytes, or null when no reader knows the format. */
export function recogniseFile(sample: FileSample, readers: readonly Reader<unknown>[] = NON_RTT_READERS): Reader<unknown> | null {
	return readers.find((r) => r.recognise(sample)) ?? null;
}
