import { describe, expect, it } from 'vitest';
import type { ProviderRecord, SiteRecord, TreatmentWaitsFile, WaitFigures } from '../schema/site-data.ts';
import type { SortOrder } from '../state/search-params.ts';
import { providerRecord, waitFigures } from '../schema/test-fixtures.ts';
import { comparableMedian, nearbyProviders, nearestRow, providerDistance } from './nearby.ts';

/*
 * Made-up hospitals due north of the patient, so distances are easy to check by
 * hand: 0.1° of latitude = 2π·3958.8/3600 = 6.909 miles.
 */
const ORIGIN: [number, number] = [53.8, -1.55];
const north = (degrees: number): [number, number] => [ORIGIN[0] + degrees, ORIGIN[1]];

const figures = (period: string, over: Partial<WaitFigures> = {}): WaitFigures => waitFigures({ period, ...over });

function site(code: string, at: [number, number]): SiteRecord {
	return { code, name: `Site ${code}`, lat: at[0], lon: at[1], address: '', postcode: null, phone: null, website: null };
}

const survey = (score: number) => ({ year: 2024, score, band: 4, respondents: 300 });

const PROVIDERS: ProviderRecord[] = [
	providerRecord('A', north(0.02), { survey: survey(8.1) }), // 1.38 mi, the nearest
	providerRecord('B', north(0.1)), // 6.91 mi
	providerRecord('C', north(0.2), { survey: survey(7.5) }), // 13.82 mi
	providerRecord('D', north(0.3), { survey: survey(9.0) }), // 20.73 mi, too few to say
	providerRecord('E', north(0.25)), // 17.27 mi, more than 104 weeks
	providerRecord('F', north(0.05)), // 3.45 mi, median unknown
	providerRecord('G', north(1.0)), // 69 mi: outside 25 miles
	providerRecord('H', null), // nowhere to put it
	providerRecord('I', north(0.01)), // no figures in the latest month
	// Headquarters far away, but one site is 10.36 mi: the site counts.
	providerRecord('K', north(1.0), { locatedBy: 'sites', sites: [site('K1', north(0.4)), site('K2', north(0.15))] })
];

const WAITS: TreatmentWaitsFile = {
	treatment: 'C_110',
	treatmentName: 'Trauma and Orthopaedic Service',
	periods: ['2026-01', '2026-02'],
	rows: [
		{ provider: 'A', trendPart: 0, months: [figures('2026-01', { median: 19 }), figures('2026-02', { median: 20, pctWithin18: 45 })] },
		{ provider: 'B', trendPart: 0, months: [figures('2026-02', { median: 12, pctWithin18: 70 })] },
		{ provider: 'C', trendPart: 0, months: [figures('2026-02', { median: 12, pctWithin18: 72 })] },
		{ provider: 'D', trendPart: 0, months: [figures('2026-02', { median: 2, tooFew: true, pctWithin18: 99 })] },
		{ provider: 'E', trendPart: 0, months: [figures('2026-02', { median: null, medianOver104: true, pctWithin18: 5 })] },
		{ provider: 'F', trendPart: 0, months: [figures('2026-02', { median: null, pctWithin18: null })] },
		{ provider: 'G', trendPart: 0, months: [figures('2026-02', { median: 5 })] },
		{ provider: 'H', trendPart: 0, months: [figures('2026-02', { median: 1 })] },
		{ provider: 'I', trendPart: 0, months: [figures('2026-01', { median: 1 })] },
		{ provider: 'J', trendPart: 0, months: [figures('2026-02', { median: 1 })] }, // no provider record
		{ provider: 'K', trendPart: 0, months: [figures('2026-02', { median: 30.3, pctWithin18: 40 })] }
	],
	trendParts: 1
};

const run = (sort: SortOrder, over: Partial<Parameters<typeof nearbyProviders>[0]> = {}) =>
	nearbyProviders({ origin: ORIGIN, miles: 25, treatment: 'C_110', providers: PROVIDERS, waits: WAITS, sort, ...over });

