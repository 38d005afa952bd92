/**
 * Council measures in the fair league tables, end to end against the built
 * site, on whatever council data the build has (names, codes, years and peers
 * are read from its own council files, never written here): a measure that
 * counts people drawn as a funnel, a rate compared with a council's peers
 * (never a funnel), table twins, downloads, /embed/league and its snippet,
 * keyboard-only use, axe, and no request leaving 127.0.0.1.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { useBrowser } from '../support/e2e-browser.ts';
import type { CouncilMeasure, CouncilMeasureFile, CouncilsFile } from '../../src/lib/schema/council.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const SLOW = 240_000;
const BANDS = /^(Better than expected \((95|99\.8)% limit\)|Within expected range|Worse than expected \((95|99\.8)% limit\))$/;
const POSITIONS = /^(Clearly (higher|lower) than its peers( \((better|worse)\))?|Within the usual range of its peers|Too few peers to say \(fewer than 5\))$/;

const getJson = async <T>(path: string): Promise<T | null> => {
	const response = await fetch(`${siteUrl}/data/${path}`);
	return response.ok ? ((await response.json()) as T) : null;
};
const councils = await getJson<CouncilsFile>('council/councils.json');
const offered = (councils?.measures ?? []).filter((m) => m.comparison !== 'none');
const binomial = offered.find((m) => m.comparison === 'binomial') ?? null;
const spread = offered.find((m) => m.comparison === 'peer-spread') ?? null;
const NO_COUNCILS = `the ${dataset} build has no council data (no data/council/councils.json with a comparable measure), so there is no council league to test`;

const { open } = useBrowser();
const cellTexts = async (page: Page, selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
const measureFile = async (m: CouncilMeasure) => (await getJson<CouncilMeasureFile>(m.path))!;
const latest = (m: CouncilMeasure) => m.years.at(-1)!;

/** A council with the measure in its latest year and a peer list of the kind the measure offers (type always works). */
function councilWithPeers(file: CouncilMeasureFile): { code: string; name: string; group: string; members: Set<string> } {
	const year = latest(file.measure);
	const withValue = new Set(file.values.filter((v) => v.year === year && v.value !== null && !v.suppressed).map((v) => v.code));
	const known = new Map(councils!.councils.map((c) => [c.code, c]));
	for (const group of file.measure.peerGroups) {
		if (group === 'england' || group === 'region') continue;
		for (const c of councils!.councils) {
			if (!withValue.has(c.code)) continue;
			const members = group === 'type'
				? new Set(councils!.councils.filter((o) => o.type === c.type).map((o) => o.code))
				: new Set([c.code, ...(councils!.peers[group as 'dfe']?.[c.code] ?? []).filter((p) => known.has(p))]);
			const shown = [...members].filter((m) => withValue.has(m));
			if (shown.length >= 6) return { code: c.code, name: c.name, group, members: new Set(shown) };
		}
	}
	throw new Error(`No council with at least 5 peers for ${file.measure.id}`);
}

async function downloadText(page: Page, button: string): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
}

