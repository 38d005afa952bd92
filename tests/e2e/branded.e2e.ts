/**
 * A copy branded by one configuration file (tests/fixtures/branding/anytown.config.json)
 * and served under a base path: its name, publisher and colours on every page,
 * the pages it leaves out gone from the menu and answering 404, axe clean, and
 * the About the data page saying what the refresh that built it found.
 * scripts/test-all.ts builds this site with `npm run refresh -- --no-fetch`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const { open } = useBrowser();
const config = JSON.parse(readFileSync('tests/fixtures/branding/anytown.config.json', 'utf8'));
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('a branded copy under a base path', () => {
	it('is served under its base path', () => {
		expect(new URL(siteUrl).pathname).toBe('/anytown');
	});

	it.each(['/', '/about/data', '/compare'])('%s carries the name, publisher and colours, without the pages left out', async (path) => {
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}${path}`);
		await expect.poll(() => page.locator('.site-header .brand').textContent()).toBe(config.name);
		expect(await page.locator('footer .publisher').textContent()).toBe(`Published by ${config.publisher}, using OpenWaits.`);
		expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(config.colours.primary));
		const menu = await page.locator('nav[aria-label="Main"] a').allTextContents();
		expect(menu).toEqual(['Find shorter waits', 'About the data', 'How we calculate']);
		expect(await page.locator('nav[aria-label="Main"] a').first().getAttribute('href')).toMatch(/^(\.\.?\/?|\/anytown\/?)/);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it.each(['/league', '/league/custom', '/explore', '/embed/league', '/council'])('%s is left out: 404', async (path) => {
		const { page } = await open();
		const response = await page.goto(`${siteUrl}${path}`);
		expect(response?.status()).toBe(404);
		await expect.poll(() => page.locator('body').textContent()).toMatch(/404|not part of this site|Not Found/i);
		expect(await page.locator('h1', { hasText: /league|explore|council/i }).count()).toBe(0);
	});

	it('/about/data says when the data were refreshed and what the refresh added', async () => {
		const { page } = await open();
		await page.goto(`${siteUrl}/about/data`);
		const summary = page.getByTestId('refresh-summary');
		await expect.poll(() => summary.textContent()).toMatch(/Last refreshed .+ UTC; data built .+ UTC\.\s+Added: waiting times for February 2026, waiting times for March 2026, waiting times for April 2026, A&E figures for March 2025/);
		expect(await page.getByRole('heading', { name: "What's new" }).count()).toBe(1);
		expect(await page.locator('text=people were waiting to start treatment').count()).toBe(1);
	});
});
