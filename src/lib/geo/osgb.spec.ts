import { describe, expect, it } from 'vitest';
import { gridToOsgb36, gridToWgs84, osgb36ToWgs84 } from './osgb.ts';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

// Published worked examples, not real postcode data:
// - OS "A guide to coordinate systems in Great Britain", Annex C (Caister water tower):
//   E 651409.903, N 313177.270 ⇔ OSGB36 52°39′27.2531″N, 1°43′4.5177″E.
// - The same grid reference through the standard 7-parameter Helmert, as published in
//   the documentation of Chris Veness's geodesy library: WGS84 52°39′28.723″N, 1°42′57.787″E.
describe('gridToOsgb36 (transverse Mercator inverse, Airy 1830)', () => {
	const cases = [
		{ what: 'OS guide Annex C worked example', e: 651409.903, n: 313177.27, lat: dms(52, 39, 27.2531), lon: dms(1, 43, 4.5177) },
		// The true origin: 49°N 2°W sits at E 400000, N −100000 by definition.
		{ what: 'true origin', e: 400000, n: -100000, lat: 49, lon: -2 }
	];
	it.each(cases)('$what', ({ e, n, lat, lon }) => {
		const p = gridToOsgb36(e, n);
		// 1e-8° is about a millimetre: the OS example is given to 0.0001″ (3 mm).
		expect(Math.abs(p.lat - lat)).toBeLessThan(1e-7);
		expect(Math.abs(p.lon - lon)).toBeLessThan(1e-7);
	});
});

describe('gridToWgs84 (then Helmert OSGB36 → WGS84)', () => {
	const cases = [
		{ what: 'Caister water tower', e: 651409.903, n: 313177.27, lat: dms(52, 39, 28.723), lon: dms(1, 42, 57.787) }
	];
	it.each(cases)('$what', ({ e, n, lat, lon }) => {
		const p = gridToWgs84(e, n);
		// The published value is rounded to 0.001″ (3 cm); the same method agrees to that.
		expect(Math.abs(p.lat - lat)).toBeLessThan(1e-6);
		expect(Math.abs(p.lon - lon)).toBeLessThan(1e-6);
	});

	it('moves points by roughly 100 m east-west in southern England, as the datum shift should', () => {
		const osgb = { lat: 51.5, lon: -0.1 };
		const wgs = osgb36ToWgs84(osgb);
		const metresEast = (wgs.lon - osgb.lon) * 111320 * Math.cos((51.5 * Math.PI) / 180);
		expect(Math.abs(metresEast + 110)).toBeLessThan(30);
	});
});
