/**
 * Turning a parsed postcode into a point to measure from. The browser holds
 * only sector and district centroids (one small file per postcode area), so a
 * full postcode is placed at its sector's centre: close enough to rank
 * hospitals, and the patient's exact address never needs to exist anywhere.
 */
import type { PostcodeAreaFile } from '../schema/site-data.ts';
import type { ParsedPostcode } from './postcode.ts';

export interface LocatedPostcode {
	lat: number;
	lon: number;
	/** How finely we placed the patient: say "around LS1" rather than "at LS1 4AP". */
	precision: 'sector' | 'district';
}

function usable(point: [number, number] | undefined): point is [number, number] {
	return Array.isArray(point) && Number.isFinite(point[0]) && Number.isFinite(point[1]);
}

/**
 * Full postcode or sector → its sector centroid, falling back to the district
 * (new or retired sectors are missing from the lookup); district → district.
 * Null when the area file is for another area or knows neither.
 */
export function locatePostcode(
	parsed: Pick<ParsedPostcode, 'sector' | 'district' | 'area'>,
	areaFile: PostcodeAreaFile
): LocatedPostcode | null {
	// A stale fetch for another area must not place the patient somewhere else.
	if (areaFile.area !== parsed.area) return null;
	if (parsed.sector !== null) {
		const sector = areaFile.sectors[parsed.sector];
		if (usable(sector)) return { lat: sector[0], lon: sector[1], precision: 'sector' };
	}
	const district = areaFile.districts[parsed.district];
	if (usable(district)) return { lat: district[0], lon: district[1], precision: 'district' };
	return null;
}
