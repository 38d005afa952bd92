/**
 * Trends over every month built (issue #13): each result card and the provider page show the
 * middle wait month by month (a chart with its table twin), the league opens one provider's
 * trend from the table with the choice in the URL, and the first-answer file keeps only the
 * months it compares. The figures in the tables are the build's own (trend-<treatment>-<part>.json,
 * waits-<treatment>.json, league/rtt-<month>.json); on the real data January and April 2026 are
 * pinned for RR8. A page fetches only the trend parts holding the providers it shows, and a league
 * of an older month only that month's file and its comparison month's.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import { openFirstTrend, reloadAndCloseTrend, twinRows } from '../support/trend-views.ts';
import { firstAnswerPeriods, rttMonthPath, trendMonths, trendPartPath, type RttLeagueMonthFile, type SiteSummary, type TreatmentTrendFile, type TreatmentWaitsFile, type TrendPartFile } from '../../src/lib/schema/site-data.ts';
import { joinTrendParts } from '../../src/lib/data/trend-parts.ts';
import { medianWords } from '../../src/lib/charts/wait-trend.ts';
import { monthName } from '../../src/lib/format/sentences.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const real = dataset === 'real';
const EYES = 'C_130';
const SLOW = 240_000;

const { open } = useBrowser();
const getJson = async <T>(path: string): Promise<T> => (await fetch(`${siteUrl}/data/${path}`)).json() as Promise<T>;
const trendPaths = (fetched: string[]) => fetched.filter((p) => /\/patient\/trend-/.test(p)).map((p) => p.replace(/^.*\/data\//, '')).sort();

/** Every part of a treatment's trend, as the build wrote them, and joined into one. */
async function trendOf(treatment: string): Promise<{ waits: TreatmentWaitsFile; parts: TrendPartFile[]; trend: TreatmentTrendFile }> {
	const waits = await getJson<TreatmentWaitsFile>(`patient/waits-${treatment}.json`);
	const parts = await Promise.all(Array.from({ length: waits.trendParts }, (_, i) => getJson<TrendPartFile>(trendPartPath(treatment, i))));
	return { waits, parts, trend: joinTrendParts(parts)! };
}

/** The part files holding these providers, as the waits file names them. */
const partPathsOf = (treatment: string, waits: TreatmentWaitsFile, codes: string[]) =>
	[...new Set(codes.map((code) => waits.rows.find((r) => r.provider === code)!.trendPart))].map((part) => trendPartPath(treatment, part)).sort();

