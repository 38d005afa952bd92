/**
 * The journalists' workbench (/explore), end to end in Debian's Chromium:
 * examples, the SQL console, errors, cancelling, the schema browser,
 * accessibility, and that nothing is requested from another host.
 * Exports, share links, saved queries and uploads: explore-files.e2e.ts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/browser.ts';
import { monthFileRequests, useBrowser } from '../support/e2e-browser.ts';
import { editor, gotoExplore, manifestOf, rowCount, runSql, waitForRows } from '../support/explore-page.ts';

const dataset = inject('dataset');

const { open } = useBrowser();

describe(`explore (${dataset})`, () => {
	it('loads an example, runs it and shows the row count, time and bytes fetched', async () => {
		const { page, outside, consoleErrors } = await open();
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		await page.locator('button[data-example="england-median"]').click();
		await expect.poll(() => editor(page).inputValue()).toContain('FROM rtt_england');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		// England's median wait by month: one row per month the site holds.
		await waitForRows(page, `${manifest.periods.length} row${manifest.periods.length === 1 ? '' : 's'}`);
		const caption = await page.locator('#results-caption').textContent();
		expect(caption).toMatch(/in \d/);
		const headers = await page.$$eval('thead th button', (b) => b.map((x) => x.firstChild?.textContent?.trim()));
		expect(headers.slice(0, 2)).toEqual(['month', 'median_weeks']);
		const england = manifest.tables.find((t) => t.name === 'rtt_england')!;
		expect(await page.getByTestId('status').getAttribute('data-bytes-fetched')).toBe(String(england.bytes));
		expect(await page.getByTestId('status').textContent()).toMatch(/ in [\d.,]+ m?s · fetched [\d.]+ k?B \(rtt_england\)\.$/);
		await page.getByRole('button', { name: 'Draw a chart of these results' }).click();
		expect(await page.getByLabel('Chart type').inputValue()).toBe('line');
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('fetches a month only when a query names it, and says what each query fetched', async () => {
		const { page, outside } = await open();
		const months = monthFileRequests(page);
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		const latest = manifest.tables.find((t) => t.name === `rtt_summary_${manifest.latestPeriod!.replace('-', '_')}`)!;
		const union = manifest.tables.find((t) => t.name === 'rtt_summary')!;
		const others = manifest.tables.filter((t) => union.parts!.includes(t.name) && t !== latest);
		const status = page.getByTestId('status');
		const fetched = () => status.getAttribute('data-bytes-fetched');

		await runSql(page, `SELECT count(*) AS n FROM ${latest.name}`);
		await expect.poll(fetched, { timeout: 60_000 }).toBe(String(latest.bytes));
		expect(await status.textContent()).toContain(`(${latest.name}).`);
		expect(months.map((m) => m.slice(m.indexOf('/data/') + 6))).toEqual([latest.path]);
		expect(await page.locator('[data-testid=results] tbody td').first().textContent()).toBe(latest.rows.toLocaleString('en-GB'));

		await runSql(page, `SELECT count(*) AS n FROM ${latest.name} WHERE part = 'Part_2'`);
		await expect.poll(fetched, { timeout: 60_000 }).toBe('0');
		expect(await status.textContent()).toContain('fetched 0 B');

		// Every month together: only the months not fetched yet come over the network.
		await runSql(page, 'SELECT count(*) AS n FROM rtt_summary');
		await expect.poll(fetched, { timeout: 60_000 }).toBe(String(others.reduce((sum, t) => sum + t.bytes, 0)));
		await expect.poll(() => page.locator('[data-testid=results] tbody td').first().textContent()).toBe(union.rows.toLocaleString('en-GB'));
		expect(months).toHaveLength(1 + others.length);
		expect(outside).toEqual([]);
	});

	it('runs every example query without an error', async () => {
		const { page, outside } = await open();
		await gotoExplore(page);
		const ids = await page.$$eval('button[data-example]', (b) => b.map((x) => x.getAttribute('data-example')!));
		expect(ids.length).toBeGreaterThanOrEqual(5);
		for (const id of ids) {
			await page.locator(`button[data-example="${id}"]`).click();
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/returned|failed/);
			expect(await page.getByTestId('sql-error').count(), `example ${id}`).toBe(0);
		}
		expect(outside).toEqual([]);
	});

	it('runs an edited query with Ctrl+Enter, sorts and formats numbers', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await editor(page).fill('SELECT * FROM (VALUES (1, 1234567.5, NULL), (2, -3, \'x\'), (3, 10, \'y\')) t(id, amount, note)');
		await editor(page).press('Control+Enter');
		await waitForRows(page, '3 rows');
		const cells = await page.$$eval('[data-testid=results] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
		expect(cells[0]).toEqual(['1', '1,234,567.5', '—']);
		const amount = page.locator('th', { has: page.getByRole('button', { name: /^amount/ }) });
		expect(await amount.getAttribute('aria-sort')).toBe('none');
		await page.getByRole('button', { name: /^amount/ }).click();
		expect(await amount.getAttribute('aria-sort')).toBe('ascending');
		const sorted = await page.$$eval('[data-testid=results] tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
		expect(sorted).toEqual(['-3', '10', '1,234,567.5']);
		expect(await page.locator('[data-testid=results] tbody td.number').count()).toBeGreaterThan(0);
	});

	it('scrolls through 100,000 rows, drawing only the rows in view', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await runSql(page, 'SELECT range AS n, range * 2 AS twice FROM range(100000)');
		await waitForRows(page, '100,000 rows');
		const grid = page.getByRole('region', { name: /^100,000 rows/ });
		expect(await grid.getAttribute('tabindex')).toBe('0');
		expect(await page.locator('[data-testid=results] table').getAttribute('aria-rowcount')).toBe('100001');
		const rows = page.locator('[data-testid=results] tbody tr[aria-rowindex]');
		const drawn = async () => {
			const list = await rows.evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('aria-rowindex')), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)] as const));
			// Each drawn row is the result's row at its aria-rowindex (the header row is 1), with no gaps.
			list.forEach(([index, n, twice], k) => {
				expect(index).toBe(list[0][0] + k);
				expect([n, twice]).toEqual([(index - 2).toLocaleString('en-GB'), (2 * (index - 2)).toLocaleString('en-GB')]);
			});
			return list;
		};
		const top = await drawn();
		expect(top[0][0]).toBe(2);
		expect(top.length).toBeGreaterThan(5);
		expect(top.length).toBeLessThan(200);
		/** The row under the middle of the scrolled box: a drawn data row, never blank space. */
		const rowInView = () =>
			grid.evaluate((box) => {
				const r = box.getBoundingClientRect();
				return document.elementFromPoint(r.left + 40, r.top + r.height / 2)?.closest('tr')?.getAttribute('aria-rowindex') ?? null;
			});

		await grid.scrollIntoViewIfNeeded();
		await grid.evaluate((box) => (box.scrollTop = box.scrollHeight / 2));
		await expect.poll(async () => Number(await rowInView())).toBeGreaterThan(45_000);
		expect(Number(await rowInView())).toBeLessThan(55_000);
		expect((await drawn()).length).toBeLessThan(200);
		expect(await axeViolations(page)).toEqual([]); // with spacer rows above and below the drawn ones

		// To the end with the keyboard: the region takes focus and End scrolls it.
		await grid.focus();
		await page.keyboard.press('End');
		await expect.poll(() => rows.last().getAttribute('aria-rowindex')).toBe('100001');
		const last = rows.last();
		expect(await last.locator('td').allTextContents()).toEqual(['99,999', '199,998']);
		const [box, row, header] = await Promise.all([grid.boundingBox(), last.boundingBox(), page.locator('[data-testid=results] thead th').first().boundingBox()]);
		expect(row!.y).toBeGreaterThanOrEqual(box!.y);
		expect(row!.y + row!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
		expect(header!.y).toBeGreaterThanOrEqual(box!.y - 1); // the header stays in view
		expect(header!.y).toBeLessThan(box!.y + 5);
		expect((await drawn()).length).toBeLessThan(200);

		// Sorting sorts the whole result and goes back to the top.
		const n = page.getByRole('button', { name: 'n', exact: true });
		await n.click();
		await n.click();
		expect(await page.locator('th', { has: n }).getAttribute('aria-sort')).toBe('descending');
		await expect.poll(() => rows.first().locator('td').first().textContent()).toBe('99,999');
		expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');
	});

	it('the A&E example counts attendances as the site does (booked appointments left out)', async () => {
		const { page } = await open();
		await gotoExplore(page);
		const json = async () => {
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
			return JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, number | string>[];
		};
		await page.locator('button[data-example="ae-4-hour"]').click();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await waitForRows(page, /^\d+ rows$/);
		const example = await json();
		// The build's pct_within_4h (one row per provider, the figure the league uses), weighted by attendances.
		await runSql(
			page,
			`SELECT period, sum(pct_within_4h * (attendances_type1 + attendances_type2 + attendances_other))
			   / sum(attendances_type1 + attendances_type2 + attendances_other) AS pct
			 FROM ae_monthly WHERE pct_within_4h IS NOT NULL GROUP BY period ORDER BY period`
		);
		await waitForRows(page, `${example.length} rows`);
		const site = await json();
		expect(example.map((r) => r.period)).toEqual(site.map((r) => r.period));
		example.forEach((r, i) => expect(Math.abs(Number(r.pct_within_4h) - Number(site[i].pct))).toBeLessThanOrEqual(0.05 + 1e-9));
		// NHS England's April 2021 file: 1,787,500 attendances, 239,717 over 4 hours (../shared/data/README.md).
		if (dataset === 'real') expect(example.find((r) => r.period === '2021-04')).toMatchObject({ attendances: 1_787_500, pct_within_4h: 86.6 });
	});

	it('explains a syntax error in plain words with its position', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await runSql(page, 'SELECT provider_code\nFROM rtt_summary\nWHER period = 1');
		const error = page.getByTestId('sql-error');
		await error.waitFor({ timeout: 60_000 });
		const text = (await error.textContent()) ?? '';
		expect(text).toContain('The query is not valid SQL (line 3');
		expect(text).toContain('WHER period = 1');
		expect(await editor(page).getAttribute('aria-invalid')).toBe('true');
	});

	it('cancels a long query', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await runSql(page, 'SELECT 1'); // start the engine first
		await waitForRows(page, '1 row');
		await runSql(page, 'SELECT count(*) FROM range(1000000000) a CROSS JOIN range(1000000000) b');
		const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
		await cancel.waitFor();
		await page.waitForTimeout(500);
		await cancel.click();
		await expect.poll(() => page.getByTestId('status').textContent()).toBe('The query was cancelled.');
		// The engine is free again: a new query answers.
		await runSql(page, 'SELECT 42 AS answer');
		await waitForRows(page, '1 row', 30_000);
		await expect.poll(() => page.locator('[data-testid=results] tbody td').first().textContent(), { timeout: 30_000 }).toBe('42');
	});

	it('lists every table in the schema browser with what naming it costs', async () => {
		const { page } = await open();
		await gotoExplore(page);
		const manifest = await manifestOf(page);
		const tables = await page.$$eval('details.table', (d) => d.map((x) => [x.getAttribute('data-table') ?? '', x.querySelector('summary .size')?.textContent ?? ''] as const));
		expect(tables.map(([name]) => name)).toEqual(manifest.tables.map((t) => t.name));
		for (const [, size] of tables) expect(size).toMatch(/^\((\d+ k?B|\d+\.\d MB)/);
		expect(tables.find(([name]) => name === 'rtt_summary')?.[1]).toMatch(new RegExp(`fetches every month \\(${manifest.periods.length} parts\\)`));
		// Columns are drawn when a table is opened, not before (60 months of 121 columns would make the page megabytes long),
		// from the table's family: the manifest lists each family's columns once.
		const detail = `rtt_detail_${manifest.latestPeriod!.replace('-', '_')}`;
		const opened: [string, string][] = [['providers', 'providers'], [detail, 'rtt_detail'], ['rtt_summary', 'rtt_summary']];
		for (const [name, family] of opened) {
			const table = page.locator(`details.table[data-table="${name}"]`);
			await expect(table.locator('tbody tr').count()).resolves.toBe(0);
			await table.locator('summary').click();
			await expect.poll(() => table.locator('tbody th code').allTextContents()).toEqual(manifest.families[family].columns.map((c) => c.name));
			const listed = manifest.tables.find((t) => t.name === name)!;
			await expect(table.locator('p').first().textContent()).resolves.toBe(listed.description ?? manifest.families[family].description);
		}
		await page.locator(`details.table[data-table="${detail}"]`).getByRole('button', { name: 'Query this table' }).click();
		await expect.poll(() => editor(page).inputValue()).toBe(`SELECT * FROM ${detail} LIMIT 100`);
	});

	it('has no accessibility violations, with results, a chart and an error', async () => {
		const { page, outside } = await open();
		await gotoExplore(page);
		expect(await axeViolations(page)).toEqual([]);
		await runSql(page, "SELECT period, median_weeks FROM rtt_summary WHERE provider_code = 'ENG' AND part = 'Part_2' AND treatment_code = 'C_999'");
		await waitForRows(page, /^\d+ rows?$/);
		await page.getByRole('button', { name: 'Draw a chart of these results' }).click();
		await page.locator('details.table').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
		expect(await axeViolations(page)).toEqual([]);
		await runSql(page, 'SELEC 1');
		await page.getByTestId('sql-error').waitFor();
		expect(await axeViolations(page)).toEqual([]);
		expect(outside).toEqual([]);
	});
});
