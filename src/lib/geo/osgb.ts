/**
 * British National Grid (OSGB36 eastings/northings, EPSG:27700) → WGS84 latitude/longitude.
 *
 * Method, from Ordnance Survey's "A guide to coordinate systems in Great Britain":
 * 1. transverse Mercator inverse on the Airy 1830 ellipsoid (Annex C) → OSGB36 lat/lon;
 * 2. 7-parameter Helmert transformation OSGB36 → WGS84 through Earth-centred cartesians.
 * No OSTN15 grid: about ±5 m, which is plenty for "how far is this hospital" in miles.
 * Written as plain arithmetic with constants hoisted, because Code-Point Open has
 * 1.7 million postcodes to convert on every build.
 */

export interface LatLon {
	lat: number; // degrees, north positive
	lon: number; // degrees, east positive
}

const DEG = Math.PI / 180;

// Airy 1830 ellipsoid and the National Grid projection.
const AIRY_A = 6377563.396;
const AIRY_B = 6356256.909;
const F0 = 0.9996012717; // scale factor on the central meridian
const LAT0 = 49 * DEG; // true origin 49°N 2°W
const LON0 = -2 * DEG;
const E0 = 400000; // false easting
const N0 = -100000; // false northing
const AIRY_E2 = (AIRY_A * AIRY_A - AIRY_B * AIRY_B) / (AIRY_A * AIRY_A);
const N = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B);
const N2 = N * N;
const N3 = N2 * N;
const M1 = 1 + N + (5 / 4) * N2 + (5 / 4) * N3;
const M2 = 3 * N + 3 * N2 + (21 / 8) * N3;
const M3 = (15 / 8) * N2 + (15 / 8) * N3;
const M4 = (35 / 24) * N3;

// WGS84 ellipsoid.
const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = 2 * WGS84_F - WGS84_F * WGS84_F;

// Helmert OSGB36 → WGS84 (the published WGS84 → OSGB36 set with every sign flipped).
const TX = 446.448;
const TY = -125.157;
const TZ = 542.06;
const S = -20.4894e-6; // scale, from parts per million
const ARCSEC = DEG / 3600;
const RX = 0.1502 * ARCSEC;
const RY = 0.247 * ARCSEC;
const RZ = 0.8421 * ARCSEC;

/** Meridional arc from the true origin's latitude to `lat` (radians), in metres. */
function meridionalArc(lat: number): number {
	const d = lat - LAT0;
	const s = lat + LAT0;
	return (
		AIRY_B *
		F0 *
		(M1 * d - M2 * Math.sin(d) * Math.cos(s) + M3 * Math.sin(2 * d) * Math.cos(2 * s) - M4 * Math.sin(3 * d) * Math.cos(3 * s))
	);
}

/** Grid eastings/northings → OSGB36 latitude/longitude on Airy 1830 (OS guide, Annex C.2). */
export function gridToOsgb36(easting: number, northing: number): LatLon {
	let lat = LAT0;
	let m = 0;
	// Iterate until the arc matches the northing to 0.01 mm, as the OS guide does.
	do {
		lat += (northing - N0 - m) / (AIRY_A * F0);
		m = meridionalArc(lat);
	} while (Math.abs(northing - N0 - m) >= 0.00001);

	const sin = Math.sin(lat);
	const cos = Math.cos(lat);
	const t = Math.tan(lat);
	const t2 = t * t;
	const t4 = t2 * t2;
	const t6 = t4 * t2;
	const w = 1 - AIRY_E2 * sin * sin;
	const nu = (AIRY_A * F0) / Math.sqrt(w);
	const rho = (AIRY_A * F0 * (1 - AIRY_E2)) / (w * Math.sqrt(w));
	const eta2 = nu / rho - 1;
	const nu3 = nu * nu * nu;
	const nu5 = nu3 * nu * nu;
	const nu7 = nu5 * nu * nu;
	const sec = 1 / cos;

	const vii = t / (2 * rho * nu);
	const viii = (t / (24 * rho * nu3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
	const ix = (t / (720 * rho * nu5)) * (61 + 90 * t2 + 45 * t4);
	const x = sec / nu;
	const xi = (sec / (6 * nu3)) * (nu / rho + 2 * t2);
	const xii = (sec / (120 * nu5)) * (5 + 28 * t2 + 24 * t4);
	const xiia = (sec / (5040 * nu7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t6);

	const de = easting - E0;
	const de2 = de * de;
	const de3 = de2 * de;
	const de4 = de2 * de2;
	const de5 = de4 * de;
	const de6 = de4 * de2;
	const de7 = de6 * de;
	const phi = lat - vii * de2 + viii * de4 - ix * de6;
	const lambda = LON0 + x * de - xi * de3 + xii * de5 - xiia * de7;
	return { lat: phi / DEG, lon: lambda / DEG };
}

/** OSGB36 latitude/longitude (height 0 on Airy 1830) → WGS84, by the 7-parameter Helmert. */
export function osgb36ToWgs84(point: LatLon): LatLon {
	const phi = point.lat * DEG;
	const lambda = point.lon * DEG;
	const sinPhi = Math.sin(phi);
	const cosPhi = Math.cos(phi);
	const nu = AIRY_A / Math.sqrt(1 - AIRY_E2 * sinPhi * sinPhi);
	const x1 = nu * cosPhi * Math.cos(lambda);
	const y1 = nu * cosPhi * Math.sin(lambda);
	const z1 = nu * (1 - AIRY_E2) * sinPhi;

	const x2 = TX + (1 + S) * x1 - RZ * y1 + RY * z1;
	const y2 = TY + RZ * x1 + (1 + S) * y1 - RX * z1;
	const z2 = TZ - RY * x1 + RX * y1 + (1 + S) * z1;

	// Back to geodetic on WGS84; converges to well under a millimetre in a few steps.
	const p = Math.sqrt(x2 * x2 + y2 * y2);
	let lat = Math.atan2(z2, p * (1 - WGS84_E2));
	for (let i = 0; i < 10; i++) {
		const s = Math.sin(lat);
		const v = WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s);
		const next = Math.atan2(z2 + WGS84_E2 * v * s, p);
		const done = Math.abs(next - lat) < 1e-12;
		lat = next;
		if (done) break;
	}
	return { lat: lat / DEG, lon: Math.atan2(y2, x2) / DEG };
}

/** British National Grid eastings/northings → WGS84 latitude/longitude (±5 m). */
export function gridToWgs84(easting: number, northing: number): LatLon {
	return osgb36ToWgs84(gridToOsgb36(easting, northing));
}
