/**
 * Council pages end to end in Debian's Chromium against the built site: finding a council
 * by postcode and by name, a council's page (summary, every measure with England's figure,
 * standing and trend, the peer group in the URL, links to similar councils, Ofsted), an
 * abolished council, errors, axe, keyboard only, 320 px, and no request leaving 127.0.0.1.
 * Codes, names and postcodes are read from the built files (council/councils.json and
 * council/postcodes/*.json), so the same tests run on demonstration, hostile and real data.
 * On the hostile site every council name is markup or a formula, and must stay text.
 * Leeds's published figures are checked on the real-data site only.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import type { CouncilMeasureFile, CouncilPostcodeAreaFile, CouncilRecord, CouncilsFile } from '../../src/lib/schema/council.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const { open } = useBrowser();

const getJson = async <T>(path: string): Promise<T | null> => {
	const response = await fetch(`${siteUrl}/data/${path}`);
	return response.ok ? ((await response.json()) as T) : null;
};
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function councilsFile(): Promise<CouncilsFile> {
	const file = await getJson<CouncilsFile>('council/councils.json');
	if (!file) throw new Error(`The ${dataset} site has no council/councils.json: the council build writes it from the council files of the input folder.`);
	return file;
}

/** A current council with the most measures (the richest page). */
async function richCouncil(): Promise<CouncilRecord> {
	const { councils } = await councilsFile();
	return [...councils].filter((c) => c.replacedBy === null).sort((a, b) => b.measures.length - a.measures.length || a.code.localeCompare(b.code))[0];
}

/** The first postcode area file the site has among likely ones, and a sector with one current council and one with two. */
async function postcodeSectors(councils: CouncilsFile) {
	const current = new Set(councils.councils.filter((c) => c.replacedBy === null).map((c) => c.code));
	let single: { sector: string; code: string } | null = null;
	let twoTier: [string, string[]] | null = null;
	for (const area of ['LS', 'ZA', 'ZB', 'B', 'M', 'S', 'BD', 'NE', 'L', 'SW', 'CB', 'OX', 'EX', 'IP', 'NR']) {
		const file = await getJson<CouncilPostcodeAreaFile>(`council/postcodes/${area}.json`);
		if (!file) continue;
		const entries = Object.entries(file.sectors);
		const one = entries.find(([, codes]) => codes.length === 1 && current.has(codes[0]));
		single ??= one ? { sector: one[0], code: one[1][0] } : null;
		twoTier ??= entries.find(([, codes]) => codes.length === 2 && codes.every((c) => current.has(c))) ?? null;
		if (single && twoTier) break;
	}
	if (!single) throw new Error('No council postcode file with a one-council sector found for any of the tried areas');
	return { single, twoTier };
}

/** A query the finder answers by going straight to a council's page. */
async function expectLeadsTo(page: Page, query: string, code: string) {
	await page.goto(`${siteUrl}/council${query}`);
	await page.waitForURL(new RegExp(`/council/${code}$`));
	await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
}

async function gotoFinder(page: Page, query = '') {
	await page.goto(`${siteUrl}/council${query}`);
	await page.waitForSelector('form[data-testid="postcode-form"][data-ready]');
}

