/**
 * TEST-ONLY builders for the site-data records, shared by the unit specs.
 * Nothing in the site imports this file. Each builder fills every field with
 * a plain, valid default and takes overrides for what a test is about.
 */
import type { ProviderRecord, ProviderTrend, WaitFigures } from './site-data.ts';

/** One month of wait figures: 1,000 pathways, median 10 weeks (9–11), 60% within 18 weeks. */
export function waitFigures(over: Partial<WaitFigures> = {}): WaitFigures {
	return {
		period: '2026-02',
		pathways: 1000,
		unknownClockStart: 0,
		median: 10,
		medianLow: 9,
		medianHigh: 11,
		p92: 40,
		medianOver104: false,
		p92Over104: false,
		pctWithin18: 60,
		pctWithin18Low: 57,
		pctWithin18High: 63,
		within18: 600,
		over52: 10,
		tooFew: false,
		...over
	};
}

/**
 * An NHS provider 'Hospital <code>' offering C_110, placed by its headquarters
 * at `at` ([lat, lon]), or not placed at all when `at` is null.
 */
export function providerRecord(code: string, at: [number, number] | null = null, over: Partial<ProviderRecord> = {}): ProviderRecord {
	return {
		code,
		name: `Hospital ${code}`,
		sector: 'nhs',
		lat: at?.[0] ?? null,
		lon: at?.[1] ?? null,
		locatedBy: at ? 'headquarters' : null,
		address: null,
		postcode: null,
		phone: null,
		website: null,
		region: null,
		regionName: null,
		sites: [],
		survey: null,
		ae: null,
		treatments: ['C_110'],
		...over
	};
}

/** One provider's trend row over `months` months, the same plain figures each month. */
export function providerTrend(provider: string, months = 1): ProviderTrend {
	const each = <T>(value: T): T[] => new Array<T>(months).fill(value);
	return {
		provider,
		median: each(10),
		medianLow: each(9),
		medianHigh: each(11),
		medianOver104: each(false),
		tooFew: each(false),
		pathways: each(1000),
		unknownClockStart: each(0),
		pctWithin18: each(60),
		within18: each(600),
		over52: each(10)
	};
}
