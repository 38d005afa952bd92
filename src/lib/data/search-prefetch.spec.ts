import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchSearch, typedSearchFiles } from './search-prefetch.ts';
import { clearPatientDataCache } from './patient-data.ts';

describe('typedSearchFiles: which files the form names so far', () => {
	const cases: [string, string, { area: string | null; treatment: string | null }][] = [
		['', '', { area: null, treatment: null }],
		// A half-typed postcode has no area yet: no digit after the letters.
		['L', '', { area: null, treatment: null }],
		['LS', '', { area: null, treatment: null }],
		['LS1', '', { area: 'LS', treatment: null }],
		['b15 2th', '', { area: 'B', treatment: null }],
		['B15 2TH', 'trauma and orthopaedics', { area: 'B', treatment: 'C_110' }],
		['', 'knee', { area: null, treatment: 'C_110' }],
		['', 'c_110', { area: null, treatment: 'C_110' }],
		['', 'Bones and joints (trauma and orthopaedics)', { area: null, treatment: 'C_110' }],
		// Half a word is a guess, never fetched on.
		['', 'ort', { area: null, treatment: null }],
		['', 'kne', { area: null, treatment: null }],
		['not a postcode!', 'nothing like a treatment', { area: null, treatment: null }]
	];
	it.each(cases)('%j, %j', (postcode, treatment, expected) => expect(typedSearchFiles(postcode, treatment)).toEqual(expected));
});

describe('prefetchSearch', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		clearPatientDataCache();
	});

	function stubFetch(status = 200) {
		const urls: string[] = [];
		vi.stubGlobal('fetch', async (url: string) => {
			urls.push(String(url));
			return new Response(status === 200 ? '{"providers":[],"regions":{}}' : 'gone', { status });
		});
		return urls;
	}

	it('fetches the hospitals, the area and the waits, each once however often it is asked', async () => {
		const urls = stubFetch();
		prefetchSearch({ area: 'B', treatment: 'C_110' });
		prefetchSearch({ area: 'B', treatment: 'C_110' });
		prefetchSearch({ area: null, treatment: null });
		await new Promise((r) => setTimeout(r, 0));
		expect(urls.map((u) => u.replace(/^.*\/data\//, ''))).toEqual(['patient/providers.json', 'patient/postcodes/B.json', 'patient/waits-C_110.json']);
	});

	it('keeps failures quiet (the search reports them) and lets the search fetch again', async () => {
		const urls = stubFetch(500);
		const unhandled = vi.fn();
		process.on('unhandledRejection', unhandled);
		prefetchSearch({ area: 'LS', treatment: null });
		await new Promise((r) => setTimeout(r, 10));
		process.off('unhandledRejection', unhandled);
		expect(unhandled).not.toHaveBeenCalled();
		prefetchSearch({ area: 'LS', treatment: null });
		await new Promise((r) => setTimeout(r, 0));
		expect(urls.filter((u) => u.endsWith('postcodes/LS.json'))).toHaveLength(2);
	});
});
