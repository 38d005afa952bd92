/**
 * A&E four-hour figures over every A&E month built (issue #13, "trends wherever a month is
 * shown"): the provider page shows the trend with its table twin and the change since the
 * same month a year before; the A&E league opens a provider's trend from the table, with the
 * provider in the URL. Every row is checked against the month files the league itself reads
 * (league/ae-<month>.json); on the real data, Leeds (RR8) in February 2026 is pinned to
 * NHS England's file (16,690 + 670 + 9,963 attendances, 6,740 + 254 over 4 hours).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import { openFirstTrend, reloadAndCloseTrend, twinRows } from '../support/trend-views.ts';
import { aeTrendPath, providersOf, type AeMonthFile, type AeTrendFile, type ProvidersFile, type SiteSummary } from '../../src/lib/schema/site-data.ts';
import { aeTrendSentence, aeTrendSeries } from '../../src/lib/league/provider-trend.ts';
import { monthName } from '../../src/lib/format/sentences.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const real = dataset === 'real';
const SLOW = 240_000;

const { open } = useBrowser();
const getJson = async <T>(path: string): Promise<T> => (await fetch(`${siteUrl}/data/${path}`)).json() as Promise<T>;
const words = (within: number, attendances: number) => `${((100 * within) / attendances).toFixed(1)}% (${within.toLocaleString('en-GB')} of ${attendances.toLocaleString('en-GB')})`;

/** What each month's row should say for `code`, newest first, from the league's month files: [month, figure]. */
async function expectedRows(code: string): Promise<string[][]> {
	const site = await getJson<SiteSummary>('site.json');
	const months = await Promise.all(site.aePeriods.map((period) => getJson<AeMonthFile>(`league/ae-${period}.json`)));
	return months.reverse().map(({ period, rows }) => {
		const row = rows.find((r) => r.code === code);
		return [monthName(period), row ? words(row.within4h, row.attendances) : 'no figure'];
	});
}

/** The rows of the table twin under `scope`, its <details> opened first. */
async function openedTwinRows(page: Page, scope: string): Promise<string[][]> {
	await page.locator(`${scope} summary`).click();
	return twinRows(page, scope);
}

describe(`A&E over every month (${dataset} data)`, () => {
	it('the provider page shows the four-hour figure of every A&E month, as the league files count it', async () => {
		const { page, outside, consoleErrors } = await open();
		const site = await getJson<SiteSummary>('site.json');
		// A provider with A&E figures in the latest month: on the real data Leeds.
		const code = real ? 'RR8' : providersOf(await getJson<ProvidersFile>('patient/providers.json')).find((p) => p.ae)!.code;
		const file = await getJson<AeTrendFile>(aeTrendPath(code));
		await page.goto(`${siteUrl}/provider/${code}`);
		const trend = page.getByTestId('ae-trend');
		await trend.waitFor();
		const rows = await openedTwinRows(page, '[data-testid=ae-trend]');
		expect(rows).toEqual(await expectedRows(code));
		expect(rows).toHaveLength(site.aePeriods.length);
		// The sentence compares the latest month with the same month a year before, by the site's rule.
		await expect(trend.locator('p').first().textContent()).resolves.toBe(aeTrendSentence(aeTrendSeries(file, site.aePeriods)));
		if (real) {
			expect(site.aePeriods.length).toBeGreaterThanOrEqual(59);
			expect(rows[0]).toEqual(['February 2026', '74.4% (20,329 of 27,323)']);
			await expect(trend.locator('p').first().textContent()).resolves.toContain('than in February 2025');
		}
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it('the A&E league opens a provider’s trend from the table, keeps it in the URL, and closes it', async () => {
		const { page, outside, consoleErrors } = await open();
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto(`${siteUrl}/league?measure=ae4h`);
		const { code } = await openFirstTrend(page);
		// One small file for the provider's every month, not one per month.
		expect(fetched.filter((p) => p.includes('/data/league/ae-trend/'))).toEqual([`${new URL(siteUrl).pathname.replace(/\/$/, '')}/data/${aeTrendPath(code)}`]);
		const rows = await openedTwinRows(page, '[data-testid=league-provider-trend]');
		expect(rows).toEqual(await expectedRows(code));
		expect(await axeViolations(page)).toEqual([]);
		await reloadAndCloseTrend(page);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);
});
