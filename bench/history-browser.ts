/**
 * The explorer on 60 generated months beside the real two-month site: the
 * site built once more over the 60-month data (vite build, cached while that
 * data is unchanged), the first example query's share link on each, and the
 * bytes a cold first query fetches, as the page reports them and as the
 * network saw them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { exampleQueries } from '../src/lib/explore/examples.ts';
import type { Manifest } from '../src/lib/schema/site-data.ts';
import { coldVisit, newSession, type Session } from './browser.ts';
import { HISTORY } from './history.ts';

export const EXPLORE_RESULT = '[data-testid="results"] table tbody tr';

/** The site over the 60-month data; rebuilt when that data's manifest changed or the site is asked anew. */
export function buildHistorySite(data60: string, rebuild: boolean, log: (line: string) => void): string {
	const root = join(HISTORY, 'site60');
	const build = join(root, 'build');
	const stamp = join(root, 'site.stamp');
	const manifest = readFileSync(join(data60, 'manifest.json'), 'utf8');
	if (!rebuild && existsSync(join(build, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === manifest) return build;
	log('history: building the site over 60 months (vite build)…');
	cpSync('static/favicon.svg', join(root, 'static/favicon.svg'));
	rmSync(build, { recursive: true, force: true });
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, OPENWAITS_ASSETS: join(root, 'static'), OPENWAITS_BUILD_DIR: build, BASE_PATH: '' }
	});
	if (result.status !== 0) throw new Error('vite build of the 60-month site failed');
	writeFileSync(stamp, manifest);
	return build;
}

async function manifestOf(siteUrl: string): Promise<Manifest> {
	return (await (await fetch(`${siteUrl}/data/manifest.json`)).json()) as Manifest;
}

/** The SQL of the explorer's first example, and of its England-by-month example (null when the site has none). */
export async function exampleSql(siteUrl: string): Promise<{ first: string; englandByMonth: string | null }> {
	const examples = exampleQueries(await manifestOf(siteUrl));
	if (!examples.length) throw new Error(`${siteUrl} offers no example query`);
	return { first: examples[0].sql, englandByMonth: examples.find((e) => e.tables.includes('rtt_england'))?.sql ?? null };
}

/** A share link (#s=…) that runs `sql` on load: got by running it once, as a person would. */
export async function shareLink(browser: Browser, siteUrl: string, sql: string): Promise<string> {
	const session = await newSession(browser);
	try {
		const { page } = session;
		await page.goto(`${siteUrl}/explore`, { timeout: 120_000 });
		await page.waitForSelector('form.console[data-ready]', { timeout: 120_000 });
		await page.getByLabel('SQL query', { exact: true }).fill(sql);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.waitForSelector(EXPLORE_RESULT, { timeout: 300_000 });
		await page.waitForFunction(() => location.hash.includes('s='), null, { timeout: 10_000 });
		return page.url();
	} finally {
		await session.context.close();
	}
}

export interface ExplorerCold {
	ms: number;
	session: Session;
	/** What the page says it fetched for the query (its data-bytes-fetched), null when it does not say. */
	pageBytes: number | null;
	/** Response bodies of /data/ requests the network saw during the visit (after content decoding is undone: wire bytes). */
	networkDataBytes: number;
}

/** Cold visit of a share link, counting the site-data bytes that crossed the network. */
export async function explorerCold(browser: Browser, link: string): Promise<ExplorerCold> {
	const pending: Promise<number>[] = [];
	const visit = await coldVisit(browser, link, EXPLORE_RESULT, { failSelector: '[data-testid="sql-error"]' }, (session) =>
		session.context.on('requestfinished', (request) => {
			if (new URL(request.url()).pathname.includes('/data/')) pending.push(request.sizes().then((s) => s.responseBodySize, () => 0));
		})
	);
	const attribute = await visit.session.page.locator('[data-bytes-fetched]').first().getAttribute('data-bytes-fetched', { timeout: 5_000 }).catch(() => null);
	const networkDataBytes = (await Promise.all(pending)).reduce((a, b) => a + b, 0);
	return { ...visit, pageBytes: attribute === null ? null : Number(attribute), networkDataBytes };
}
