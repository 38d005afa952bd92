/**
 * Fair league tables end to end in Debian's Chromium against the built site:
 * the funnel plot with one point per eligible provider and its banded table
 * twin, the embed snippet and /embed/league, a league from an uploaded CSV,
 * accessibility, and no request leaving 127.0.0.1.
 */
import { describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const FIXTURE = resolve('tests/fixtures/league/councils.csv');
/** axe takes about 30 s on the real data's 500-row table and 500 focusable points. */
const SLOW = 240_000;
const BANDS = /^(Better than expected \((95|99\.8)% limit\)|Within expected range|Worse than expected \((95|99\.8)% limit\))$/;

const { open } = useBrowser();

async function waitForLeague(page: Page) {
	await page.waitForSelector('[data-testid=funnel-plot] [role=listitem]', { timeout: 60_000 });
}

/** Providers in the latest month's all-treatments file that are not "too few": the eligible ones. */
async function eligibleProviders(): Promise<number> {
	const site = await (await fetch(`${siteUrl}/data/site.json`)).json();
	const waits = await (await fetch(`${siteUrl}/data/patient/waits-C_999.json`)).json();
	return waits.rows.filter((r: { months: { period: string; tooFew: boolean; pathways: number; pctWithin18: number | null }[] }) =>
		r.months.some((m) => m.period === site.latestPeriod && !m.tooFew && m.pathways > 0 && m.pctWithin18 !== null)
	).length;
}

describe(`league tables (${dataset} data)`, () => {
	it('/league shows a funnel plot with one point per eligible provider and a banded table', async () => {
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league`);
		await waitForLeague(page);
		const expected = await eligibleProviders();
		expect(expected).toBeGreaterThan(2);
		await expect(page.locator('[data-testid=funnel-plot] [role=listitem]').count()).resolves.toBe(expected);
		await expect(page.locator('[data-testid=league-table] tbody tr').count()).resolves.toBe(expected);
		const bands = await page.locator('[data-testid=league-table] tbody td.band').allTextContents();
		for (const band of bands) expect(band.trim()).toMatch(BANDS);
		const label = await page.locator('[data-testid=funnel-plot] [role=listitem]').first().getAttribute('aria-label');
		expect(label).toMatch(/\d+\.\d% \(95% interval .+\), [\d,]+ people waiting; (better|within|worse)/);
		await expect(page.getByTestId('limits-words').textContent()).resolves.toMatch(/limits at 95% and 99\.8%/);
		await expect(page.getByTestId('caterpillar-plot').count()).resolves.toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it('the choice lives in the URL, and the table sorts and searches', async () => {
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/league`);
		await waitForLeague(page);
		await page.getByLabel('Measure').selectOption('over52');
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await page.waitForURL(/measure=over52/);
		await page.waitForFunction(() => document.querySelector('h2')?.textContent?.includes('over 52 weeks'));
		await page.getByRole('button', { name: /^People waiting/ }).click();
		// Sizes sort largest first on the first click.
		const sorted = await page.locator('[data-testid=league-table] thead th[aria-sort=descending]').textContent();
		expect(sorted).toMatch(/People waiting/);
		const sizes = (await page.locator('[data-testid=league-table] tbody td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		const first = (await page.locator('[data-testid=league-table] tbody th').first().textContent())!.trim();
		await page.getByLabel('Search the table').fill(first.split(' ')[0]);
		await expect(page.locator('[data-testid=league-table] tbody tr').count()).resolves.toBeGreaterThanOrEqual(1);
		expect(outside).toEqual([]);
	});

	it('offers an embed snippet, and /embed/league shows the same league without the site chrome', async () => {
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=rtt18&treatment=C_999`);
		await waitForLeague(page);
		const snippet = await page.getByTestId('embed-snippet').inputValue();
		// The snippet points at this site, under whatever base path it is served from.
		expect(snippet.startsWith(`<iframe src="${siteUrl}/embed/league?measure=rtt18&amp;treatment=C_999" title="`)).toBe(true);
		expect(snippet).toMatch(/ width="100%"/);
		const points = await page.locator('[data-testid=funnel-plot] [role=listitem]').count();

		await page.goto(`${siteUrl}/embed/league?measure=rtt18&treatment=C_999`);
		await waitForLeague(page);
		await expect(page.locator('[data-testid=funnel-plot] [role=listitem]').count()).resolves.toBe(points);
		await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
		await expect(page.locator('footer').isVisible()).resolves.toBe(false);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Waiting under 18 weeks/);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it('makes a league table from an uploaded CSV', async () => {
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league/custom`);
		await page.waitForSelector('#custom-form[data-ready]');
		await page.setInputFiles('#csv-file', FIXTURE);
		await page.waitForSelector('[data-testid=funnel-plot] [role=listitem]');
		await expect(page.getByTestId('file-summary').textContent()).resolves.toBe('councils.csv: 9 rows, 5 columns.');
		// Latest year only: seven councils in 2025.
		await expect(page.locator('[data-testid=funnel-plot] [role=listitem]').count()).resolves.toBe(7);
		const names = await page.locator('[data-testid=league-table] tbody th').allTextContents();
		expect(names.some((n) => n.includes('=Formula Town'))).toBe(true);
		const bands = await page.locator('[data-testid=league-table] tbody td.band').allTextContents();
		for (const band of bands) expect(band.trim()).toMatch(BANDS);
		// Lower is better flips the bands of the units outside the limits.
		await page.getByLabel('Lower is better').check();
		await expect(page.locator('[data-testid=league-table] tbody tr').first().locator('th').textContent()).resolves.toMatch(/Dunmore|Formula|Ashby/);
		// CSV download keeps the formula-looking name inert.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download table (CSV)' }).click()]);
		const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
		expect(text).toContain("'=Formula Town");
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
});