describe('nearbyProviders: order', () => {
	const cases: [SortOrder, string[]][] = [
		// Numeric medians (ties by distance), then over 104, then unknown by distance.
		['wait', ['B', 'C', 'A', 'K', 'E', 'F', 'D']],
		['distance', ['A', 'F', 'B', 'K', 'C', 'E', 'D']],
		// D's 99% is "too few to say", so it goes last with F's unknown.
		['within18', ['C', 'B', 'A', 'K', 'E', 'F', 'D']],
		// Survey score: D's 9.0 leads even though its wait is unknown; no score → last, by distance.
		['rating', ['D', 'A', 'C', 'F', 'B', 'K', 'E']]
	];
	for (const [sort, expected] of cases) {
		it(`${sort} → ${expected.join(' ')}`, () => expect(run(sort).rows.map((r) => r.provider.code)).toEqual(expected));
	}
});

describe('nearbyProviders: each row', () => {
	const result = run('distance');
	const row = (code: string) => result.rows.find((r) => r.provider.code === code)!;
	const cases: [string, number, string | null, number | null, string | null][] = [
		// [code, miles, nearest site, shorter than nearest (A: 20 weeks), previous period]
		['A', 1.38, null, null, '2026-01'],
		['B', 6.91, null, 8, null],
		['C', 13.82, null, 8, null],
		['K', 10.36, 'K2', null, null], // 30.3 weeks is longer than A's 20
		['E', 17.27, null, null, null], // over 104: not a number to compare
		['D', 20.73, null, null, null], // too few
		['F', 3.45, null, null, null]
	];
	for (const [code, miles, siteCode, shorter, previous] of cases) {
		it(`${code}: ${miles} mi, site ${siteCode}, ${shorter} weeks shorter`, () => {
			expect(row(code).distanceMiles).toBeCloseTo(miles, 2);
			expect(row(code).site?.code ?? null).toBe(siteCode);
			expect(row(code).shorterThanNearestWeeks).toBe(shorter);
			expect(row(code).previous?.period ?? null).toBe(previous);
			expect(row(code).latest.period).toBe('2026-02');
		});
	}
	it('names the period and the nearest, and counts what it could not place (H, J)', () => {
		expect(result.period).toBe('2026-02');
		expect(result.nearestCode).toBe('A');
		expect(result.unlocated).toBe(2);
	});
});

describe('nearbyProviders: range and guards', () => {
	const cases: [string, Partial<Parameters<typeof nearbyProviders>[0]>, string[]][] = [
		['10 miles', { miles: 10 }, ['A', 'F', 'B']],
		['100 miles takes in G', { miles: 100 }, ['A', 'F', 'B', 'K', 'C', 'E', 'D', 'G']],
		['0 miles', { miles: 0 }, []],
		['waits file for another treatment', { treatment: 'C_130' }, []],
		['no periods', { waits: { ...WAITS, periods: [] } }, []],
		['origin not a number', { origin: [NaN, 0] }, []]
	];
	for (const [name, over, expected] of cases) {
		it(name, () => expect(run('distance', over).rows.map((r) => r.provider.code)).toEqual(expected));
	}
	it('a nearest hospital with no number gives no "shorter than nearest" at all', () => {
		const result = run('distance', { miles: 10, providers: PROVIDERS.filter((p) => p.code !== 'A') });
		expect(result.nearestCode).toBe('F');
		expect(result.rows.map((r) => r.shorterThanNearestWeeks)).toEqual([null, null]);
	});
});

describe('helpers', () => {
	const medians: [Partial<WaitFigures>, number | null][] = [
		[{ median: 12.5 }, 12.5],
		[{ median: 0 }, 0],
		[{ median: null }, null],
		[{ median: 3, tooFew: true }, null],
		[{ median: 104, medianOver104: true }, null]
	];
	for (const [over, expected] of medians) {
		it(`comparableMedian(${JSON.stringify(over)}) → ${expected}`, () => expect(comparableMedian(figures('2026-02', over))).toBe(expected));
	}
	it('providerDistance skips sites without coordinates', () => {
		const p = providerRecord('S', north(0.1), { sites: [site('bad', [NaN, NaN])] });
		expect(providerDistance(p, ORIGIN)).toMatchObject({ site: null });
		expect(providerDistance(providerRecord('N', null), ORIGIN)).toBeNull();
	});
	it('nearestRow breaks ties by code', () => {
		const rows = [
			{ distanceMiles: 2, provider: { code: 'Z' } },
			{ distanceMiles: 2, provider: { code: 'Y' } }
		];
		expect(nearestRow(rows)?.provider.code).toBe('Y');
		expect(nearestRow([])).toBeNull();
	});
});
