/**
 * Writes src/lib/geo/britain-outline.json: the coastlines of Great Britain,
 * Northern Ireland, Ireland and the Isle of Man from Natural Earth (public
 * domain, via the world-atlas npm package), rounded to about 100 m. The map
 * draws on this outline so it needs no map tiles and no internet.
 * Run: npx tsx scripts/make-outline.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
const KEEP = new Set(['826', '372', '833']); // United Kingdom, Ireland, Isle of Man (ISO 3166 numeric)
const countries = feature(topology, topology.objects.countries) as unknown as GeoJSON.FeatureCollection<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
const round = (n: number) => Math.round(n * 1000) / 1000;

const features = countries.features
	.filter((f) => KEEP.has(String(f.id)))
	.map((f) => {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		const coordinates = polygons
			.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [round(x), round(y)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1])))
			.filter((polygon) => polygon[0].length >= 4);
		return { type: 'Feature', id: String(f.id), properties: { name: f.properties?.name ?? '' }, geometry: { type: 'MultiPolygon', coordinates } };
	});

const out = { type: 'FeatureCollection', attribution: 'Made with Natural Earth (public domain), via world-atlas.', features };
writeFileSync('src/lib/geo/britain-outline.json', JSON.stringify(out));
console.log(`wrote src/lib/geo/britain-outline.json (${features.length} features, ${JSON.stringify(out).length} bytes)`);
