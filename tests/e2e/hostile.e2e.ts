/**
 * Hostile names in the published files stay text on every page. Runs only on
 * the "hostile" site (scripts/sample/hostile.ts: the demonstration data with
 * markup and spreadsheet formulas as provider and hospital names), which
 * scripts/test-all.ts builds as its third, small variant. On each page: the
 * names appear literally, no element or event handler came from the data,
 * window.__pwned (which every payload would set) stays undefined, no dialog
 * opens, and CSV downloads keep the formula-safe quote.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/e2e-browser.ts';
import type { TrackedPage } from '../support/browser.ts';
import { HOSTILE_PROVIDER_NAMES, HOSTILE_SITE_NAMES } from '../../scripts/sample/hostile.ts';
import type { CouncilsFile } from '../../src/lib/schema/council.ts';

/** A card in the whole list: the first cards are drawn first and the list is busy until the rest follow. */
const ALL_CARDS = 'ol.results:not([aria-busy]) article.result';

const siteUrl = inject('siteUrl');
const { open } = useBrowser();

const CODES = Object.keys(HOSTILE_PROVIDER_NAMES);
const FORMULA_START = /^[=+\-@\t\r]/;

interface Names {
	/** Provider code → name as the site publishes it (the build re-cases names published in capitals). */
	providers: Map<string, string>;
	/** Provider code → its hospitals' names. */
	sites: Map<string, string[]>;
}

async function publishedNames(): Promise<Names> {
	const file = await (await fetch(`${siteUrl}/data/patient/providers.json`)).json();
	const list: { code: string; name: string; sites?: { name: string }[] }[] = Array.isArray(file) ? file : (file.providers ?? file.rows);
	const mine = list.filter((p) => CODES.includes(p.code));
	return { providers: new Map(mine.map((p) => [p.code, p.name])), sites: new Map(mine.map((p) => [p.code, (p.sites ?? []).map((s) => s.name)])) };
}

/** Opens a page that also records any dialog (alert, confirm) a payload might open. */
async function openWatched(): Promise<TrackedPage & { dialogs: string[] }> {
	const tracked = await open();
	const dialogs: string[] = [];
	tracked.page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		dialog.dismiss().catch(() => {});
	});
	return { ...tracked, dialogs };
}

/** Nothing from the data became markup, and no payload ran. */
async function expectInert(page: Page, dialogs: string[], where: string) {
	await page.waitForTimeout(300); // an onerror fires after the failed load of src=x
	const found = await page.evaluate(() => ({
		pwned: (window as unknown as { __pwned?: unknown }).__pwned,
		elements: [...document.querySelectorAll('img, iframe, object, embed, frame')].map((el) => el.outerHTML.slice(0, 80)),
		handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
		// A page's data (server loads) travels in SvelteKit's own start script as JavaScript strings, where
		// every < is written \u003C: a payload there is text. Any other script holding one, or that script
		// holding a payload's markup unescaped, is a failure.
		scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned') && !(s.textContent.includes('__sveltekit_') && !/<\s*(img|script|svg|iframe)\b/i.test(s.textContent))).length,
		javascriptUrls: [...document.querySelectorAll('[src], [href]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')).length
	}));
	expect(found, where).toEqual({ pwned: undefined, elements: [], handlers: [], scripts: 0, javascriptUrls: 0 });
	expect(dialogs, where).toEqual([]);
}

/** The text of `selector` holds each name exactly as published (so as text, not as markup). */
async function expectNamesShown(page: Page, selector: string, names: string[]) {
	const text = (await page.locator(selector).first().textContent()) ?? '';
	for (const name of names) expect(text, `${selector} shows ${name}`).toContain(name);
}

/** A downloaded CSV, parsed: formula-like names must come back with the leading quote. */
async function downloadCsv(page: Page, button: string): Promise<string[][]> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	const text = await readFile((await download.path())!, 'utf8');
	return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

function expectFormulaSafe(rows: string[][], names: Map<string, string>, where: string) {
	const cells = rows.flat();
	for (const cell of cells) expect(FORMULA_START.test(cell) && !/^-?\d/.test(cell), `${where}: ${cell}`).toBe(false);
	for (const name of names.values()) {
		if (FORMULA_START.test(name) && cells.some((c) => c.includes(name.slice(1)))) expect(cells, where).toContain(`'${name}`);
	}
}

