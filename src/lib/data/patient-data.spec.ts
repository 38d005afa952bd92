import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
	clearPatientDataCache,
	loadPostcodeArea,
	loadProviders,
	loadTrend,
	loadWaits,
	resolveTreatment,
	shortTreatmentWords,
	shorterNearby,
	surveyBandWords,
	telHref,
	toChangeInput,
	waitChange,
	websiteHref
} from './patient-data.ts';
import type { ProviderRecord, TreatmentWaitsFile, WaitFigures } from '../schema/site-data.ts';
import { treatmentByCode } from './treatments.ts';
import { providerRecord, providerTrend, waitFigures } from '../schema/test-fixtures.ts';

/** This file's month: March 2026, a narrower median interval and 70% within 18 weeks. */
const figures = (over: Partial<WaitFigures> = {}): WaitFigures =>
	waitFigures({ period: '2026-03', medianLow: 9.5, medianHigh: 10.5, p92: 30, pctWithin18: 70, pctWithin18Low: 67, pctWithin18High: 73, over52: 5, ...over });

const provider = (code: string, lat: number, lon: number): ProviderRecord => providerRecord(code, [lat, lon]);

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('cached loaders', () => {
	beforeEach(() => clearPatientDataCache());

	it('fetches each file once', async () => {
		const fetcher = vi.fn(async () => json({ providers: [provider('A', 53.8, -1.5)] }));
		const a = await loadProviders(fetcher as unknown as typeof fetch);
		const b = await loadProviders(fetcher as unknown as typeof fetch);
		expect(a).toBe(b);
		expect(fetcher).toHaveBeenCalledTimes(1);
		expect(String((fetcher.mock.calls[0] as unknown[])[0])).toMatch(/\/data\/patient\/providers\.json$/);
	});

	it('returns null for a missing area and never builds a path from odd text', async () => {
		const fetcher = vi.fn(async () => new Response('', { status: 404 }));
		expect(await loadPostcodeArea('ZZ', fetcher as unknown as typeof fetch)).toBeNull();
		expect(await loadPostcodeArea('../x', fetcher as unknown as typeof fetch)).toBeNull();
		expect(await loadWaits('C_110/../../x', fetcher as unknown as typeof fetch)).toBeNull();
		expect(fetcher).toHaveBeenCalledTimes(1);
	});

	it('forgets a failure so the next try fetches again', async () => {
		let calls = 0;
		const fetcher = (async () => {
			calls++;
			if (calls === 1) throw new Error('offline');
			return json({ treatment: 'C_110', treatmentName: 'x', periods: [], rows: [] });
		}) as unknown as typeof fetch;
		await expect(loadWaits('C_110', fetcher)).rejects.toThrow('offline');
		await new Promise((r) => setTimeout(r, 0));
		expect((await loadWaits('C_110', fetcher))?.treatment).toBe('C_110');
	});
});

describe('loadTrend: only the parts of the providers asked for', () => {
	const FILES: Record<string, unknown> = {
		'/data/patient/waits-C_110.json': {
			treatment: 'C_110', treatmentName: 'x', periods: ['2026-04'], trendParts: 3,
			rows: [{ provider: 'A', trendPart: 0, months: [] }, { provider: 'B', trendPart: 2, months: [] }, { provider: 'C', trendPart: 2, months: [] }]
		},
		'/data/patient/trend-C_110-0.json': { treatment: 'C_110', part: 0, parts: 3, periods: ['2026-04'], rows: [providerTrend('A')] },
		'/data/patient/trend-C_110-1.json': { treatment: 'C_110', part: 1, parts: 3, periods: ['2026-04'], rows: [providerTrend('Q')] },
		'/data/patient/trend-C_110-2.json': { treatment: 'C_110', part: 2, parts: 3, periods: ['2026-04'], rows: [providerTrend('B'), providerTrend('C')] }
	};
	const fetched: string[] = [];
	const fetcher = (async (url: string) => {
		fetched.push(url);
		return url in FILES ? json(FILES[url]) : json('', 404);
	}) as unknown as typeof fetch;
	beforeEach(() => {
		clearPatientDataCache();
		fetched.length = 0;
	});

	it('fetches the waits file, then the one part holding B and C', async () => {
		const trend = await loadTrend('C_110', ['C', 'B'], fetcher);
		expect(trend?.rows.map((r) => r.provider)).toEqual(['B', 'C']);
		expect(fetched).toEqual(['/data/patient/waits-C_110.json', '/data/patient/trend-C_110-2.json']);
	});
	it('every part for a provider the waits file does not list (its part is not known)', async () => {
		expect((await loadTrend('C_110', ['Q'], fetcher))?.rows.map((r) => r.provider)).toEqual(['A', 'B', 'C', 'Q']);
		expect(fetched.filter((u) => u.includes('/trend-')).sort()).toEqual(['/data/patient/trend-C_110-0.json', '/data/patient/trend-C_110-1.json', '/data/patient/trend-C_110-2.json']);
	});
	it('no waits file, no trend; odd text is never a path', async () => {
		expect(await loadTrend('C_120', ['A'], fetcher)).toBeNull();
		expect(await loadTrend('../x', ['A'], fetcher)).toBeNull();
		expect(fetched).toEqual(['/data/patient/waits-C_120.json']);
	});
});

