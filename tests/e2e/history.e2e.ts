/**
 * History at scale (issue #13), on 60 generated months (scripts/test-all.ts
 * builds this site with `generate.ts --months 60`; explore.e2e.ts, explore-files.e2e.ts and
 * trends.e2e.ts run here too): the site holds every month; the explorer's
 * first example fetches the latest month only; England's median by month
 * agrees with the build's own national figures; and a GROUP BY month over
 * every month's summary answers with one row per month, fetching each month's
 * summary once and no month's detail.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { monthFileRequests, useBrowser } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const MONTHS = 60;
const SLOW = 240_000;

const { open } = useBrowser();

async function manifestOf(page: Page): Promise<Manifest> {
	return (await (await page.request.get(`${siteUrl}/data/manifest.json`)).json()) as Manifest;
}

async function gotoExplore(page: Page) {
	await page.goto(`${siteUrl}/explore`);
	await page.waitForSelector('form.console[data-ready]');
}

async function run(page: Page, rows: number) {
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect.poll(() => page.getByTestId('row-count').textContent().catch(() => null), { timeout: SLOW }).toMatch(`${rows} row${rows === 1 ? '' : 's'}`);
}

const bytesFetched = async (page: Page) => Number(await page.getByTestId('status').getAttribute('data-bytes-fetched'));

/** The rows the results grid draws (the rows in view, from the top), as objects by column header. */
async function rowsInView(page: Page): Promise<Record<string, string>[]> {
	const headers = await page.$$eval('[data-testid=results] thead th button', (b) => b.map((x) => x.firstChild?.textContent?.trim() ?? ''));
	const cells = await page.$$eval('[data-testid=results] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
	return cells.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

/** Runs `sql` twenty months at a time (LIMIT/OFFSET), so every row is in view; returns every month's row. */
async function everyMonth(page: Page, sql: string, periods: readonly string[]): Promise<Record<string, string>[]> {
	const rows: Record<string, string>[] = [];
	for (let offset = 0; offset < periods.length; offset += PAGE) {
		const expected = periods.slice(offset, offset + PAGE);
		await page.getByLabel('SQL query', { exact: true }).fill(`${sql}\nLIMIT ${PAGE} OFFSET ${offset}`);
		await run(page, expected.length);
		// The row count can read the same after two runs: wait for this run's months.
		await expect.poll(async () => (await rowsInView(page)).map((r) => r.month).filter(Boolean), { timeout: SLOW }).toEqual(expected);
		rows.push(...(await rowsInView(page)).filter((r) => r.month));
	}
	return rows;
}
const PAGE = 20;

describe('history: 60 generated months', () => {
	it('the site holds 60 consecutive months, each with its own summary and detail file', async () => {
		const { page } = await open();
		const manifest = await manifestOf(page);
		expect(manifest.periods).toHaveLength(MONTHS);
		expect(manifest.periods.at(-1)).toBe('2026-04');
		expect(manifest.periods[0]).toBe('2021-05');
		const union = manifest.tables.find((t) => t.name === 'rtt_summary')!;
		expect(union.format).toBe('union');
		expect(union.parts).toHaveLength(MONTHS);
		expect(manifest.tables.filter((t) => /^rtt_detail_\d{4}_\d{2}$/.test(t.name) && t.lazy)).toHaveLength(MONTHS);
	});

	it('the first example query fetches the latest month only', async () => {
		const { page, outside } = await open();
		const months = monthFileRequests(page);
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		const first = page.locator('button[data-example]').first();
		await first.click();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => page.getByTestId('status').getAttribute('data-bytes-fetched'), { timeout: SLOW }).not.toBeNull();
		const latest = manifest.latestPeriod!;
		expect(months.length).toBeGreaterThan(0);
		for (const path of months) expect(path).toContain(`/data/months/${latest}/`);
		const union = manifest.tables.find((t) => t.name === 'rtt_summary')!;
		// One month of 60: a small part of what every month's summary would cost.
		expect(await bytesFetched(page)).toBeLessThan(union.bytes / 20);
		expect(outside).toEqual([]);
	}, SLOW);

	it("England's median wait by month: 60 rows, each the build's own national figure", async () => {
		const { page } = await open();
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		await page.locator('button[data-example="england-median"]').click();
		const example = await page.getByLabel('SQL query', { exact: true }).inputValue();
		expect(example).toMatch(/ORDER BY month$/);
		const rows = await everyMonth(page, example, manifest.periods);
		expect(rows.map((r) => r.month)).toEqual(manifest.periods);
		for (const figures of manifest.rtt) {
			const row = rows.find((r) => r.month === figures.period)!;
			expect(Number(row.median_weeks.replace(/,/g, ''))).toBeCloseTo(figures.englandMedianWeeks!, 3);
		}
	}, SLOW);

	it('a GROUP BY month over every month fetches each summary once and no detail', async () => {
		const { page, outside, consoleErrors } = await open();
		const months = monthFileRequests(page);
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		const rows = await everyMonth(
			page,
			`SELECT period AS month, median(median_weeks) AS median_of_providers, count(*) AS providers
FROM rtt_summary
WHERE part = 'Part_2' AND treatment_code = 'C_999' AND provider_code <> 'ENG'
GROUP BY month
ORDER BY month`,
			manifest.periods
		);
		expect(rows.map((r) => r.month)).toEqual(manifest.periods);
		// The later runs fetched nothing: every month was loaded by the first.
		expect(await bytesFetched(page)).toBe(0);
		expect(months).toHaveLength(MONTHS);
		expect(new Set(months).size).toBe(MONTHS);
		for (const path of months) expect(path).toMatch(/\/rtt_summary\.duckdb\.gz$/);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);
});
