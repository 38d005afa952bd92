/**
 * The explorer's browser measurements: warm Runs of a query on /explore and
 * the main thread's long tasks while a large CSV is uploaded. Timers are
 * page-side, as in browser.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { newSession, type Session } from './browser.ts';

/** The latest per-commissioner detail table the site's manifest lists (e.g. rtt_detail_2026_04). */
export async function latestDetailTable(siteUrl: string): Promise<string> {
	const manifest = (await (await fetch(`${siteUrl}/data/manifest.json`)).json()) as { tables: { name: string }[] };
	const names = manifest.tables.map((t) => t.name).filter((n) => /^rtt_detail_\d{4}_\d{2}$/.test(n)).sort();
	if (!names.length) throw new Error('the manifest lists no rtt_detail_YYYY_MM table');
	return names.at(-1)!;
}

/**
 * Arms a page-side timer for one Run of the explorer: "done" is the animation
 * frame after the status line goes from "Running…" to "The query returned…"
 * (set in the same update as the new results caption).
 */
async function armExplorerRun(page: Page) {
	await page.evaluate(`(() => {
		const bench = window.__bench;
		bench.clickAt = null;
		const run = { phase: 'armed', painted: undefined };
		bench.run = run;
		const observer = new MutationObserver(() => {
			const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
			if (run.phase === 'armed' && status.startsWith('Running')) run.phase = 'running';
			else if (run.phase === 'running' && !status.startsWith('Running')) {
				run.phase = status.startsWith('The query returned') && document.querySelector('#results-caption') ? 'found' : 'failed: ' + status;
				observer.disconnect();
				requestAnimationFrame(() => { run.painted = performance.now(); });
			}
		});
		observer.observe(document, { childList: true, subtree: true, characterData: true });
	})()`);
}

async function explorerRun(page: Page, timeout: number): Promise<number> {
	await armExplorerRun(page);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const handle = await page.waitForFunction(
		() => {
			const b = (window as unknown as { __bench: { clickAt: number | null; run: { phase: string; painted?: number } } }).__bench;
			return b.run.painted !== undefined ? { phase: b.run.phase, clickAt: b.clickAt, painted: b.run.painted } : null;
		},
		null,
		{ timeout, polling: 50 }
	);
	const { phase, clickAt, painted } = (await handle.jsonValue()) as { phase: string; clickAt: number | null; painted: number };
	if (phase !== 'found') throw new Error(`the query did not return: ${phase}`);
	if (clickAt === null) throw new Error('the click was not seen');
	return painted - clickAt;
}

/**
 * On /explore: one unmeasured Run of `sql` (downloads DuckDB and loads the table),
 * then `runs` measured Runs of the same query, each from the click on Run to the
 * results caption painted. Returns the session so later scenarios can reuse the page.
 */
export async function explorerWarmQuery(browser: Browser, siteUrl: string, sql: string, runs: number): Promise<{ times: number[]; warmUpMs: number; session: Session }> {
	const session = await newSession(browser);
	const { page } = session;
	await page.goto(`${siteUrl}/explore`, { timeout: 120_000 });
	await page.waitForSelector('form.console[data-ready]', { timeout: 120_000 });
	await page.getByLabel('SQL query', { exact: true }).fill(sql);
	const warmUpMs = await explorerRun(page, 300_000);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await explorerRun(page, 120_000));
	return { times, warmUpMs, session };
}

export interface UploadLongTasks {
	/** Longest main-thread task from choosing the file to "Loaded … rows" shown. */
	maxMs: number;
	count: number;
	totalMs: number;
	/** The same, split at the moment the page hands the worker's Arrow stream to DuckDB. */
	reading: { maxMs: number; count: number };
	loading: { maxMs: number; count: number };
	uploadMs: number;
	readingMs: number;
	rows: string;
}

/**
 * Uploads `path` through the explorer's file input (an explorer page already
 * open, DuckDB started) with a PerformanceObserver('longtask') installed first;
 * returns the main thread's long tasks (≥ 50 ms) until the upload is done.
 */
export async function uploadLongTasks(page: Page, path: string, timeout = 600_000): Promise<UploadLongTasks> {
	await page.evaluate(`(() => {
		const probe = { tasks: [], loadingAt: null, startedAt: performance.now(), doneAt: null };
		window.__upload = probe;
		new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
		const observer = new MutationObserver(() => {
			const label = document.querySelector('label[for="csv-progress"]')?.textContent ?? '';
			if (probe.loadingAt === null && label.startsWith('Loading')) probe.loadingAt = performance.now();
			if (document.querySelector('[data-testid="upload-done"]') || document.querySelector('.upload .error-summary')) {
				probe.doneAt = performance.now();
				observer.disconnect();
			}
		});
		observer.observe(document, { childList: true, subtree: true, characterData: true });
	})()`);
	await page.setInputFiles('#csv-file', path);
	await page.waitForFunction(() => (window as unknown as { __upload: { doneAt: number | null } }).__upload.doneAt !== null, null, { timeout, polling: 250 });
	// Let the observer deliver the last entries.
	await page.waitForTimeout(500);
	const failure = await page.locator('.upload .error-summary').textContent().catch(() => null);
	if (failure) throw new Error(`the upload failed: ${failure.trim()}`);
	const probe = (await page.evaluate(`window.__upload`)) as { tasks: { start: number; ms: number }[]; loadingAt: number | null; startedAt: number; doneAt: number };
	const tasks = probe.tasks.filter((t) => t.start >= probe.startedAt && t.start <= probe.doneAt);
	const split = probe.loadingAt ?? probe.doneAt;
	const part = (list: { ms: number }[]) => ({ maxMs: Math.max(0, ...list.map((t) => t.ms)), count: list.length });
	return {
		maxMs: Math.max(0, ...tasks.map((t) => t.ms)),
		count: tasks.length,
		totalMs: tasks.reduce((s, t) => s + t.ms, 0),
		reading: part(tasks.filter((t) => t.start < split)),
		loading: part(tasks.filter((t) => t.start >= split)),
		uploadMs: probe.doneAt - probe.startedAt,
		readingMs: split - probe.startedAt,
		rows: (await page.getByTestId('upload-done').textContent())?.trim() ?? ''
	};
}
