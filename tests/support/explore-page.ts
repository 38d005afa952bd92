/**
 * The explorer page (/explore) as the end-to-end tests drive it: open it, type
 * and run SQL, wait for the row count, read the manifest it was built from.
 */
import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/schema/site-data.ts';

export async function gotoExplore(page: Page, hash = '') {
	await page.goto(`${inject('siteUrl')}/explore${hash}`);
	await page.waitForSelector('form.console[data-ready]');
}

export const editor = (page: Page) => page.getByLabel('SQL query', { exact: true });
export const rowCount = (page: Page) => page.getByTestId('row-count');

export async function runSql(page: Page, sql: string) {
	await editor(page).fill(sql);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
}

export async function manifestOf(page: Page): Promise<Manifest> {
	return (await (await page.request.get(`${inject('siteUrl')}/data/manifest.json`)).json()) as Manifest;
}

export async function waitForRows(page: Page, text: string | RegExp, timeout = 60_000) {
	await expect.poll(() => rowCount(page).textContent().catch(() => null), { timeout }).toMatch(text);
}
