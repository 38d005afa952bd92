/**
 * Issue #14 end to end: the waits of people treated this month, referrals,
 * list change and pace on result cards, the provider page and /compare; and
 * the Atom feeds each page names, checked against RFC 4287 (atom-check.ts).
 * On the real data, /provider/RR8's ophthalmology row equals the built figures
 * (which pipeline.real.spec.ts checks against the raw bands).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import { atomProblems, parseXml } from '../../scripts/build/atom-check.ts';
import type { TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';

/** A card in the whole list: the first cards are drawn first and the list is busy until the rest follow. */
const ALL_CARDS = 'ol.results:not([aria-busy]) article.result';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const real = dataset === 'real';
const POSTCODE = 'LS1 4AP';
const EYES = 'C_130';

const { open } = useBrowser();

async function fetchText(page: Page, href: string): Promise<{ status: number; type: string; text: string }> {
	return page.evaluate(async (url) => {
		const r = await fetch(url);
		return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
	}, href);
}

async function eyeSearch(page: Page) {
	await page.goto(`${siteUrl}/?postcode=${encodeURIComponent(POSTCODE)}&treatment=${EYES}&miles=25`);
	await page.waitForSelector(ALL_CARDS);
}

describe(`people treated, list change and feeds (${dataset} data)`, () => {
	it('each result card shows the waits of people treated, whether the list grew or shrank, and its own valid feed', async () => {
		const { page, outside, consoleErrors } = await open();
		await eyeSearch(page);
		const cards = page.locator('article.result');
		const count = await cards.count();
		expect(count).toBeGreaterThan(0);
		let compared = 0;
		for (let i = 0; i < count; i++) {
			const card = cards.nth(i);
			await expect(card.locator('li.treated').count()).resolves.toBe(2);
			await expect(card.locator('li.treated').first().textContent()).resolves.toMatch(/admitted to hospital for treatment in April 2026|for the people admitted/);
			const direction = await card.locator('li.list-change').getAttribute('data-direction');
			const words = await card.locator('li.list-change').textContent();
			// A provider new in the latest month has no earlier list to compare with, and says so.
			if (direction === '') expect(words).toMatch(/no figures for an earlier month/);
			else {
				expect(['grew', 'shrank', 'about the same']).toContain(direction);
				expect(words).toMatch(real ? /January 2026/ : /March 2026/);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(count / 2);
		const href = await cards.first().getByRole('link', { name: /Get monthly updates for this list/ }).getAttribute('href');
		const feed = await fetchText(page, href!);
		expect(feed.status).toBe(200);
		expect(atomProblems(feed.text)).toEqual([]);
		expect(parseXml(feed.text).children.filter((c) => c.name === 'entry').length).toBe(real ? 2 : 3);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('the provider page shows the treated-this-month table, names its feed in the head, and the feed validates', async () => {
		const { page, outside } = await open();
		let code = 'RR8';
		if (!real) {
			await eyeSearch(page);
			code = (await page.locator('article.result').first().getAttribute('data-code'))!;
		}
		await page.goto(`${siteUrl}/provider/${code}`);
		const row = page.locator(`table.treated tr[data-treatment="${EYES}"]`);
		await row.waitFor();
		const cell = (name: string) => row.locator(`td[data-cell="${name}"]`).textContent();
		const waits = JSON.parse((await fetchText(page, `${siteUrl}/data/patient/waits-${EYES}.json`)).text) as TreatmentWaitsFile;
		const months = waits.rows.find((r) => r.provider === code)!.months;
		const latest = months.at(-1)!;
		const tenth = (x: number) => `${x.toFixed(1)} weeks`;
		const count = (x: number) => x.toLocaleString('en-GB');
		expect(await cell('admitted-median')).toBe(tenth(latest.admitted!.median!));
		expect(await cell('non-admitted-median')).toBe(tenth(latest.nonAdmitted!.median!));
		expect(await cell('list')).toBe(count(latest.pathways + latest.unknownClockStart));
		expect(await cell('referrals')).toBe(count(latest.referrals!));
		const treated = latest.admitted!.pathways + latest.admitted!.unknownClockStart + latest.nonAdmitted!.pathways + latest.nonAdmitted!.unknownClockStart;
		expect(await cell('treated')).toBe(count(treated));
		if (real) {
			// RR8 ophthalmology, April 2026, from the real build (equal to the core on the raw bands: pipeline.real.spec.ts).
			expect([await cell('admitted-median'), await cell('non-admitted-median'), await cell('list'), await cell('referrals'), await cell('treated')])
				.toEqual(['12.0 weeks', '7.8 weeks', '4,897', '1,681', '1,234']);
		}
		const feedHref = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
		const feed = await fetchText(page, feedHref!);
		expect(feed.status).toBe(200);
		expect(atomProblems(feed.text)).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});

	it('the site-wide "what changed" feed validates and lists the latest month', async () => {
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/`);
		const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
		const feed = await fetchText(page, href!);
		expect(atomProblems(feed.text)).toEqual([]);
		const entries = parseXml(feed.text).children.filter((c) => c.name === 'entry');
		expect(entries.length).toBeGreaterThan(0);
		for (const entry of entries) {
			expect(entry.children.find((c) => c.name === 'updated')!.text).toBe('2026-04-30T00:00:00Z');
			expect(entry.children.find((c) => c.name === 'title')!.text).toMatch(/waiting list (grew|shrank) by [\d,]+ people/);
		}
		expect(outside).toEqual([]);
	});

	it('/compare shows the treated and list rows; fits 320 px', async () => {
		const { page, outside } = await open({ width: 320, height: 640 });
		await eyeSearch(page);
		const codes = await page.locator('article.result').evaluateAll((cards) => cards.slice(0, 2).map((c) => (c as HTMLElement).dataset.code));
		await page.goto(`${siteUrl}/compare?providers=${codes.join(',')}&treatment=${EYES}`);
		await page.locator('td[data-cell="admitted-median"]').first().waitFor();
		await expect(page.locator('td[data-cell="list-change"]').count()).resolves.toBe(2);
		expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});
});

describe(`location in the URL and the compare choice (${dataset} data)`, () => {
	it('"Use my location" puts the position, rounded to about 1 km, in the URL, and a reload repeats the search', async () => {
		const { page, outside } = await open();
		const context = page.context();
		await context.grantPermissions(['geolocation'], { origin: new URL(siteUrl).origin });
		await context.setGeolocation({ latitude: 53.796481, longitude: -1.547852 });
		await page.goto(`${siteUrl}/`);
		await page.waitForSelector('form.search-form[data-ready]');
		await page.getByLabel('Treatment', { exact: true }).fill('eyes');
		await page.getByRole('button', { name: 'Use my location' }).click();
		await page.waitForURL(/near=/);
		await page.waitForSelector(ALL_CARDS);
		expect(new URL(page.url()).searchParams.get('near')).toBe('53.80,-1.55');
		const before = await page.$$eval('article.result h3', (h) => h.map((e) => e.textContent));
		await page.reload();
		await page.waitForSelector(ALL_CARDS);
		expect(await page.$$eval('article.result h3', (h) => h.map((e) => e.textContent))).toEqual(before);
		await expect(page.getByTestId('results-summary').textContent()).resolves.toContain('your location (to about 1 km)');
		expect(outside).toEqual([]);
	});

	it('the compare choice survives a new search', async () => {
		const { page, outside } = await open();
		await eyeSearch(page);
		const first = page.locator('article.result').first();
		const name = (await first.locator('h3 a').textContent())!.trim();
		await first.getByRole('checkbox').check();
		// A new search for another treatment far away: the choice is still there, and can be removed.
		await page.getByLabel('Postcode', { exact: true }).fill(real ? 'B15 2TH' : 'LS1 4AP');
		await page.getByLabel('Treatment', { exact: true }).fill('skin');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL(/treatment=C_330/);
		// Wait for the new list, not the old one still on screen.
		await page.getByTestId('results-summary').filter({ hasText: /skin/i }).waitFor();
		await page.waitForSelector(ALL_CARDS);
		const checked = await page.locator('article.result input[type="checkbox"]:checked').count();
		const listed = await page.locator('.chosen-elsewhere li').filter({ hasText: name }).count();
		expect(checked + listed).toBe(1);
		await expect(page.locator('.compare-bar').textContent()).resolves.toContain('You have chosen 1 hospital');
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});
});
