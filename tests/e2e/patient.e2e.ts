/**
 * The patient's first answer, end to end, in Debian's Chromium against the
 * built static site: search, the URL as state, errors, keyboard only,
 * accessibility, narrow screens, and (on the real data) one figure checked
 * against the published file.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import type { TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';

/** A card in the whole list: the first cards are drawn first and the list is busy until the rest follow. */
const ALL_CARDS = 'ol.results:not([aria-busy]) article.result';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const real = dataset === 'real';

/** A postcode with hospitals nearby in each dataset. */
const POSTCODE = real ? 'B15 2TH' : 'LS1 4AP';
const NOT_FOUND = 'We could not find that postcode. Check it and try again, or enter just the first part, like LS1';
const TREATMENT_NOT_FOUND = 'We could not find that treatment. Try a word like knee, eyes or skin.';

const { open } = useBrowser();

/** Loads a page and waits until the search form is handled by the page (hydrated), not the browser. */
async function gotoHydrated(page: Page, path: string) {
	await page.goto(`${siteUrl}${path}`);
	await page.waitForSelector('form.search-form[data-ready]');
}

async function search(page: Page, postcode: string, treatment: string, miles = '25') {
	await page.getByLabel('Postcode', { exact: true }).fill(postcode);
	await page.getByLabel('Treatment', { exact: true }).fill(treatment);
	await page.getByLabel('How far can you travel?').selectOption(miles);
	await page.getByRole('button', { name: 'Search', exact: true }).click();
}

async function cardMedians(page: Page): Promise<(number | null)[]> {
	return page.$$eval('article.result', (cards) =>
		cards.map((card) => {
			const value = card.querySelector<HTMLElement>('.median')?.dataset.median;
			return value === undefined || value === '' ? null : Number(value);
		})
	);
}

