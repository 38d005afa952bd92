import { describe, expect, it } from 'vitest';
import { distanceMiles, EARTH_RADIUS_MILES, type LatLon } from './distance.ts';

/*
 * Reference figures and where each comes from:
 * - Geometric identities on a sphere of radius R = 3958.8 miles:
 *   one degree along a meridian or the equator = 2πR/360 = 69.0941 miles;
 *   a quarter circle = πR/2 = 6218.47; antipodes = πR = 12436.94;
 *   one degree of longitude at 60°N = 2R·asin(cos 60°·sin 0.5°) = 34.5467
 *   (a parallel is shorter, and the great circle shorter still than R·cos60°·1°).
 * - City pairs: coordinates from the Wikipedia infobox of each city
 *   (London 51°30′26″N 0°7′39″W; Leeds 53°47′50″N 1°32′52″W;
 *   Birmingham 52°29′10″N 1°53′25″W; Manchester 53°28′46″N 2°14′43″W),
 *   distance worked by hand with the spherical law of cosines
 *   d = R·acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ), a different formula from
 *   the haversine under test: London–Leeds 169.05, Birmingham–Manchester 70.20.
 *   Commonly quoted straight-line London–Leeds figures are about 169–170 miles.
 */
const R = EARTH_RADIUS_MILES;
const london: LatLon = [51.5072, -0.1275];
const leeds: LatLon = [53.7972, -1.5478];
const birmingham: LatLon = [52.4861, -1.8903];
const manchester: LatLon = [53.4794, -2.2453];

describe('distanceMiles', () => {
	const cases: [string, LatLon, LatLon, number][] = [
		['same point', london, london, 0],
		['one degree of latitude', [0, 0], [1, 0], (2 * Math.PI * R) / 360],
		['one degree of longitude at the equator', [0, 0], [0, 1], (2 * Math.PI * R) / 360],
		['one degree of longitude at 60°N', [60, 0], [60, 1], 34.5467],
		['equator to pole', [0, 0], [90, 0], (Math.PI * R) / 2],
		['antipodes', [0, 0], [0, 180], Math.PI * R],
		['across the antimeridian', [0, 179.5], [0, -179.5], (2 * Math.PI * R) / 360],
		['London to Leeds', london, leeds, 169.05],
		['Leeds to London (symmetric)', leeds, london, 169.05],
		['Birmingham to Manchester', birmingham, manchester, 70.2]
	];
	for (const [name, from, to, expected] of cases) {
		it(`${name} ≈ ${expected.toFixed(2)} miles`, () => {
			expect(distanceMiles(from, to)).toBeCloseTo(expected, 1);
		});
	}

	it('is NaN for missing coordinates, so callers must check', () => {
		expect(distanceMiles([NaN, 0], [0, 0])).toBeNaN();
	});
});
