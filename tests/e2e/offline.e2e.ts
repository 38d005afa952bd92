/**
 * Offline: after one visit the service worker has the app shell and the
 * patient data; pages and tables looked at once are cached on first use.
 * With the network cut, a search, a provider page and counting rows in
 * DuckDB-WASM on /about/data all still work; in /explore a month already
 * queried still answers, and one never fetched says so in plain words; a
 * league month viewed once shows again, and one never viewed says so.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { TrackedPage } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';

/** A card in the whole list: the first cards are drawn first and the list is busy until the rest follow. */
const ALL_CARDS = 'ol.results:not([aria-busy]) article.result';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const POSTCODE = dataset === 'real' ? 'B15 2TH' : 'LS1 4AP';

const { open } = useBrowser();

/** A fresh page (and its context) whose network a test may cut: back online and closed, whatever happens. */
async function withPage(run: (tracked: TrackedPage & { context: BrowserContext }) => Promise<void>): Promise<void> {
	const tracked = await open();
	try {
		await run({ ...tracked, context: tracked.page.context() });
	} finally {
		await tracked.page.context().setOffline(false).catch(() => {});
		await tracked.close();
	}
}

describe(`offline (${dataset} data)`, () => {
	it('searches, opens a provider page and counts rows in the browser with the network off', async () => {
		await withPage(async (tracked) => {
			const { page, context } = tracked;
			// First visit: the worker installs and precaches the shell and the patient data.
			await page.goto(`${siteUrl}/`);
			await page.waitForSelector('form.search-form[data-ready]');
			const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
			expect(scope).toBe(`${siteUrl}/`);
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			const cacheNames = await page.evaluate(() => caches.keys());
			expect(cacheNames.filter((n) => n.startsWith('openwaits-'))).toHaveLength(1);
			// The waits files are stored on install; the trend parts, which grow with every month, are not.
			expect((await cachedData(page)).filter((p) => p.startsWith('patient/waits-')).length).toBeGreaterThan(0);
			expect((await cachedData(page)).filter((p) => p.startsWith('patient/trend-'))).toEqual([]);

			// Online, the pages and tables used later are visited once (cached on first use).
			const fetched: string[] = [];
			page.on('request', (r) => fetched.push(new URL(r.url()).pathname.replace(/^.*\/data\//, '')));
			const search = `${siteUrl}/?postcode=${encodeURIComponent(POSTCODE)}&treatment=C_110`;
			await page.goto(search);
			await page.waitForSelector(ALL_CARDS);
			await page.waitForSelector('article.result [data-testid=wait-trend]');
			// The trend parts this search fetched are stored as it fetched them.
			const parts = fetched.filter((p) => p.startsWith('patient/trend-C_110-'));
			expect(parts.length).toBeGreaterThan(0);
			await expect.poll(async () => (await cachedData(page)).filter((p) => p.startsWith('patient/trend-')).sort()).toEqual([...new Set(parts)].sort());
			const providerHref = await page.locator('article.result h3 a').first().getAttribute('href');
			const providerName = (await page.locator('article.result h3 a').first().textContent())!.trim();
			await page.locator('article.result h3 a').first().click();
			await page.waitForURL(/\/provider\//);
			await page.locator('table.treatments').waitFor();
			const providerUrl = page.url();
			await page.goto(`${siteUrl}/about/data`, { waitUntil: 'networkidle' });
			const manifest = (await (await page.request.get(`${siteUrl}/data/manifest.json`)).json()) as { tables: { name: string; rows: number }[] };
			await countRows(page, manifest.tables);

			// Offline from here.
			await context.setOffline(true);
			expect(await page.evaluate(() => navigator.onLine)).toBe(false);

			await page.goto(`${siteUrl}/`);
			await page.waitForSelector('form.search-form[data-ready]');
			await page.getByLabel('Postcode', { exact: true }).fill(POSTCODE);
			await page.getByLabel('Treatment', { exact: true }).fill('knee');
			await page.getByLabel('How far can you travel?').selectOption('50');
			await page.getByRole('button', { name: 'Search', exact: true }).click();
			await page.waitForSelector(ALL_CARDS);
			await expect(page.getByTestId('results-summary').textContent()).resolves.toMatch(/hospitals? within 50 miles of/);
			expect(await page.locator('article.result').count()).toBeGreaterThan(0);

			// The search made online draws its trends from the stored parts; a treatment never searched says its trend is missing.
			await page.goto(search);
			await page.waitForSelector('article.result [data-testid=wait-trend]');
			await expect(page.getByTestId('trend-missing').count()).resolves.toBe(0);
			await page.goto(`${siteUrl}/?postcode=${encodeURIComponent(POSTCODE)}&treatment=C_130`);
			await page.getByTestId('trend-missing').waitFor();
			expect(await page.locator(ALL_CARDS).count()).toBeGreaterThan(0);
			await expect(page.locator('article.result [data-testid=wait-trend]').count()).resolves.toBe(0);
			await page.goto(`${siteUrl}/?postcode=${encodeURIComponent(POSTCODE)}&treatment=C_110`);
			await page.waitForSelector(ALL_CARDS);
			await page.locator(`article.result h3 a[href="${providerHref}"]`).first().waitFor();

			// A provider page reached by the link, and the same page loaded directly.
			await page.locator(`article.result h3 a[href="${providerHref}"]`).first().click();
			await page.waitForURL(/\/provider\//);
			await page.locator('table.treatments').waitFor();
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(providerName);
			await page.goto(providerUrl);
			await page.locator('table.treatments').waitFor();
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(providerName);

			// DuckDB-WASM and the tables come from the cache.
			await page.goto(`${siteUrl}/about/data`);
			await countRows(page, manifest.tables);

			expect(tracked.outside).toEqual([]);
		});
	}, 300_000);
});

describe(`offline explore (${dataset} data)`, () => {
	it('answers from a month already fetched, and names a month not yet downloaded', async () => {
		await withPage(async (tracked) => {
			const { page, context } = tracked;
			await page.goto(`${siteUrl}/explore`);
			await page.waitForSelector('form.console[data-ready]');
			await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			const manifest = (await (await page.request.get(`${siteUrl}/data/manifest.json`)).json()) as { latestPeriod: string };
			const month = manifest.latestPeriod.replace('-', '_');
			const run = async (sql: string) => {
				await page.getByLabel('SQL query', { exact: true }).fill(sql);
				await page.getByRole('button', { name: 'Run', exact: true }).click();
			};
			const status = page.getByTestId('status');

			// Online: the latest month's summary is fetched (and cached by the worker on first use).
			await run(`SELECT count(*) AS n FROM rtt_summary_${month}`);
			await expect.poll(() => status.textContent(), { timeout: 90_000 }).toContain(`(rtt_summary_${month})`);
			const online = await page.locator('[data-testid=results] tbody td').first().textContent();

			await context.setOffline(true);
			// A fresh page (the URL's share link would run the query by itself: leave it out), so DuckDB starts empty.
			await page.goto(`${siteUrl}/explore?offline`);
			await page.waitForSelector('form.console[data-ready]');
			await run(`SELECT count(*) AS n FROM rtt_summary_${month}`);
			await expect.poll(() => status.textContent(), { timeout: 90_000 }).toContain(`(rtt_summary_${month})`);
			expect(await page.locator('[data-testid=results] tbody td').first().textContent()).toBe(online);

			await run(`SELECT count(*) AS n FROM rtt_detail_${month}`);
			const error = page.getByTestId('sql-error');
			await error.waitFor({ timeout: 60_000 });
			expect(await error.textContent()).toContain(`The table rtt_detail_${month} has not been downloaded to this browser yet, and fetching it needs a connection`);
			expect(tracked.outside).toEqual([]);
		});
	}, 300_000);
});

describe(`offline league (${dataset} data)`, () => {
	it("shows a month's league viewed once, and says in words that a month never viewed needs a connection", async () => {
		await withPage(async (tracked) => {
			const { page, context } = tracked;
			const rows = () => page.locator('[data-testid=league-table] tbody th').allTextContents();
			await page.goto(`${siteUrl}/`);
			await page.waitForSelector('form.search-form[data-ready]');
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			const site = (await (await page.request.get(`${siteUrl}/data/site.json`)).json()) as { periods: string[]; aePeriods: string[] };
			const waits = (await (await page.request.get(`${siteUrl}/data/patient/waits-C_999.json`)).json()) as { periods: string[] };
			// A month older than the waits file keeps comes from its own league file (none on the real data's two months).
			const older = site.periods.find((p) => !waits.periods.includes(p));
			const league = (query: string) => `${siteUrl}/league?${query}`;
			let online: string[] = [];
			if (older) {
				await page.goto(league(`measure=rtt18&treatment=C_999&period=${older}`));
				await page.waitForSelector('[data-testid=league-table] tbody tr');
				online = await rows();
			}

			await context.setOffline(true);
			if (older) {
				await page.goto(league(`measure=rtt18&treatment=C_999&period=${older}`));
				await page.waitForSelector('[data-testid=league-table] tbody tr');
				expect(await rows()).toEqual(online);
				// The month's file holds every treatment: another treatment that month works offline too.
				await page.goto(league(`measure=rtt18&treatment=C_110&period=${older}`));
				await page.waitForSelector('[data-testid=league-table] tbody tr');
			}
			// A&E months are fetched one by one too; this one was never looked at.
			await page.goto(league(`measure=ae4h&period=${site.aePeriods[0]}`));
			const alert = page.locator('.error-message[role=alert]');
			await alert.waitFor({ timeout: 60_000 });
			expect(await alert.textContent()).toContain('have not been downloaded to this browser yet, and fetching them needs a connection.');
			expect(tracked.outside).toEqual([]);
		});
	}, 300_000);
});

/** The data files in the worker's cache, relative to data/. */
async function cachedData(page: import('playwright-core').Page): Promise<string[]> {
	return page.evaluate(async () => {
		const name = (await caches.keys()).find((n) => n.startsWith('openwaits-'))!;
		const keys = await (await caches.open(name)).keys();
		return keys.map((k) => new URL(k.url).pathname).filter((p) => p.includes('/data/')).map((p) => p.replace(/^.*?\/data\//, ''));
	});
}

async function countRows(page: import('playwright-core').Page, tables: { name: string; rows: number }[]) {
	await page.getByRole('button', { name: 'Count rows in your browser' }).click();
	for (const table of tables) {
		const cell = page.getByTestId(`count-${table.name}`);
		await expect.poll(() => cell.textContent(), { timeout: 120_000 }).toMatch(/✓|differs|Failed/);
		expect(await cell.textContent()).toBe(`${table.rows.toLocaleString('en-GB')} ✓`);
	}
}
