/**
 * The league's trend view as a person uses it (tests/e2e/trends.e2e.ts for RTT measures,
 * ae-trends.e2e.ts for A&E): open it from the first provider's name in the table, and after the
 * checks, reload its URL and close it.
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