describe(`council pages (${dataset} data)`, () => {
	it('a council’s page shows its summary, every measure with England’s figure, its trend and similar councils', async () => {
		const council = await richCouncil();
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/council/${council.code}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(council.name);
		const summary = await text(page, '[data-testid=council-summary]');
		expect(summary).toMatch(/^(Compared with similar councils, .+ is clearly (better|worse) on .+\.|.+ is not clearly better or worse than similar councils on any of the .+ we compare\.|.+ has no measure we can compare with similar councils\.)$/);
		const cards = page.locator('[data-testid=council-measure]');
		await expect(cards.count()).resolves.toBe(council.measures.length);
		for (const id of council.measures) {
			const card = page.locator(`[data-testid=council-measure][data-measure="${id}"]`);
			await expect(card.locator('[data-testid=latest-value]').textContent()).resolves.toMatch(/^(\d[\d,]*(\.\d)?(%| kg| per 1,000)?|Suppressed|No figure)$/);
			await expect(card.locator('[data-testid=england-value]').textContent()).resolves.toMatch(/^(\d[\d,]*(\.\d)?(%| kg| per 1,000)?|Suppressed|–)$/); // ASCOF 3A is suppressed for England in 2020-21
			await expect(card.locator('[data-testid=position]').textContent()).resolves.toMatch(/^(Clearly (better|worse) than similar councils|Within (what chance would give|the usual spread of similar councils)|Not compared: .+|No figure published)$/);
			await expect(card.locator('[data-testid=council-trend] svg').count()).resolves.toBe(1);
			await expect(card.locator('table.trend-table tbody tr').count()).resolves.toBeGreaterThan(0);
		}
		// The summary names every clearly better or worse measure, and only those.
		const positions = await page.locator('[data-testid=council-measure]').evaluateAll((els) => els.map((e) => ({ title: e.querySelector('h3')!.textContent!.trim(), position: e.getAttribute('data-position') })));
		for (const p of positions) {
			const named = summary.toLowerCase().includes(p.title.toLowerCase());
			expect(named, `${p.title} (${p.position})`).toBe(p.position === 'clearly-better' || p.position === 'clearly-worse');
		}
		const similar = page.locator('[data-testid=similar-councils] a');
		expect(await similar.count()).toBeGreaterThan(0);
		expect(await similar.first().getAttribute('href')).toMatch(/\/council\/E\d{8}$/);
		if (dataset !== 'real') await expect(page.getByTestId('demo-note').count()).resolves.toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('the peer group lives in the URL, and each similar council links to its own page', async () => {
		const council = await richCouncil();
		const { page, outside } = await open();
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto(`${siteUrl}/council/${council.code}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('form[data-ready]');
		await page.getByLabel('Compare with').selectOption('type');
		await page.getByRole('button', { name: 'Compare', exact: true }).click();
		await page.waitForURL(/\?peers=type$/);
		await expect(page.getByRole('heading', { name: 'Councils of the same type' }).count()).resolves.toBe(1);
		// The page carries every peer group's standings: neither starting it nor switching fetches a council file (3.3 MB on the real data).
		expect(fetched.filter((p) => p.includes('/data/council/'))).toEqual([]);
		// A fresh visit to the same address shows the same choice.
		await page.goto(`${siteUrl}/council/${council.code}?peers=type`);
		await page.waitForSelector('form[data-ready]');
		await expect(page.getByLabel('Compare with').inputValue()).resolves.toBe('type');
		const peer = page.locator('[data-testid=similar-councils] a').first();
		const peerName = (await peer.textContent())!.trim();
		await peer.click();
		await page.waitForURL(/\/council\/E\d{8}$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(peerName);
		// Nonsense in the URL falls back to the default without an error.
		await page.goto(`${siteUrl}/council/${council.code}?peers=%3Cscript%3E`);
		await page.waitForSelector('form[data-ready]');
		await expect(page.getByLabel('Compare with').inputValue()).resolves.toBe('similar');
		expect(outside).toEqual([]);
	});

	it('a postcode leads to its council; a two-tier area offers both councils; an unknown postcode is an error', async () => {
		const councils = await councilsFile();
		const sectors = await postcodeSectors(councils);
		const { page, outside } = await open();
		await expectLeadsTo(page, `?postcode=${encodeURIComponent(`${sectors.single.sector}AB`)}`, sectors.single.code);
		if (sectors.twoTier) {
			await gotoFinder(page, `?postcode=${encodeURIComponent(sectors.twoTier[0])}`);
			const choices = page.getByTestId('council-choices');
			await choices.waitFor();
			await expect(choices.locator('a').count()).resolves.toBe(2);
			expect(await axeViolations(page)).toEqual([]);
		}
		await gotoFinder(page, '?postcode=not+a+postcode');
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expect(text(page, '#postcode-error')).resolves.toMatch(/Enter a postcode/);
		await expect(page.locator('#postcode').getAttribute('aria-invalid')).resolves.toBe('true');
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});

	it('finds a council by name, offers suggestions, and says when nothing matches', async () => {
		const council = await richCouncil();
		const { councils } = await councilsFile();
		const { page, outside } = await open();
		await gotoFinder(page);
		const suggestions = await page.locator('#council-names option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
		expect(suggestions.length).toBe(councils.filter((c) => c.replacedBy === null).length);
		expect(suggestions).toContain(council.name);
		await page.getByLabel('Council name').fill(council.name);
		await page.getByRole('button', { name: 'Find by name' }).click();
		await page.waitForURL(new RegExp(`/council/${council.code}$`));
		await gotoFinder(page, '?name=zzzz+no+such+council');
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		await expect(page.locator('#name-error').count()).resolves.toBe(1);
		expect(outside).toEqual([]);
	});

	it('an abolished council’s page says so and links its successor', async () => {
		const { councils } = await councilsFile();
		const abolished = councils.find((c) => c.replacedBy !== null);
		if (!abolished) return; // a site whose councils file has no abolished council has nothing to show here
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/council/${abolished.code}`);
		const notice = page.getByTestId('abolished');
		await expect(notice.textContent()).resolves.toContain(`abolished in ${abolished.replacedBy!.year}`);
		const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links.map((h) => h!.split('/').pop())).toEqual(abolished.replacedBy!.codes);
		expect(outside).toEqual([]);
	});

	it('works with the keyboard alone: postcode, then on to a similar council', async () => {
		const councils = await councilsFile();
		const sectors = await postcodeSectors(councils);
		const { page, outside } = await open();
		await gotoFinder(page);
		const tabTo = async (check: () => Promise<boolean>, limit = 80) => {
			for (let i = 0; i < limit; i++) {
				if (await check()) return;
				await page.keyboard.press('Tab');
			}
			throw new Error('Could not reach the element with Tab');
		};
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.id)) === 'postcode');
		await page.keyboard.type(sectors.single.sector);
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`/council/${sectors.single.code}$`));
		await page.waitForSelector('form[data-ready]');
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.id)) === 'peers');
		await page.keyboard.press('End'); // the last choice: all English councils
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Compare');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\?peers=england$/);
		await tabTo(async () => (await page.evaluate(() => document.activeElement?.closest('a')?.href ?? '')).includes('/about/methods#councils'), 400);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/about\/methods#councils$/);
		expect(outside).toEqual([]);
	});

	it('fits a 320-pixel-wide screen without sideways scrolling, with no axe violations on the finder', async () => {
		const council = await richCouncil();
		const { page, outside } = await open({ width: 320, height: 640 });
		await gotoFinder(page);
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
		await page.goto(`${siteUrl}/council/${council.code}`);
		await page.screenshot({ path: `.cache/council-320-${dataset}.png`, fullPage: true });
		expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
		expect(outside).toEqual([]);
	});

	it('/about/methods explains council comparisons with its worked examples', async () => {
		const { page } = await open();
		await page.goto(`${siteUrl}/about/methods#councils`);
		const section = await page.locator('main').textContent();
		expect(section).toContain('median absolute deviation');
		expect(section).toMatch(/clearly better than similar councils/);
		expect(section).toMatch(/clearly worse than similar councils/);
	});

	it.runIf(dataset === 'hostile')('council names made of markup or formulas stay text', async () => {
		const { councils } = await councilsFile();
		const { page } = await open();
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			d.dismiss().catch(() => {});
		});
		// scripts/sample/hostile.ts gives some councils markup and formulas as names: visit each one's page.
		const hostile = councils.filter((c) => /[<=]/.test(c.name));
		expect(hostile.length).toBeGreaterThan(0);
		const paths = ['/council', `/council/${(await richCouncil()).code}`, ...hostile.map((c) => `/council/${c.code}`), `/council?name=${encodeURIComponent(hostile[0].name.slice(0, 6))}`];
		for (const path of paths) {
			await page.goto(`${siteUrl}${path}`);
			await page.waitForTimeout(300);
			const inspect = () => page.evaluate(() => ({
				pwned: (window as unknown as { __pwned?: unknown }).__pwned,
				elements: [...document.querySelectorAll('main img, main iframe, main script, main svg[onload]')].length,
				handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name))
			}));
			// A finder search with one match loads that council's page (a full load, on purpose): inspect the page it lands on.
			let found: Awaited<ReturnType<typeof inspect>> | null = null;
			for (let attempt = 0; !found; attempt++) {
				await page.waitForLoadState('load');
				found = await inspect().catch((error: Error) => {
					if (attempt < 3 && /context was destroyed/i.test(error.message)) return null;
					throw error;
				});
			}
			expect(found, path).toEqual({ pwned: undefined, elements: 0, handlers: [] });
		}
		await page.goto(`${siteUrl}/council/${(await richCouncil()).code}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe((await richCouncil()).name);
		expect(dialogs).toEqual([]);
	});

	it.runIf(dataset === 'real')('Leeds (E08000035): 2022-23 recycling, 2025 re-referrals and repeat plans, England, similar councils, trend; LS1 4AP leads there', async () => {
		const leeds = (await councilsFile()).councils.find((c) => c.code === 'E08000035');
		expect(leeds?.name).toMatch(/Leeds/);
		const { page, outside } = await open();
		await page.goto(`${siteUrl}/council/E08000035`);
		const expectFigure = async (id: string, year: string) => {
			const file = (await getJson<CouncilMeasureFile>(`council/${id}.json`))!;
			const cell = file.values.find((v) => v.code === 'E08000035' && v.year === year)!;
			const england = file.england.find((v) => v.year === year)!;
			const card = page.locator(`[data-testid=council-measure][data-measure="${id}"]`);
			await expect(card.locator('dt').first().textContent()).resolves.toBe(`Latest (${year})`);
			// The publisher's own figure, to one decimal place as printed.
			await expect(card.locator('[data-testid=latest-value]').textContent()).resolves.toBe(`${(cell.published ?? cell.value)!.toFixed(1)}%`);
			await expect(card.locator('[data-testid=england-value]').textContent()).resolves.toBe(`${(england.published ?? england.value)!.toFixed(1)}%`);
			await expect(card.locator('table.trend-table tbody tr').count()).resolves.toBeGreaterThan(1);
		};
		await expectFigure('household-recycling', '2022-23');
		await expectFigure('cin-rereferrals', '2025');
		await expectFigure('cpp-subsequent', '2025');
		expect(await page.locator('[data-testid=similar-councils] a').count()).toBeGreaterThan(5);
		await expectLeadsTo(page, '?postcode=LS1+4AP', 'E08000035');
		expect(outside).toEqual([]);
	});
});
