import { describe, expect, it } from 'vitest';
import outline from '../geo/britain-outline.json';
import { resultsMapGeometry } from './results-map.ts';

const LEEDS = { lat: 53.7997, lon: -1.5492 };

describe('resultsMapGeometry', () => {
	const geometry = resultsMapGeometry(outline as never, LEEDS, 25, [
		{ code: 'A', name: 'Centre', lat: 53.7997, lon: -1.5492 },
		{ code: 'B', name: 'North', lat: 53.7997 + 20 / 69.05, lon: -1.5492 },
		{ code: 'C', name: 'Far away', lat: 51.5, lon: -0.12 }
	], { width: 400, height: 400 });

	it('centres the search circle in the frame', () => {
		// Mercator stretches the north a little, so the centre sits within a few pixels of the middle.
		expect(Math.abs(geometry.origin.x - 200)).toBeLessThan(3);
		expect(Math.abs(geometry.origin.y - 200)).toBeLessThan(3);
		expect(geometry.points[0]).toMatchObject({ code: 'A', label: '1', x: geometry.origin.x, y: geometry.origin.y });
	});

	it('puts a point 20 miles north inside the 25-mile circle, directly above the centre', () => {
		const north = geometry.points[1];
		expect(north.x).toBeCloseTo(geometry.origin.x, 0);
		const radiusPx = geometry.origin.y - 12; // the circle fills the frame less the padding
		expect(geometry.origin.y - north.y).toBeGreaterThan(0.7 * radiusPx);
		expect(geometry.origin.y - north.y).toBeLessThan(0.9 * radiusPx);
	});

	it('draws the coastline and the circle as paths, and keeps numbering for points off the map', () => {
		expect(geometry.land.startsWith('M')).toBe(true);
		expect(geometry.circle.startsWith('M')).toBe(true);
		expect(geometry.points[2].label).toBe('3');
		expect(geometry.points[2].y).toBeGreaterThan(400);
	});

	it('is stable (snapshot of the circle and points)', () => {
		expect({ circle: geometry.circle.slice(0, 80), points: geometry.points }).toMatchSnapshot();
	});
});