/** Tab until the focused element matches, as a keyboard-only user would; false after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60): Promise<boolean> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
	}
	return false;
}

describe.skipIf(!councils || offered.length === 0)(`council league tables (${dataset} data)`, () => {
	it.skipIf(!binomial)('a measure that counts people is a funnel over all England, with its table twin and the over-dispersion said in words', async () => {
		const m = binomial!;
		const file = await measureFile(m);
		const year = latest(m);
		const usable = file.values.filter((v) => v.year === year && !v.suppressed && Number.isInteger(v.numerator) && Number.isInteger(v.denominator) && v.denominator! > 0);
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=council:${m.id}`);
		await page.waitForSelector('[data-testid=funnel-plot] [role=listitem]', { timeout: 60_000 });
		await expect(page.locator('h2').first().textContent()).resolves.toBe(`${m.title}, England, ${year}`);
		await expect(page.getByLabel('Measure').inputValue()).resolves.toBe(`council:${m.id}`);
		await expect(page.locator('#measure optgroup[label="Council services"] option').allTextContents()).resolves.toContain(m.title);
		await expect(page.locator('[data-testid=funnel-plot] [role=listitem]').count()).resolves.toBe(usable.length);
		await expect(page.locator('[data-testid=league-table] tbody tr').count()).resolves.toBe(usable.length);
		for (const band of await cellTexts(page, '[data-testid=league-table] tbody td.band')) expect(band).toMatch(BANDS);
		await expect(page.getByTestId('league-summary').textContent()).resolves.toMatch(new RegExp(`^\\s*${usable.length} councils shown\\. Centre line: England`));
		// Adjusted limits by default exactly when the councils vary more than chance, and the page says so.
		const words = (await page.getByTestId('limits-words').textContent())!;
		expect(words).toMatch(/limits at 95% and 99\.8%/);
		if (/vary more than chance alone/.test(words)) {
			expect(words).toMatch(/^The councils vary more than chance alone would explain \(φ = [\d.]+, from \d+ councils\), so the limits are widened as Spiegelhalter \(2005\) recommends/);
			await expect(page.getByLabel('Widened by a random effect (τ²)').isChecked()).resolves.toBe(true);
		}
		const csv = await downloadText(page, 'Download table (CSV)');
		expect(csv.trim().split('\r\n')).toHaveLength(usable.length + 1);
		expect(await downloadText(page, 'Download plot (SVG)')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		await expect(page.getByTestId('caterpillar-plot').count()).resolves.toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it.skipIf(!spread)('a rate is compared with a council’s peers (never a funnel), keyboard only, and embeds', async () => {
		const m = spread!;
		const file = await measureFile(m);
		const chosen = councilWithPeers(file);
		const { page, outside, consoleErrors } = await open();
		await page.goto(`${siteUrl}/league?measure=council:${m.id}`);
		await page.waitForSelector('[data-testid=peer-plot] [role=listitem]', { timeout: 60_000 });
		await expect(page.getByTestId('funnel-plot').count()).resolves.toBe(0);

		// Keyboard only: the council, then its peer group, then Show.
		expect(await tabTo(page, '#council')).toBe(true);
		const councilOption = await page.locator(`#council option[value="${chosen.code}"]`).evaluate((o: HTMLOptionElement) => o.index);
		for (let i = 0; i < councilOption; i++) await page.keyboard.press('ArrowDown');
		await expect(page.locator('#council').inputValue()).resolves.toBe(chosen.code);
		expect(await tabTo(page, '#peers', 3)).toBe(true);
		const groupOption = await page.locator(`#peers option[value="${chosen.group}"]`).evaluate((o: HTMLOptionElement) => o.index);
		for (let i = 0; i < groupOption; i++) await page.keyboard.press('ArrowDown');
		expect(await tabTo(page, 'button[type=submit]', 3)).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`council=${chosen.code}&peers=${chosen.group}`));
		await page.waitForSelector('[data-testid=peer-plot] [data-focus]');

		const points = page.locator('[data-testid=peer-plot] [role=listitem]');
		await expect(points.count()).resolves.toBe(chosen.members.size);
		const rows = await cellTexts(page, '[data-testid=peer-table] tbody th');
		expect(rows).toHaveLength(chosen.members.size);
		for (const row of rows) expect(chosen.members.has(/(E\d{8})/.exec(row)![1])).toBe(true);
		for (const position of await cellTexts(page, '[data-testid=peer-table] tbody td.verdict')) expect(position).toMatch(POSITIONS);
		await expect(page.locator('[data-testid=peer-table] tr.chosen th').textContent()).resolves.toContain(chosen.name);
		await expect(page.getByTestId('peer-focus').textContent()).resolves.toContain(chosen.name);
		await expect(page.getByTestId('peer-summary').textContent()).resolves.toMatch(/Peers’ median .+; the usual range \(median ± 2 robust standard deviations\) is .+ to .+\./);
		// The chart's points are reachable with Tab and speak for themselves.
		expect(await tabTo(page, '[data-testid=peer-plot] [role=listitem]', 80)).toBe(true);
		await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/ranked \d+ of \d+; .+ median absolute deviations from the peers’ median; /);

		const csv = await downloadText(page, 'Download table (CSV)');
		expect(csv.split('\r\n')[0]).toMatch(/^code,name,year,.+,rank,peers compared,peers' median/);
		expect(csv.trim().split('\r\n')).toHaveLength(chosen.members.size + 1);
		expect(await downloadText(page, 'Download plot (SVG)')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(await axeViolations(page)).toEqual([]);

		const query = `measure=council%3A${m.id}&council=${chosen.code}&peers=${chosen.group}`;
		const snippet = await page.getByTestId('embed-snippet').inputValue();
		expect(snippet.startsWith(`<iframe src="${siteUrl}/embed/league?${query.replaceAll('&', '&amp;')}" title="`)).toBe(true);
		await page.goto(`${siteUrl}/embed/league?${query}`);
		await page.waitForSelector('[data-testid=peer-plot] [data-focus]', { timeout: 60_000 });
		await expect(page.locator('[data-testid=peer-plot] [role=listitem]').count()).resolves.toBe(chosen.members.size);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(chosen.name);
		await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
		await expect(page.locator('.credit').textContent()).resolves.toContain(m.source.publisher);
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);

	it.skipIf(!binomial)('a chosen council in its peer group: ringed in the funnel, marked in the table, in the embed too', async () => {
		const m = binomial!;
		const chosen = councilWithPeers(await measureFile(m));
		const query = `measure=council%3A${m.id}&council=${chosen.code}&peers=${chosen.group}`;
		const { page, outside, consoleErrors } = await open();
		for (const path of [`/league?${query}`, `/embed/league?${query}`]) {
			await page.goto(`${siteUrl}${path}`);
			await page.waitForSelector('[data-testid=funnel-plot] [data-focus]', { timeout: 60_000 });
			await expect(page.locator('[data-testid=funnel-plot] [data-focus]').getAttribute('data-code')).resolves.toBe(chosen.code);
			const shown = await cellTexts(page, '[data-testid=league-table] tbody th');
			for (const row of shown) expect(chosen.members.has(/(E\d{8})/.exec(row)![1])).toBe(true);
			await expect(page.locator('[data-testid=league-table] tr.chosen th').textContent()).resolves.toContain(chosen.name);
			await expect(page.locator('[data-testid=funnel-plot] .labels text.active').first().textContent()).resolves.toBe(chosen.name);
			expect(await axeViolations(page)).toEqual([]);
		}
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	}, SLOW);
});

// Said once, as a skipped test, only when there is nothing to test.
if (!councils || offered.length === 0) describe(`council league tables (${dataset} data)`, () => it.skip(NO_COUNCILS, () => {}));
