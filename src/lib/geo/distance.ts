/**
 * Straight-line ("as the crow flies") distance between two points on the Earth.
 * Patients compare hospitals a few miles to a few hundred miles apart; the
 * haversine formula on a sphere is accurate to about 0.5% at that scale, far
 * finer than the postcode-sector centroid we measure from.
 */

export type LatLon = readonly [lat: number, lon: number];

/** Mean Earth radius (IUGG R1 = 6,371.0088 km) in statute miles. */
export const EARTH_RADIUS_MILES = 3958.8;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Haversine great-circle distance in miles; NaN when either point is not a number. */
export function distanceMiles(from: LatLon, to: LatLon): number {
	const [lat1, lon1] = from;
	const [lat2, lon2] = to;
	const dLat = toRadians(lat2 - lat1);
	const dLon = toRadians(lon2 - lon1);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
	// Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
	return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(Math.min(1, h)));
}
