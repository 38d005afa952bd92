import { describe, expect, it } from 'vitest';
import { getPage, politeFetch, userAgent } from './polite.ts';

function fakeFetch(answers: (Response | Error)[]) {
	const calls: { url: string; agent: string | null }[] = [];
	const impl: typeof fetch = async (input, init) => {
		calls.push({ url: String(input), agent: new Headers(init?.headers).get('user-agent') });
		const next = answers.shift()!;
		if (next instanceof Error) throw next;
		return next;
	};
	return { impl, calls };
}

describe('politeFetch', () => {
	it('names OpenWaits in every request and pauses between requests, not before the first', async () => {
		const { impl, calls } = fakeFetch([new Response('a'), new Response('b'), new Response('c')]);
		const pauses: number[] = [];
		const polite = politeFetch({ fetch: impl, pauseMs: 1500, sleep: async (ms) => void pauses.push(ms), userAgent: 'UA/1' });
		for (const url of ['https://x/1', 'https://x/2', 'https://x/3']) await polite(url, { headers: { range: 'bytes=1-' } });
		expect(calls).toEqual([{ url: 'https://x/1', agent: 'UA/1' }, { url: 'https://x/2', agent: 'UA/1' }, { url: 'https://x/3', agent: 'UA/1' }]);
		expect(pauses).toEqual([1500, 1500]);
	});

	it.each([
		[undefined, /one request at a time\)$/],
		['data@council.example', /; contact: data@council\.example\)$/]
	])('userAgent with contact %s', (contact, expected) => expect(userAgent(contact)).toMatch(expected));
});

describe('getPage', () => {
	it.each([
		{ name: 'retries a 503 then a network error with doubling back-off', answers: [new Response('', { status: 503 }), new TypeError('fetch failed'), new Response('<html>')], result: '<html>', waits: [100, 200] },
		{ name: 'gives up at once on a 404, naming the page', answers: [new Response('', { status: 404 })], error: 'page https://p/ answered HTTP 404: the page may have moved', waits: [] },
		{ name: 'gives up after the retries', answers: [new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed')], error: 'could not load page https://p/ after 3 attempts', waits: [100, 200] }
	])('$name', async ({ answers, result, error, waits }) => {
		const { impl } = fakeFetch(answers);
		const slept: number[] = [];
		const page = getPage('https://mirror/p/', { fetch: impl, retries: 2, backoffMs: 100, sleep: async (ms) => void slept.push(ms) }, 'https://p/');
		if (error) await expect(page).rejects.toThrow(error);
		else await expect(page).resolves.toBe(result);
		expect(slept).toEqual(waits);
	});
});
