/**
 * Postcode sector and district centroids: the arithmetic mean of the WGS84 positions
 * of the postcodes inside. Shared by the Code-Point zip reader and the reader of the
 * already-converted postcode list, so both produce exactly the same table.
 */
import { districtOfTidy, sectorOfTidy } from './text.ts';

export interface Centroid {
	lat: number;
	lon: number;
	/** How many postcodes were averaged. */
	postcodes: number;
}

export interface PostcodeCentroids {
	sectors: Map<string, Centroid>; // 'B15 2'
	districts: Map<string, Centroid>; // 'B15'
}

/**
 * One row of any centroid table: the sector/district files, the outcodes file, or our
 * own aggregate. The code sits under its own name (`sector` or `district`), so a
 * consumer can never mistake a sector centroid for a district one.
 */
export type PostcodeCentroidRow = (
	| { level: 'sector'; sector: string } // 'B15 2'
	| { level: 'district'; district: string } // 'B15'
) & {
	lat: number;
	lon: number;
	/** Null where the source does not say (postcode-outcodes.csv). */
	postcodes: number | null;
};

/** 'B15 2' or 'B15', whichever the row is. */
export const centroidCode = (row: PostcodeCentroidRow): string => (row.level === 'sector' ? row.sector : row.district);

/** Great Britain with its islands (Scilly to Shetland); Code-Point Open has no Northern Ireland. */
export const GB_LAT: readonly [number, number] = [49, 61];
export const GB_LON: readonly [number, number] = [-8.7, 2];

type Sum = { lat: number; lon: number; n: number };

export class CentroidAccumulator {
	private readonly sectors = new Map<string, Sum>();
	private readonly districts = new Map<string, Sum>();

	/** `postcode` must be tidy ('B15 2TH'). */
	add(postcode: string, lat: number, lon: number): void {
		add(this.sectors, sectorOfTidy(postcode), lat, lon);
		add(this.districts, districtOfTidy(postcode), lat, lon);
	}

	result(): PostcodeCentroids {
		return { sectors: means(this.sectors), districts: means(this.districts) };
	}
}

function add(map: Map<string, Sum>, key: string, lat: number, lon: number): void {
	const s = map.get(key);
	if (s) {
		s.lat += lat;
		s.lon += lon;
		s.n++;
	} else map.set(key, { lat, lon, n: 1 });
}

function means(map: Map<string, Sum>): Map<string, Centroid> {
	const out = new Map<string, Centroid>();
	for (const [key, s] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		out.set(key, { lat: s.lat / s.n, lon: s.lon / s.n, postcodes: s.n });
	}
	return out;
}

/** Sector rows then district rows, for a Reader's `rows`. */
export function centroidRows({ sectors, districts }: PostcodeCentroids): PostcodeCentroidRow[] {
	const rows: PostcodeCentroidRow[] = [];
	for (const [sector, c] of sectors) rows.push({ level: 'sector', sector, ...c });
	for (const [district, c] of districts) rows.push({ level: 'district', district, ...c });
	return rows;
}
