/**
 * Being a good guest on the publishers' servers: every request says who we
 * are, waits a moment after the one before (one connection at a time), and a
 * page that fails for a passing reason is asked for again after a growing pause.
 */
import { readFileSync } from 'node:fs';
import { HttpStatusError, isRetryable } from './download.ts';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** OPENWAITS_CONTACT (an e-mail or web address) lets a publisher reach whoever runs this copy. */
export function userAgent(contact = process.env.OPENWAITS_CONTACT): string {
	return `OpenWaits-data-fetch/${version} (monthly download of published statistics, one request at a time${contact ? `; contact: ${contact}` : ''})`;
}

export interface PoliteOptions {
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	/** Pause between the end of one request and the start of the next. */
	pauseMs?: number;
	userAgent?: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fetch that adds the User-Agent and spaces requests out; callers run one at a time. */
export function politeFetch(options: PoliteOptions = {}): typeof fetch {
	const inner = options.fetch ?? fetch;
	const sleep = options.sleep ?? realSleep;
	const agent = options.userAgent ?? userAgent();
	let first = true;
	return async (input, init) => {
		if (!first && options.pauseMs) await sleep(options.pauseMs);
		first = false;
		const headers = new Headers(init?.headers);
		headers.set('user-agent', agent);
		return inner(input, { ...init, headers });
	};
}

export interface PageOptions {
	fetch: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	retries?: number;
	backoffMs?: number;
}

/** The HTML of a page; network errors and HTTP 5xx/429 are retried with back-off, other statuses fail at once. */
export async function getPage(url: string, options: PageOptions, shownAs = url): Promise<string> {
	const sleep = options.sleep ?? realSleep;
	const retries = options.retries ?? 4;
	for (let attempt = 1; ; attempt++) {
		try {
			const response = await options.fetch(url, { redirect: 'follow' });
			if (!response.ok) {
				await response.body?.cancel();
				throw new HttpStatusError(shownAs, response.status, response.statusText);
			}
			return await response.text();
		} catch (error) {
			if (!isRetryable(error) || attempt > retries) {
				if (error instanceof HttpStatusError) throw new Error(`page ${shownAs} answered HTTP ${error.status}: the page may have moved; check "landingPage" in data/sources.json. Files already fetched are kept.`);
				throw new Error(`could not load page ${shownAs} after ${attempt} attempts: ${(error as Error).message}`, { cause: error });
			}
			await sleep((options.backoffMs ?? 1000) * 2 ** (attempt - 1));
		}
	}
}
