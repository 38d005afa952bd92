/**
 * A map of nearby hospitals without map tiles: a Mercator projection fitted to
 * the search circle, the coastline from a bundled outline, the circle, and one
 * numbered point per result (numbers match the list). Pure: data in, shapes out.
 */
import { geoCircle, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';

export interface MapPlace {
	code: string;
	name: string;
	lat: number;
	lon: number;
}

export interface MapGeometry {
	width: number;
	height: number;
	land: string;
	circle: string;
	origin: { x: number; y: number };
	points: { code: string; name: string; x: number; y: number; label: string }[];
}

/** Miles per degree of latitude: the circle's radius in degrees of arc. */
const MILES_PER_DEGREE = 69.05;
const round = (n: number) => Math.round(n * 10) / 10;

export function resultsMapGeometry(
	outline: GeoPermissibleObjects,
	origin: { lat: number; lon: number },
	miles: number,
	places: MapPlace[],
	size: { width: number; height: number }
): MapGeometry {
	const circle = geoCircle().center([origin.lon, origin.lat]).radius(miles / MILES_PER_DEGREE)();
	const pad = 12;
	const projection = geoMercator()
		.fitExtent([[pad, pad], [size.width - pad, size.height - pad]], circle)
		.clipExtent([[0, 0], [size.width, size.height]]);
	const path = geoPath(projection).digits(1);
	const [ox, oy] = projection([origin.lon, origin.lat])!;
	return {
		width: size.width,
		height: size.height,
		land: path(outline) ?? '',
		circle: path(circle) ?? '',
		origin: { x: round(ox), y: round(oy) },
		points: places.map((place, i) => {
			const [x, y] = projection([place.lon, place.lat])!;
			return { code: place.code, name: place.name, x: round(x), y: round(y), label: String(i + 1) };
		})
	};
}
