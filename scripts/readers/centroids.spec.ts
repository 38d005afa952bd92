import { describe, expect, it } from 'vitest';
import { CentroidAccumulator, centroidCode, centroidRows } from './centroids.ts';

describe('CentroidAccumulator', () => {
	const cases = [
		{
			what: 'two postcodes in one sector, one in another sector of the same district',
			points: [['ZZ1 1AA', 50, -1], ['ZZ1 1AB', 52, -3], ['ZZ1 2AA', 53, -2]] as const,
			sectors: { 'ZZ1 1': { lat: 51, lon: -2, postcodes: 2 }, 'ZZ1 2': { lat: 53, lon: -2, postcodes: 1 } },
			districts: { ZZ1: { lat: 155 / 3, lon: -2, postcodes: 3 } }
		},
		{
			what: 'districts that share a prefix stay apart (ZZ1 vs ZZ10)',
			points: [['ZZ1 1AA', 50, 0], ['ZZ10 1AA', 60, 1]] as const,
			sectors: { 'ZZ1 1': { lat: 50, lon: 0, postcodes: 1 }, 'ZZ10 1': { lat: 60, lon: 1, postcodes: 1 } },
			districts: { ZZ1: { lat: 50, lon: 0, postcodes: 1 }, ZZ10: { lat: 60, lon: 1, postcodes: 1 } }
		}
	];
	it.each(cases)('$what', ({ points, sectors, districts }) => {
		const acc = new CentroidAccumulator();
		for (const [p, lat, lon] of points) acc.add(p, lat, lon);
		const result = acc.result();
		expect(Object.fromEntries(result.sectors)).toEqual(sectors);
		expect(Object.fromEntries(result.districts)).toEqual(districts);
		expect(centroidRows(result).map((r) => `${r.level}:${centroidCode(r)}`)).toEqual([
			...Object.keys(sectors).map((k) => `sector:${k}`),
			...Object.keys(districts).map((k) => `district:${k}`)
		]);
	});
});
