/**
 * Fair league tables end to end in Debian's Chromium against the built site:
 * the funnel plot with one point per eligible provider and its banded table
 * twin, the month choice for A&E and RTT, the change column, areas by name,
 * the embed snippet and /embed/league, a league from an uploaded CSV,
 * accessibility, and no request leaving 127.0.0.1.
 */
import { describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import { monthWords } from '../../src/lib/league/words.ts';
import { periodMonthsBefore } from '../../src/lib/stats/change.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const FIXTURE = resolve('tests/fixtures/league/councils.csv');
/** axe takes about 30 s on the real data's 500-row table and 500 focusable points. */
const SLOW = 240_000;
const BANDS = /^(Better than expected \((95|99\.8)% limit\)|Within expected range|Worse than expected \((95|99\.8)% limit\))$/;

const TRENDS = /^(Better|Worse|No clear change|No earlier figure)( \(was \d+\.\d%\))?$/;

const { open } = useBrowser();

type SiteJson = { latestPeriod: string; periods: string[]; aePeriods: string[] };
type AeMonth = { period: string; rows: { code: string; attendances: number; within4h: number; type1Attendances: number }[] };
const getJson = async <T>(path: string): Promise<T> => (await fetch(`${siteUrl}/data/${path}`)).json() as Promise<T>;
const cellTexts = async (page: Page, selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

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

	it('adjusted limits by default when the providers vary more than chance, said in words; plain limits on request; few labels', async () => {
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=rtt18&treatment=C_999`);
		await waitForLeague(page);
		const words = (await page.getByTestId('limits-words').textContent())!;
		// Real RTT figures vary far more than chance (φ in the hundreds).
		if (dataset === 'real') expect(words).toMatch(/vary more than chance/);
		const flaggedCount = async () => (await page.locator('[data-testid=funnel-plot] [role=listitem]:not([data-band=within])').count());
		const labels = async () => (await page.locator('[data-testid=funnel-plot] .labels text').allTextContents());
		if (/vary more than chance alone/.test(words)) {
			expect(words).toMatch(/^The providers vary more than chance alone would explain \(φ = [\d.]+, from \d+ providers\), so the limits are widened as Spiegelhalter \(2005\) recommends: an additive random effect/);
			await expect(page.getByLabel('Widened by a random effect (τ²)').isChecked()).resolves.toBe(true);
			const adjusted = await flaggedCount();
			await page.getByLabel('Plain limits (chance alone)').check();
			await page.waitForURL(/limits=exact/);
			await page.waitForFunction(() => document.querySelector('[data-testid=limits-words]')?.textContent?.startsWith('Plain exact binomial limits'));
			expect(await flaggedCount()).toBeGreaterThanOrEqual(adjusted);
		} else {
			expect(words).toMatch(/^Plain exact binomial limits at 95% and 99\.8%/);
		}
		// Only flagged providers get a label (a few, by code), however many are flagged; the table names them all.
		const codes = await page.locator('[data-testid=funnel-plot] [role=listitem]:not([data-band=within])').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		const shown = await labels();
		expect(shown.length).toBeLessThanOrEqual(12);
		for (const label of shown) expect(codes).toContain(label);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

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

	it('A&E: any month built, in the URL, with a change column against the same month a year earlier', async () => {
		const site = await getJson<SiteJson>('site.json');
		expect(site.aePeriods.length).toBeGreaterThan(12);
		// The newest month whose year-earlier month is built too (real data: February 2026; demonstration: April 2026).
		const month = [...site.aePeriods].reverse().find((p) => site.aePeriods.includes(periodMonthsBefore(p, 12)))!;
		const yearBefore = periodMonthsBefore(month, 12);
		const [now, before] = await Promise.all([getJson<AeMonth>(`league/ae-${month}.json`), getJson<AeMonth>(`league/ae-${yearBefore}.json`)]);
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=ae4h&period=${month}`);
		await waitForLeague(page);
		await expect(page.locator('h2').first().textContent()).resolves.toContain(`A&E seen within 4 hours, England, ${monthWords(month)}`);
		await expect(page.getByLabel('Month').inputValue()).resolves.toBe(month);
		// Every provider with a Type 1 department in the month's return is a point and a row.
		const eligible = now.rows.filter((r) => r.attendances > 0 && r.type1Attendances > 0);
		await expect(page.locator('[data-testid=funnel-plot] [role=listitem]').count()).resolves.toBe(eligible.length);
		await expect(page.locator('[data-testid=league-table] thead th').last().textContent()).resolves.toMatch(new RegExp(`^Change since ${monthWords(yearBefore)}`));
		const trends = await cellTexts(page, '[data-testid=league-table] tbody td.trend');
		expect(trends).toHaveLength(eligible.length);
		for (const t of trends) expect(t).toMatch(TRENDS);
		// "No earlier figure" exactly for the providers missing from the year-earlier file.
		const earlier = new Set(before.rows.filter((r) => r.attendances > 0).map((r) => r.code));
		expect(trends.filter((t) => t === 'No earlier figure')).toHaveLength(eligible.filter((r) => !earlier.has(r.code)).length);
		expect(trends.some((t) => /^(Better|Worse)/.test(t))).toBe(true);
		// Sortable: improvements first.
		await page.getByRole('button', { name: /^Change since/ }).click();
		const sorted = await cellTexts(page, '[data-testid=league-table] tbody td.trend');
		const order = ['Better', 'No clear change', 'Worse', 'No earlier figure'];
		const ranks = sorted.map((t) => order.findIndex((o) => t.startsWith(o)));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		// In the CSV download, naming the earlier month.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download table (CSV)' }).click()]);
		const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
		expect(csv.split('\r\n')[0]).toContain(`change since ${monthWords(yearBefore)}`);
		expect(await axeViolations(page)).toEqual([]);
		// Choosing another month with the form puts it in the URL.
		const other = site.aePeriods[0];
		await page.getByLabel('Month').selectOption(other);
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await page.waitForURL(new RegExp(`measure=ae4h&period=${other}`));
		await page.waitForFunction((words) => document.querySelector('h2')?.textContent?.includes(words), monthWords(other));
		// The first month built has nothing before it.
		for (const t of await cellTexts(page, '[data-testid=league-table] tbody td.trend')) expect(t).toBe('No earlier figure');
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it('RTT: each month built, compared with the month built before it, in the page and the embed', async () => {
		const site = await getJson<SiteJson>('site.json');
		const [first, latest] = [site.periods[0], site.latestPeriod];
		const previous = site.periods.at(-2)!;
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=over52&treatment=C_999&period=${first}`);
		await waitForLeague(page);
		await expect(page.locator('h2').first().textContent()).resolves.toMatch(new RegExp(`over 52 weeks: all treatments, England, ${monthWords(first)}$`));
		for (const t of await cellTexts(page, '[data-testid=league-table] tbody td.trend')) expect(t).toBe('No earlier figure');

		const query = `measure=over52&treatment=C_999&period=${latest}`;
		await page.goto(`${siteUrl}/league?${query}`);
		await waitForLeague(page);
		await expect(page.locator('[data-testid=league-table] thead th').last().textContent()).resolves.toMatch(new RegExp(`^Change since ${monthWords(previous)}`));
		const trends = await cellTexts(page, '[data-testid=league-table] tbody td.trend');
		for (const t of trends) expect(t).toMatch(TRENDS);
		expect(trends.some((t) => t !== 'No earlier figure')).toBe(true);
		await expect(page.getByTestId('embed-snippet').inputValue()).resolves.toContain(`/embed/league?${query.replaceAll('&', '&amp;')}"`);

		await page.goto(`${siteUrl}/embed/league?${query}`);
		await waitForLeague(page);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(monthWords(latest));
		await expect(cellTexts(page, '[data-testid=league-table] tbody td.trend')).resolves.toEqual(trends);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it('areas are named, and choosing one names it and shows only its providers', async () => {
		const providers = (await getJson<{ providers: { code: string; region: string | null; regionName: string | null }[] }>('patient/providers.json')).providers;
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/league`);
		await waitForLeague(page);
		const options = (await page.locator('#area option').allTextContents()).map((t) => t.trim());
		expect(options[0]).toBe('All England');
		const codes = [...new Set(providers.map((p) => p.region).filter(Boolean))];
		expect(options).toHaveLength(codes.length + 1);
		for (const option of options.slice(1)) expect(option).toMatch(/^NHS .+ Integrated Care Board( \(Demo\))? \([A-Z0-9]{3,5}\)$/);
		if (dataset === 'real') expect(options).toContain('NHS Greater Manchester Integrated Care Board (QOP)');
		const label = options[1];
		const code = /\(([A-Z0-9]+)\)$/.exec(label)![1];
		const name = label.slice(0, -(code.length + 3));
		await page.getByLabel('Area').selectOption(code);
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await page.waitForURL(new RegExp(`area=${code}`));
		await page.waitForFunction((n) => document.querySelector('h2')?.textContent?.includes(n), name);
		const inArea = new Set(providers.filter((p) => p.region === code).map((p) => p.code));
		const shown = await cellTexts(page, '[data-testid=league-table] tbody th');
		expect(shown.length).toBeGreaterThan(0);
		for (const row of shown) expect(inArea.has(row.split(' ').at(-1)!)).toBe(true);
		expect(outside).toEqual([]);
	});

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