describe('treatments in words', () => {
	it('accepts codes, plain words and search terms', () => {
		expect(resolveTreatment('C_110')?.code).toBe('C_110');
		expect(resolveTreatment('c_110')?.code).toBe('C_110');
		expect(resolveTreatment('knee')?.code).toBe('C_110');
		expect(resolveTreatment('Eyes (ophthalmology)')?.code).toBe('C_130');
		expect(resolveTreatment('zzzz')).toBeNull();
		expect(resolveTreatment('  ')).toBeNull();
	});

	it('shortens the words for sentences', () => {
		expect(shortTreatmentWords(treatmentByCode('C_110')!)).toBe('bones and joints');
		expect(shortTreatmentWords(treatmentByCode('C_999')!)).toBe('any treatment');
	});
});

describe('change between months', () => {
	it('says about the same when the ranges overlap', () => {
		const change = waitChange(figures({ period: '2026-02', median: 10.2 }), figures());
		expect(change?.overall).toBe('about the same');
	});

	it('says shorter when both ranges move apart', () => {
		const before = figures({ period: '2026-02', median: 14, medianLow: 13.5, medianHigh: 14.5, pctWithin18: 50 });
		expect(waitChange(before, figures())?.overall).toBe('shorter');
	});

	it('is unknown with too few patients, and null without an earlier month', () => {
		expect(waitChange(figures({ tooFew: true, median: null }), figures())?.overall).toBe('unknown');
		expect(waitChange(null, figures())).toBeNull();
	});

	it('turns the open top band into an interval', () => {
		const input = toChangeInput(figures({ median: null, medianOver104: true, medianLow: 100, medianHigh: null }));
		expect(input.median).toEqual({ kind: 'over104' });
		expect(input.medianInterval?.high).toEqual({ kind: 'over104' });
	});
});

describe('shorter waits nearby', () => {
	const providers = [provider('A', 53.8, -1.55), provider('B', 53.81, -1.5), provider('C', 53.9, -1.6), provider('D', 51.5, -0.1)];
	const waits: TreatmentWaitsFile = {
		treatment: 'C_110',
		treatmentName: 'Trauma and Orthopaedic Service',
		periods: ['2026-03'],
		rows: [
			{ provider: 'A', trendPart: 0, months: [figures({ median: 20 })] },
			{ provider: 'B', trendPart: 0, months: [figures({ median: 12 })] },
			{ provider: 'C', trendPart: 0, months: [figures({ median: 25 })] },
			{ provider: 'D', trendPart: 0, months: [figures({ median: 2 })] }
		],
		trendParts: 1
	};
	it('lists only nearer-than-25-miles providers with a shorter median', () => {
		const found = shorterNearby(providers[0], waits, providers);
		expect(found.map((f) => f.provider.code)).toEqual(['B']);
	});
});

describe('small words', () => {
	it('names the survey bands', () => {
		expect(surveyBandWords(4)).toBe('about the same as most hospitals');
		expect(surveyBandWords(7)).toBe('much better than most hospitals');
		expect(surveyBandWords(0)).toBeNull();
	});
	it('makes safe links', () => {
		expect(telHref('0113 243 3144')).toBe('tel:01132433144');
		expect(websiteHref('www.leedsth.nhs.uk')).toBe('https://www.leedsth.nhs.uk/');
		expect(websiteHref('javascript:alert(1)')).toBeNull();
	});
});