describe('hostile names in the data stay text', () => {
	it('the fixture really is hostile: the published names still hold the markup and formulas', async () => {
		const { providers, sites } = await publishedNames();
		expect([...providers.keys()].sort()).toEqual([...CODES].sort());
		// HTML ignores the case of tags and attributes, so the re-cased names are as dangerous as the originals.
		const all = [...providers.values(), ...[...sites.values()].flat()].join('\n').toLowerCase();
		for (const payload of ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '<svg onload="window.__pwned=1">', '<iframe src="javascript:window.__pwned=1">']) expect(all).toContain(payload);
		expect([...providers.values()].filter((n) => FORMULA_START.test(n)).length).toBeGreaterThanOrEqual(2);
		expect(Object.keys(HOSTILE_SITE_NAMES).every((code) => sites.get(code)?.includes(HOSTILE_SITE_NAMES[code]))).toBe(true);
	});

	it('/ : the search results list and the chart download', async () => {
		const { providers } = await publishedNames();
		const { page, dialogs, outside } = await openWatched();
		await page.goto(`${siteUrl}/?postcode=LS1+4AP&treatment=C_999&miles=25`);
		await page.waitForSelector(ALL_CARDS);
		for (const [code, name] of providers) {
			const heading = page.locator(`article.result[data-code="${code}"] h3`);
			expect(await heading.count(), code).toBe(1);
			expect(await heading.textContent()).toContain(name);
		}
		await expectInert(page, dialogs, '/');
		expectFormulaSafe(await downloadCsv(page, 'Download the data behind this chart (CSV)'), providers, '/ chart data');
		expect(outside).toEqual([]);
	});

	it('/provider/[code]: the name and the hospitals', async () => {
		const { providers, sites } = await publishedNames();
		const { page, dialogs } = await openWatched();
		for (const code of CODES) {
			await page.goto(`${siteUrl}/provider/${code}`);
			expect((await page.locator('h1').textContent())?.trim()).toBe(providers.get(code));
			await expectNamesShown(page, 'main', sites.get(code) ?? []);
			await expectInert(page, dialogs, `/provider/${code}`);
		}
	});

	it('/compare: four hostile providers side by side', async () => {
		const { providers } = await publishedNames();
		const { page, dialogs } = await openWatched();
		await page.goto(`${siteUrl}/compare?providers=${CODES.join(',')}&treatment=C_999&postcode=LS1+4AP`);
		await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('(Demo)'));
		await expectNamesShown(page, 'main', [...providers.values()]);
		await expectInert(page, dialogs, '/compare');
	});

	it('/league and /embed/league: the table, the plot and the CSV download', async () => {
		const { providers } = await publishedNames();
		const { page, dialogs } = await openWatched();
		const trusts = [...providers].filter(([code]) => code.length === 3).map(([, name]) => name);
		for (const path of ['/league?measure=rtt18&treatment=C_999', '/embed/league?measure=rtt18&treatment=C_999']) {
			await page.goto(`${siteUrl}${path}`);
			await page.waitForSelector('[data-testid=league-table] tbody tr', { timeout: 60_000 });
			await expectNamesShown(page, '[data-testid=league-table] tbody', trusts);
			await expectInert(page, dialogs, path);
		}
		await page.goto(`${siteUrl}/league?measure=rtt18&treatment=C_999`);
		await page.waitForSelector('[data-testid=league-table] tbody tr', { timeout: 60_000 });
		const rows = await downloadCsv(page, 'Download table (CSV)');
		expect(rows.flat()).toContain(`'${providers.get('ZA3')}`);
		expectFormulaSafe(rows, providers, '/league CSV');
	});

	it('/league with a council measure: council names stay text in the plot, the table and the CSV', async (context) => {
		// Council names come from whatever council files this build has; there is nothing to test without them.
		const councilsResponse = await fetch(`${siteUrl}/data/council/councils.json`);
		if (!councilsResponse.ok) return context.skip('this hostile build has no council data (no data/council/councils.json)');
		const councils = (await councilsResponse.json()) as CouncilsFile;
		const names = new Map(councils.councils.map((c) => [c.code, c.name]));
		const { page, dialogs, outside } = await openWatched();
		for (const m of councils.measures.filter((x) => x.comparison !== 'none')) {
			const path = `/league?measure=council:${m.id}`;
			await page.goto(`${siteUrl}${path}`);
			const table = m.comparison === 'binomial' ? '[data-testid=league-table]' : '[data-testid=peer-table]';
			await page.waitForSelector(`${table} tbody tr`, { timeout: 60_000 });
			const codes = await page.locator(`${table} tbody th .hint`).allTextContents();
			await expectNamesShown(page, `${table} tbody`, codes.map((c) => names.get(c.trim()) ?? c.trim()));
			await expectInert(page, dialogs, path);
			expectFormulaSafe(await downloadCsv(page, 'Download table (CSV)'), names, `${path} CSV`);
		}
		expect(outside).toEqual([]);
	});

	it('/explore: the providers table in SQL results and its CSV download', async () => {
		const { providers } = await publishedNames();
		const { page, dialogs, outside } = await openWatched();
		await page.goto(`${siteUrl}/explore`);
		await page.waitForSelector('form.console[data-ready]');
		await page.getByLabel('SQL query', { exact: true }).fill(`SELECT code, name FROM providers WHERE code IN (${CODES.map((c) => `'${c}'`).join(', ')}) ORDER BY code`);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => page.getByTestId('row-count').textContent().catch(() => null), { timeout: 60_000 }).toBe(`${CODES.length} rows`);
		const shown = await page.$$eval('[data-testid=results] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
		expect(shown).toEqual([...CODES].sort().map((code) => [code, providers.get(code)]));
		await expectInert(page, dialogs, '/explore');
		const rows = await downloadCsv(page, 'Download CSV');
		expect(rows.slice(1)).toEqual([...CODES].sort().map((code) => [code, FORMULA_START.test(providers.get(code)!) ? `'${providers.get(code)}` : providers.get(code)]));
		expect(outside).toEqual([]);
	});
});