describe(`patient search (${dataset} data)`, () => {
	it('finds hospitals by postcode and treatment, shortest wait first', async () => {
		const { page, outside, consoleErrors } = await open();
		await gotoHydrated(page, '/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/shorter wait/i);
		await search(page, POSTCODE, 'knee');
		await page.waitForSelector(ALL_CARDS);
		const summary = await page.getByTestId('results-summary').textContent();
		expect(summary).toMatch(new RegExp(`\\d+ hospitals? within 25 miles of ${POSTCODE} treats? bones and joints\\. Sorted by shortest wait\\.`));
		const medians = await cardMedians(page);
		expect(medians.length).toBeGreaterThanOrEqual(2);
		// Drawn in two steps, but every hospital the summary counts has its card.
		expect(medians.length).toBe(Number(/^(\d+) hospitals?/.exec(summary!)?.[1]));
		expect(medians[0]).not.toBeNull();
		if (medians[1] !== null) expect(medians[0]!).toBeLessThanOrEqual(medians[1]);
		// Every numeric median is in order until the first "too few" or open-band card.
		const numeric = medians.filter((m): m is number => m !== null);
		expect([...numeric].sort((a, b) => a - b)).toEqual(numeric);
		await expect(page.getByText(/Source: NHS England RTT/).count()).resolves.toBeGreaterThan(0);
		// The chart and the map are drawn just after the list.
		await page.getByRole('heading', { name: 'Distance and waiting time' }).waitFor();
		await page.locator('figure.map svg g.point').first().waitFor();
		const cards = await page.locator('article.result').count();
		await expect(page.locator('figure.map svg g.point').count()).resolves.toBe(cards);
		await expect(page.locator('figure.map svg g.point text').first().textContent()).resolves.toBe('1');
		await expect(page.locator('figure.map svg path.land').getAttribute('d')).resolves.toMatch(/^M/);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download the data behind this chart (CSV)' }).click()
		]);
		const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toBe('provider_code,provider_name,period,distance_miles,median_weeks,median_over_104_weeks,p92_weeks,pct_within_18_weeks,people_waiting,too_few_to_say');
		expect(lines.length - 1).toBe(cards);
		await expect(page.getByRole('heading', { name: 'What you can do' }).count()).resolves.toBe(1);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('keeps the search in the URL: reload, sort and the back button reproduce it', async () => {
		const { page, outside } = await open();
		await gotoHydrated(page, '/');
		await search(page, POSTCODE.toLowerCase().replace(' ', ''), 'C_110', '50');
		await page.waitForSelector(ALL_CARDS);
		let url = new URL(page.url());
		expect(url.searchParams.get('postcode')).toBe(POSTCODE);
		expect(url.searchParams.get('treatment')).toBe('C_110');
		expect(url.searchParams.get('miles')).toBe('50');
		const first = await page.$$eval('article.result h3', (h) => h.map((e) => e.textContent));

		await page.reload();
		await page.waitForSelector(ALL_CARDS);
		expect(await page.$$eval('article.result h3', (h) => h.map((e) => e.textContent))).toEqual(first);
		expect(await page.getByLabel('Postcode', { exact: true }).inputValue()).toBe(POSTCODE);
		expect(await page.getByLabel('How far can you travel?').inputValue()).toBe('50');

		await page.getByRole('link', { name: 'Nearest', exact: true }).click();
		await page.waitForURL(/sort=distance/);
		await expect(page.getByTestId('results-summary').textContent()).resolves.toMatch(/Sorted by distance/);
		url = new URL(page.url());
		expect(url.searchParams.get('sort')).toBe('distance');

		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('sort'));
		await expect(page.getByTestId('results-summary').textContent()).resolves.toMatch(/Sorted by shortest wait/);
		// The summary is redrawn before the list has all its cards again (the list fills in parts): wait for the whole list.
		await expect.poll(() => page.$$eval(ALL_CARDS, (cards) => cards.map((c) => c.querySelector('h3')?.textContent))).toEqual(first);
		expect(outside).toEqual([]);
	});

	it('says clearly when a postcode is not found, and moves focus to the problem', async () => {
		const { page, outside } = await open();
		await gotoHydrated(page, '/');
		await search(page, 'ZZ99 9ZZ', 'knee');
		const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
		await summary.waitFor();
		await expect(summary.getByRole('link', { name: NOT_FOUND }).count()).resolves.toBe(1);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
		await expect(page.locator('#postcode-error').textContent()).resolves.toContain(NOT_FOUND);
		await summary.getByRole('link', { name: NOT_FOUND }).click();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('postcode');

		// Well formed, but no such district: found out only after looking it up.
		await gotoHydrated(page, `/?postcode=${encodeURIComponent(real ? 'B0 1AA' : 'LS99 9ZZ')}&treatment=C_110`);
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expect(page.locator('#postcode-error').textContent()).resolves.toContain(NOT_FOUND);
		expect(await page.locator('article.result').count()).toBe(0);

		await gotoHydrated(page, '/');
		await search(page, POSTCODE, 'qwertyuiop');
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expect(page.locator('#treatment-error').textContent()).resolves.toContain(TREATMENT_NOT_FOUND);
		expect(outside).toEqual([]);
	});

	it('works with the keyboard alone', async () => {
		const { page, outside } = await open();
		await gotoHydrated(page, '/');
		const tabTo = async (check: () => Promise<boolean>, limit = 60) => {
			for (let i = 0; i < limit; i++) {
				if (await check()) return;
				await page.keyboard.press('Tab');
			}
			throw new Error('Could not reach the element with Tab');
		};
		const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
		await tabTo(async () => (await activeId()) === 'postcode');
		await page.keyboard.type(POSTCODE);
		await tabTo(async () => (await activeId()) === 'treatment');
		await page.keyboard.type('hip');
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Search');
		await page.keyboard.press('Enter');
		await page.waitForSelector(ALL_CARDS);
		// On to the first hospital's page, still by keyboard.
		const firstName = (await page.locator('article.result h3 a').first().textContent())!.trim();
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.closest('article.result h3') !== null)), 200);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/provider\//);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(firstName);
		expect(outside).toEqual([]);
	});

	it('has no axe violations on the form, the results, a provider page and the comparison', async () => {
		const { page, outside } = await open();
		await gotoHydrated(page, '/');
		expect(await axeViolations(page)).toEqual([]);

		await search(page, POSTCODE, 'knee');
		await page.waitForSelector(ALL_CARDS);
		await page.locator('details.table-twin summary').click();
		expect(await axeViolations(page)).toEqual([]);

		// Tick two to compare, then follow the link.
		const boxes = page.locator('article.result input[type="checkbox"]');
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		const compare = page.getByRole('link', { name: 'Compare 2 hospitals' }).first();
		const href = await compare.getAttribute('href');
		expect(href).toMatch(/compare\?providers=[^&]+%2C[^&]+&treatment=C_110/);
		await compare.click();
		await page.waitForURL(/\/compare\?/);
		await page.locator('table.compare').waitFor();
		expect(await page.locator('table.compare thead th[scope="col"]').count()).toBe(2);
		expect(await axeViolations(page)).toEqual([]);

		await page.locator('table.compare thead a').first().click();
		await page.waitForURL(/\/provider\//);
		await page.locator('table.treatments').waitFor();
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});

	it('fits a 320-pixel-wide screen without sideways scrolling', async () => {
		const { page, outside } = await open({ width: 320, height: 640 });
		await gotoHydrated(page, `/?postcode=${encodeURIComponent(POSTCODE)}&treatment=C_110`);
		await page.waitForSelector(ALL_CARDS);
		await page.screenshot({ path: `.cache/patient-320-${dataset}.png`, fullPage: true });
		expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
		expect(outside).toEqual([]);
	});

	it('turns the words a form sent without JavaScript into a treatment code in the URL', async () => {
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/?postcode=${encodeURIComponent(POSTCODE.toLowerCase())}&treatment=knee&miles=25`);
		await page.waitForURL(/treatment=C_110/);
		await page.waitForSelector(ALL_CARDS);
		expect(new URL(page.url()).searchParams.get('postcode')).toBe(POSTCODE);
		expect(await page.getByLabel('Treatment', { exact: true }).inputValue()).toBe('Bones and joints (trauma and orthopaedics)');
		expect(outside).toEqual([]);
	});

	it('searches from "Use my location", putting only a position rounded to about 1 km in the URL', async () => {
		const { page, outside } = await open();
		const [latitude, longitude] = real ? [52.4508, -1.9305] : [53.7965, -1.5478];
		await page.context().grantPermissions(['geolocation']);
		await page.context().setGeolocation({ latitude, longitude });
		await gotoHydrated(page, '/');
		await page.getByLabel('Treatment', { exact: true }).fill('hip');
		await page.getByRole('button', { name: 'Use my location' }).click();
		await page.waitForSelector(ALL_CARDS);
		await expect(page.getByTestId('results-summary').textContent()).resolves.toMatch(/within 25 miles of your location/);
		const url = new URL(page.url());
		expect(url.searchParams.get('treatment')).toBe('C_110');
		expect(url.search).not.toMatch(/lat|lon|postcode/);
		// Rounded to 2 decimals (about 1 km): the precise position never reaches the address bar.
		expect(url.searchParams.get('near')).toBe(real ? '52.45,-1.93' : '53.80,-1.55');
		expect(url.search).not.toContain(String(latitude));
		expect(outside).toEqual([]);
	});

	it('prerenders provider pages that work without a search', async () => {
		const { page, outside } = await open();
		const response = await page.request.get(`${siteUrl}/data/patient/providers.json`);
		const { providers } = (await response.json()) as { providers: { code: string; name: string }[] };
		const provider = providers[0];
		const html = await page.request.get(`${siteUrl}/provider/${provider.code}`);
		expect(html.status()).toBe(200);
		expect(await html.text()).toContain(provider.name.replace(/&/g, '&amp;'));
		expect(outside).toEqual([]);
	});

	it.runIf(real)('lists University Hospitals Birmingham near B15 2TH with its published median', async () => {
		const { page, outside } = await open();
		await gotoHydrated(page, `/?postcode=B15+2TH&treatment=C_110`);
		await page.waitForSelector(ALL_CARDS);
		const card = page.locator('article.result[data-code="RRK"]');
		await expect(card.count()).resolves.toBe(1);
		expect((await card.locator('h3').textContent())!).toMatch(/university hospitals birmingham/i);

		const waits = (await (await page.request.get(`${siteUrl}/data/patient/waits-C_110.json`)).json()) as TreatmentWaitsFile;
		const latest = [...waits.periods].sort().at(-1);
		const figures = waits.rows.find((r) => r.provider === 'RRK')!.months.find((m) => m.period === latest)!;
		expect(figures.median).not.toBeNull();
		const shown = await card.locator('.median-weeks').textContent();
		expect(shown).toBe(`${figures.median!.toFixed(1)} weeks`);
		expect(Number(await card.locator('.median').getAttribute('data-median'))).toBe(figures.median);
		expect(outside).toEqual([]);
	});
});
