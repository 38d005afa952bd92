/**
 * Trend views as a person uses them (tests/e2e/trends.e2e.ts for RTT, ae-trends.e2e.ts for A&E):
 * a trend's table twin read row by row; and the league's trend view opened from the first
 * provider's name in the table, then, after the checks, reloaded from its URL and closed.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const VIEW = 'league-provider-trend';

/** Opens the first provider's trend on a league page already loaded; returns its code and the name the table gave. */
export async function openFirstTrend(page: Page): Promise<{ code: string; name: string }> {
	await page.waitForSelector('[data-testid=league-table] tbody tr', { timeout: 60_000 });
	const first = page.locator('[data-testid=league-table] tbody tr').first();
	const name = (await first.locator('th').textContent())!;
	await first.locator('a.trend-link').click();
	const view = page.getByTestId(VIEW);
	await view.waitFor();
	const code = (await view.getAttribute('data-code'))!;
	expect(name).toContain(code);
	expect(new URL(page.url()).searchParams.get('provider')).toBe(code);
	// Focus moves to the trend, for keyboard and screen-reader users.
	await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('provider-trend-heading');
	return { code, name };
}

/** Reloading the URL opens the same trend; closing it takes it out of the URL. */
export async function reloadAndCloseTrend(page: Page): Promise<void> {
	const view = page.getByTestId(VIEW);
	await page.reload();
	await view.waitFor();
	await view.getByRole('link', { name: /Close the trend/ }).click();
	await page.waitForFunction(() => !new URL(location.href).searchParams.has('provider'));
	await expect(view.count()).resolves.toBe(0);
}

/** The first two cells (month, figure) of each row of the table twin under `scope`, newest first; open its <details> first. */
export async function twinRows(page: Page, scope: string): Promise<string[][]> {
	const rows = page.locator(`${scope} table tbody tr`);
	const found: string[][] = [];
	for (let i = 0; i < (await rows.count()); i++) found.push((await rows.nth(i).locator('th, td').allTextContents()).slice(0, 2).map((t) => t.replace(/\s+/g, ' ').trim()));
	return found;
}
