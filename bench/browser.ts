/**
 * The browser measurements, in Debian's Chromium with the project's flags.
 * Times are taken inside the page (performance.now()), so the cost of
 * driving the browser over CDP is not counted: a click is timed by a
 * capture-phase listener, "visible" by a MutationObserver that sees the
 * element and the animation frame after it (the first paint that can show it).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';

export { launchChromium };

export const POSTCODE = 'B15 2TH';
export const TREATMENT = 'trauma and orthopaedics';

export interface Session {
	context: BrowserContext;
	page: Page;
	outside: string[];
	errors: string[];
	/** Every URL the context requested, in order. */
	requests: string[];
}

/**
 * A new context: empty cache, nothing stored, and service workers blocked.
 * Chromium's CDP network throttling does not apply to a service worker's own
 * fetches, and once the site's worker has precached the patient data the
 * "cold" search would be answered from its cache: the figures would measure
 * the worker, not the first visit.
 */
export async function newSession(browser: Browser, options: { serviceWorker?: boolean } = {}): Promise<Session> {
	const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: options.serviceWorker ? 'allow' : 'block' });
	await context.addInitScript(watcherScript);
	const page = await context.newPage();
	const outside: string[] = [];
	const errors: string[] = [];
	const requests: string[] = [];
	context.on('request', (request) => {
		requests.push(request.url());
		const url = new URL(request.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) outside.push(request.url());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { context, page, outside, errors, requests };
}

/**
 * Runs in every document before its scripts (CDP, so the site's CSP does not
 * apply). A string, not a function: tsx would add helpers the page lacks.
 */
const watcherScript = `(() => {
	const bench = { clickAt: null, watches: {} };
	window.__bench = bench;
	addEventListener('click', () => { if (bench.clickAt === null) bench.clickAt = performance.now(); }, true);
	bench.check = () => {
		for (const watch of Object.values(bench.watches)) {
			if (watch.found !== undefined) continue;
			const element = document.querySelector(watch.selector);
			if (!element || (element.offsetWidth === 0 && element.offsetHeight === 0)) continue;
			if (watch.text !== undefined && element.textContent === watch.text) continue;
			watch.found = performance.now();
			requestAnimationFrame(() => { watch.painted = performance.now(); });
		}
	};
	new MutationObserver(() => bench.check()).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

/** Starts watching for `selector` (optionally: until its text differs from `text`). */
export async function watch(page: Page, name: string, selector: string, options: { text?: string } = {}) {
	await page.evaluate(([name, selector, text]) => {
		const bench = (window as unknown as { __bench: { clickAt: number | null; watches: Record<string, unknown>; check(): void } }).__bench;
		bench.clickAt = null;
		bench.watches[name!] = { selector, text: text ?? undefined };
		bench.check();
	}, [name, selector, options.text ?? null] as const);
}

/** Waits for the watch to be painted; returns {clickAt, painted} in page time. */
export async function watched(page: Page, name: string, timeout = 120_000): Promise<{ clickAt: number | null; painted: number }> {
	const handle = await page.waitForFunction(
		(name) => {
			const bench = (window as unknown as { __bench: { clickAt: number | null; watches: Record<string, { painted?: number }> } }).__bench;
			const w = bench?.watches[name];
			return w?.painted !== undefined ? { clickAt: bench.clickAt, painted: w.painted } : null;
		},
		name,
		{ timeout, polling: 50 }
	);
	return (await handle.jsonValue()) as { clickAt: number | null; painted: number };
}

/** Watches registered before the document exists (navigation timing). */
export async function watchFromStart(context: BrowserContext, name: string, selector: string) {
	await context.addInitScript(`window.__bench.watches[${JSON.stringify(name)}] = { selector: ${JSON.stringify(selector)} };`);
}

export interface Throttle { latencyMs: number; downloadKbps: number; uploadKbps: number; cpuRate: number }
export const SLOW_4G: Throttle = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuRate: 4 };

export async function throttle(page: Page, t: Throttle) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: t.latencyMs,
		downloadThroughput: (t.downloadKbps * 1000) / 8,
		uploadThroughput: (t.uploadKbps * 1000) / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpuRate });
}

/** Cold: load `/`, fill the form, click Search; ms from the click to the first result card painted. */
export async function coldFirstResult(browser: Browser, siteUrl: string, throttling?: Throttle): Promise<{ ms: number; session: Session }> {
	const session = await newSession(browser);
	const { page } = session;
	if (throttling) await throttle(page, throttling);
	await page.goto(`${siteUrl}/`, { timeout: 120_000 });
	await page.waitForSelector('form.search-form[data-ready]', { timeout: 120_000 });
	await page.getByLabel('Postcode', { exact: true }).fill(POSTCODE);
	await page.getByLabel('Treatment', { exact: true }).fill(TREATMENT);
	await page.getByLabel('How far can you travel?').selectOption('25');
	await watch(page, 'first', 'article.result');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	const { clickAt, painted } = await watched(page, 'first');
	if (clickAt === null) throw new Error('the click was not seen');
	return { ms: painted - clickAt, session };
}

/** Warm: on a page with results, alternate the radius 25 → 50 → 25 …; ms from Search to the new summary painted. */
export async function warmQueries(session: Session, count: number): Promise<number[]> {
	const { page } = session;
	const times: number[] = [];
	const summary = page.getByTestId('results-summary');
	let miles = '25';
	for (let i = 0; i < count; i++) {
		miles = miles === '25' ? '50' : '25';
		const before = (await summary.textContent()) ?? '';
		await page.getByLabel('How far can you travel?').selectOption(miles);
		await watch(page, `warm${i}`, '[data-testid="results-summary"]', { text: before });
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		const { clickAt, painted } = await watched(page, `warm${i}`, 30_000);
		const after = await summary.textContent();
		if (!after?.includes(`within ${miles} miles`)) throw new Error(`the summary did not change to ${miles} miles: ${after}`);
		times.push(painted - clickAt!);
	}
	return times;
}

/** Cold visit of `path` (a new context) to `selector` painted, from navigation start. */
export async function coldVisit(
	browser: Browser,
	url: string,
	selector: string,
	options: { failSelector?: string } = {},
	beforeVisit?: (session: Session) => void
): Promise<{ ms: number; session: Session }> {
	const session = await newSession(browser);
	beforeVisit?.(session);
	await watchFromStart(session.context, 'target', selector);
	await session.page.goto(url, { timeout: 120_000 });
	if (options.failSelector) {
		const failed = session.page.waitForSelector(options.failSelector, { timeout: 180_000 }).then(async (e) => {
			throw new Error(`the page failed: ${await e?.textContent()}`);
		});
		failed.catch(() => {});
		const { painted } = await Promise.race([watched(session.page, 'target', 180_000), failed]);
		return { ms: painted, session };
	}
	const { painted } = await watched(session.page, 'target', 180_000);
	return { ms: painted, session };
}

/** The council page's summary must appear without DuckDB-WASM: the page is prerendered with its figures. */
export const COUNCIL_SUMMARY = '[data-testid="council-summary"]';

/**
 * Cold visit of /council/<code> to its summary painted, from navigation start; then, once the
 * network is idle, fails if anything DuckDB (its wasm, worker or module) was requested.
 */
export async function councilCold(browser: Browser, siteUrl: string, code: string): Promise<{ ms: number; session: Session }> {
	const visit = await coldVisit(browser, `${siteUrl}/council/${code}`, COUNCIL_SUMMARY);
	await visit.session.page.waitForLoadState('networkidle');
	const duckdb = visit.session.requests.filter((u) => /duckdb/i.test(u));
	if (duckdb.length) throw new Error(`the council page loaded DuckDB-WASM: ${duckdb.join(', ')}`);
	return visit;
}

/** Gzip (level 9) bytes of every JavaScript response the page itself loads before any interaction. */
export async function initialJs(browser: Browser, siteUrl: string): Promise<{ bytes: number; files: { url: string; gz: number }[]; serviceWorker: number }> {
	const session = await newSession(browser, { serviceWorker: true });
	const { page, context } = session;
	const pending: Promise<{ url: string; gz: number } | null>[] = [];
	let serviceWorker = 0;
	const isJs = (type: string, url: string) => /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(url);
	page.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (!isJs(type, response.url()) || response.request().serviceWorker() || /\/service-worker\.js$/.test(response.url())) return;
		pending.push(response.body().then((body) => ({ url: response.url(), gz: gzipSync(body, { level: 9 }).length }), () => null));
	});
	context.on('response', (response) => {
		const worker = response.request().serviceWorker() || /\/service-worker\.js$/.test(response.url());
		if (worker && isJs(response.headers()['content-type'] ?? '', response.url()))
			void response.body().then((b) => (serviceWorker += gzipSync(b, { level: 9 }).length), () => {});
	});
	await page.goto(`${siteUrl}/`, { waitUntil: 'networkidle' });
	const files = (await Promise.all(pending)).filter((f): f is { url: string; gz: number } => f !== null);
	const seen = new Map(files.map((f) => [f.url, f]));
	// Then let the service worker finish its precache, to report its JavaScript apart.
	await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 60_000))]));
	await page.waitForTimeout(1000);
	await context.close();
	const unique = [...seen.values()].map((f) => ({ ...f, url: new URL(f.url).pathname }));
	return { bytes: unique.reduce((s, f) => s + f.gz, 0), files: unique, serviceWorker };
}
