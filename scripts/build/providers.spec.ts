import { describe, expect, it } from 'vitest';
import { buildProviders, independentPlace, type IndependentOrg, type RttProvider } from './providers.ts';

const org = (code: string, postcode: string, over: Partial<IndependentOrg> = {}): IndependentOrg => ({
	code, name: `${code} HEALTHCARE LTD`, address: `1 ROAD, ${code}`, postcode, closeDate: null, parentCode: null, phone: null, ...over
});
const independent = {
	providers: [org('ZX1', 'ZZ1 1ZZ'), org('ZX2', 'ZZ9 9ZZ'), org('ZX3', '')],
	sites: [
		org('ZX101', 'ZZ1 2ZZ', { parentCode: 'ZX1' }),
		org('ZX102', 'ZZ1 3ZZ', { parentCode: 'ZX1' }),
		org('ZX103', 'ZZ1 4ZZ', { parentCode: 'ZX1', closeDate: '2024-01-01' }),
		org('ZX201', '', { parentCode: 'ZX2' })
	]
};
const points: Record<string, [number, number]> = { 'ZZ1 1ZZ': [53, -1.5], 'ZZ1 2ZZ': [53.8, -1.55], 'ZZ1 3ZZ': [53.6, -1.45], 'ZZ1 4ZZ': [50, 0], 'ZZ9 9ZZ': [51, -0.1] };
const centroid = (postcode: string) => points[postcode] ?? null;

describe('independentPlace', () => {
	const cases: [string, string, { sites: string[]; headquarters: [number, number] | null } | null][] = [
		['a site code: placed at its own postcode', 'ZX101', { sites: ['ZX101'], headquarters: null }],
		['an organisation: its open sites (closed ZX103 left out)', 'ZX1', { sites: ['ZX101', 'ZX102'], headquarters: [53, -1.5] }],
		['an organisation whose sites have no postcode: its head office', 'ZX2', { sites: [], headquarters: [51, -0.1] }],
		['no postcode anywhere: found but not placed', 'ZX3', { sites: [], headquarters: null }],
		['not in the files', 'NOPE', null]
	];
	for (const [name, code, expected] of cases) {
		it(name, () => {
			const place = independentPlace(code, independent, centroid);
			expect(place && { sites: place.sites.map((s) => s.code), headquarters: place.headquarters }).toEqual(expected);
		});
	}
});

describe('buildProviders with ODS independent files', () => {
	const rtt = (code: string): RttProvider => ({ code, name: `${code} RTT NAME`, regionCode: null, regionName: null, treatments: ['C_130'] });
	const build = (withOds: boolean) =>
		buildProviders({
			rttProviders: ['ZX101', 'ZX1', 'ZX2', 'ZX3'].map(rtt),
			trusts: [],
			independent: withOds ? independent : undefined,
			sites: [],
			survey: [],
			ae: new Map(),
			centroid
		});

	it('places every provider whose files give a postcode, and lists the rest as not located', () => {
		const { providers, unlocated } = build(true);
		const byCode = Object.fromEntries(providers.map((p) => [p.code, p]));
		expect(byCode.ZX101).toMatchObject({ sector: 'independent', locatedBy: 'sites', lat: 53.8, lon: -1.55, postcode: 'ZZ1 2ZZ' });
		expect(byCode.ZX1).toMatchObject({ locatedBy: 'sites', lat: 53.7, address: '1 ROAD, ZX101' });
		expect(byCode.ZX2).toMatchObject({ locatedBy: 'headquarters', lat: 51, postcode: 'ZZ9 9ZZ' });
		expect(unlocated).toEqual(['ZX3']);
	});

	it('without the files nothing is placed', () => {
		const { providers, unlocated } = build(false);
		expect(providers.every((p) => p.lat === null)).toBe(true);
		expect(unlocated).toEqual(['ZX101', 'ZX1', 'ZX2', 'ZX3']);
	});
});
