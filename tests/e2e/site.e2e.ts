/**
 * The whole site: every page has a heading and navigation, passes axe, sends
 * no request away from 127.0.0.1, and /about/data reconciles the data in the
 * browser with DuckDB-WASM.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const { open } = useBrowser();

const PAGES = ['/', '/about/data', '/about/methods', '/explore', '/league', '/council'];

describe(`every page (${dataset} data)`, () => {
	for (const path of PAGES) {
		it(`${path} has one h1, the main navigation, no axe violations and no outside requests`, async () => {
			const tracked = await open();
			try {
				const response = await tracked.page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
				expect(response?.status()).toBe(200);
				await expect(tracked.page.locator('h1').count()).resolves.toBe(1);
				await expect(tracked.page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
				const csp = await tracked.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
				expect(csp).toContain("connect-src 'self'");
				expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline' [^;]*script/);
				expect(await axeViolations(tracked.page)).toEqual([]);
				if (dataset === 'demo') await expect(tracked.page.getByRole('note', { name: 'Demonstration data' }).isVisible()).resolves.toBe(true);
				else await expect(tracked.page.getByRole('note', { name: 'Demonstration data' }).count()).resolves.toBe(0);
				expect(tracked.outside).toEqual([]);
				expect(tracked.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
			} finally {
				await tracked.close();
			}
		});
	}
});

describe('/about/data', () => {
	it('lists every source with checksums and shows the national totals per month', async () => {
		const tracked = await open();
		const { page } = tracked;
		try {
			await page.goto(`${siteUrl}/about/data`);
			const manifest = await (await page.request.get(`${siteUrl}/data/manifest.json`)).json();
			const sourceRows = page.locator('table.sources tbody tr th.file');
			await expect(sourceRows.count()).resolves.toBe(manifest.sources.length);
			for (const source of manifest.sources.slice(0, 3)) await expect(page.getByText(source.sha256).count()).resolves.toBe(1);
			for (const month of manifest.rtt) {
				const shown = await page.getByTestId(`incomplete-${month.period}`).textContent();
				expect(shown?.replace(/,/g, '')).toBe(String(month.incompletePathways));
			}
			if (dataset === 'real') {
				await expect(page.getByTestId('incomplete-2026-01').textContent()).resolves.toBe('7,187,677');
				await expect(page.getByTestId('incomplete-2026-04').textContent()).resolves.toBe('7,123,980');
				await expect(page.getByText('Contains OS data © Crown copyright and database right 2014', { exact: false }).count()).resolves.toBeGreaterThan(0);
			}
			await expect(page.getByText('Open Government Licence v3.0', { exact: false }).first().isVisible()).resolves.toBe(true);
		} finally {
			await tracked.close();
		}
	});

	it('counts the rows of every table in the browser with DuckDB-WASM, matching the build', async () => {
		const tracked = await open();
		const { page } = tracked;
		try {
			await page.goto(`${siteUrl}/about/data`, { waitUntil: 'networkidle' });
			const manifest = await (await page.request.get(`${siteUrl}/data/manifest.json`)).json();
			await page.getByRole('button', { name: 'Count rows in your browser' }).click();
			for (const table of manifest.tables) {
				const cell = page.getByTestId(`count-${table.name}`);
				await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toMatch(/✓|differs|Failed/);
				expect(await cell.textContent()).toBe(`${table.rows.toLocaleString('en-GB')} ✓`);
			}
			expect(tracked.outside).toEqual([]);
			expect(tracked.consoleErrors).toEqual([]);
		} finally {
			await tracked.close();
		}
	}, 180_000);
});