const texts = async (page: Page, selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

/** What the twin should say for a provider, from the trend file: [month, middle wait], newest first. */
function expectedRows(trend: TreatmentTrendFile, code: string): string[][] {
	const row = trend.rows.find((r) => r.provider === code)!;
	return trendMonths(trend.periods, row).reverse().map((m) => [monthName(m.period), medianWords(m)]);
}

describe(`trends over every month (${dataset} data)`, () => {
	it('the first-answer file keeps only the months it compares; every part of the trend has every month', async () => {
		const site = await getJson<SiteSummary>('site.json');
		const { waits, parts, trend } = await trendOf(EYES);
		expect(waits.periods).toEqual(firstAnswerPeriods(site.periods));
		for (const row of waits.rows) for (const m of row.months) expect(waits.periods).toContain(m.period);
		expect(parts.map((p) => [p.treatment, p.part, p.parts])).toEqual(parts.map((_, i) => [EYES, i, parts.length]));
		for (const part of parts) expect(part.periods).toEqual(site.periods);
		// Each provider's series is in exactly one part, the one its waits row names.
		expect(new Set(trend.rows.map((r) => r.provider)).size).toBe(trend.rows.length);
		for (const row of waits.rows) expect(parts[row.trendPart].rows.some((r) => r.provider === row.provider)).toBe(true);
		if (real) expect(site.periods).toEqual(['2026-01', '2026-04']);
	});

	it('each result card shows a chart of the middle wait with its table twin, fetched after the list; axe clean at 320 px', async () => {
		const { page, outside, consoleErrors } = await open({ width: 320, height: 700 });
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto(`${siteUrl}/?postcode=${encodeURIComponent('LS1 4AP')}&treatment=${EYES}&miles=25`);
		await page.waitForSelector('article.result [data-testid=wait-trend]');
		const trendAt = fetched.findIndex((p) => p.includes(`/patient/trend-${EYES}-`));
		expect(trendAt).toBeGreaterThan(fetched.findIndex((p) => p.endsWith(`/patient/waits-${EYES}.json`)));
		const { waits, parts, trend } = await trendOf(EYES);
		// Only the parts holding the hospitals listed: every card's, no other.
		const shown = await page.locator('ol.results:not([aria-busy]) article.result').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')!));
		expect(trendPaths(fetched)).toEqual(partPathsOf(EYES, waits, shown));
		if (parts.length > 1) expect(trendPaths(fetched).length).toBeLessThan(parts.length);
		const card = page.locator('article.result').first();
		const code = (await card.getAttribute('data-code'))!;
		await expect(card.locator('[data-testid=wait-trend] svg[role=img] desc').textContent()).resolves.toMatch(/^Middle wait/);
		const words = (await card.locator('.trend-words').textContent())!;
		expect(words).toMatch(/beyond what chance would explain|about the same as in|cannot say|only one month/);
		// The twin opens from the keyboard.
		await card.locator('[data-testid=wait-trend] summary').focus();
		await page.keyboard.press('Enter');
		expect(await twinRows(page, `article.result[data-code="${code}"] [data-testid=wait-trend]`)).toEqual(expectedRows(trend, code));
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('the provider page shows the all-treatments trend with its table twin, with no data file fetched', async () => {
		const { page, outside } = await open();
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		const { waits, trend } = await trendOf('C_999');
		const code = real ? 'RR8' : waits.rows.find((r) => r.months.length === waits.periods.length)!.provider;
		await page.goto(`${siteUrl}/provider/${code}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('[data-testid=wait-trend]');
		// The page carries its provider's slice: starting it in the browser fetches no waits, trend or A&E file (4.4 MB on the real data).
		expect(fetched.filter((p) => /\/data\/(patient|league)\//.test(p))).toEqual([]);
		await page.locator('[data-testid=wait-trend] summary').click();
		const rows = await twinRows(page, '[data-testid=wait-trend]');
		expect(rows).toEqual(expectedRows(trend, code));
		expect(rows).toHaveLength(trend.periods.length);
		// The same months in the waits file carry the same medians.
		const full = waits.rows.find((r) => r.provider === code)!.months;
		for (const m of full) expect(rows).toContainEqual([monthName(m.period), medianWords(m)]);
		if (real) expect(rows.map((r) => r[0])).toEqual(['April 2026', 'January 2026']);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});

	it('the league opens a provider’s trend from the table, keeps it in the URL, and closes it', async () => {
		const { page, outside, consoleErrors } = await open();
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto(`${siteUrl}/league?measure=rtt18&treatment=C_999`);
		const { code } = await openFirstTrend(page);
		const view = page.getByTestId('league-provider-trend');
		const { waits, trend } = await trendOf('C_999');
		// The trend came from the one part holding this provider.
		expect(trendPaths(fetched)).toEqual(partPathsOf('C_999', waits, [code]));
		await view.locator('summary').click();
		const months = await texts(page, '[data-testid=league-provider-trend] tbody th');
		expect(months).toEqual([...trend.periods].reverse().map(monthName));
		// The latest month's figure is the table's own.
		const row = trend.rows.find((r) => r.provider === code)!;
		const i = trend.periods.length - 1;
		const cell = (await texts(page, '[data-testid=league-provider-trend] tbody td'))[0];
		expect(cell).toBe(`${((100 * row.within18[i]!) / row.pathways[i]!).toFixed(1)}% (${row.within18[i]!.toLocaleString('en-GB')} of ${row.pathways[i]!.toLocaleString('en-GB')})`);
		expect(await axeViolations(page)).toEqual([]);
		await reloadAndCloseTrend(page);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it("a league month older than the waits file keeps is worked from that month's league file, not the trend", async () => {
		const site = await getJson<SiteSummary>('site.json');
		const waits = await getJson<TreatmentWaitsFile>('patient/waits-C_999.json');
		// The second oldest such month, so the month it is compared with is not in the waits file either.
		const notKept = site.periods.filter((p) => !waits.periods.includes(p));
		const older = notKept[1] ?? notKept[0];
		if (!older) return; // every month built is in the waits file (two or three months)
		const before = site.periods[site.periods.indexOf(older) - 1];
		const { page, outside } = await open();
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto(`${siteUrl}/league?measure=rtt18&treatment=C_999&period=${older}`);
		await page.waitForSelector('[data-testid=league-table] tbody tr', { timeout: 60_000 });
		await expect(page.locator('h2').first().textContent()).resolves.toContain(monthName(older));
		// The month and the one it is compared with, each once, whatever the months built; no trend part.
		const monthFiles = fetched.filter((p) => p.includes('/data/league/rtt-')).map((p) => p.replace(/^.*\/data\//, '')).sort();
		expect(monthFiles).toEqual([rttMonthPath(older), ...(before && !waits.periods.includes(before) ? [rttMonthPath(before)] : [])].sort());
		expect(trendPaths(fetched)).toEqual([]);
		// Its table counts that month's people waiting, provider by provider.
		const file = await getJson<RttLeagueMonthFile>(rttMonthPath(older));
		const all = file.treatments.find((t) => t.treatment === 'C_999')!;
		const eligible = all.providers.flatMap((_, j) => (!all.tooFew[j] && all.pathways[j] > 0 && all.pctWithin18[j] !== null ? [all.pathways[j]] : []));
		const sizes = (await page.locator('[data-testid=league-table] tbody td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
		expect(sizes.sort((a, b) => a - b)).toEqual(eligible.sort((a, b) => a - b));
		expect(outside).toEqual([]);
	}, SLOW);
});
