/**
 * The workbench's ways in and out (/explore), end to end in Debian's Chromium:
 * CSV and JSON downloads, share links, chart exports, saved queries, and
 * bringing your own CSV (hostile cells stay text, other encodings, gzip and
 * zip). The console itself: explore.e2e.ts.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/e2e-browser.ts';
import { editor, gotoExplore, rowCount, runSql, waitForRows } from '../support/explore-page.ts';

const dataset = inject('dataset');

const { open } = useBrowser();

describe(`explore: downloads, share links and uploads (${dataset})`, () => {
	it('downloads CSV with formula cells made safe and numbers kept', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await runSql(page, "SELECT '=1+1' AS formula, -5 AS n, 'a,\"b\"' AS quoted");
		await waitForRows(page, '1 row');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
		const text = await readFile((await download.path())!, 'utf8');
		expect(text).toBe('formula,n,quoted\r\n\'=1+1,-5,"a,""b"""\r\n');
		expect(await page.getByText('has a single quote', { exact: false }).count()).toBe(1);
		const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
		expect(JSON.parse(await readFile((await json.path())!, 'utf8'))).toEqual([{ formula: '=1+1', n: -5, quoted: 'a,"b"' }]);
	});

	it('a share link reproduces the query, its results and the chart', async () => {
		const { page } = await open();
		await gotoExplore(page);
		const sql = "SELECT period, median_weeks FROM rtt_summary WHERE provider_code = 'ENG' AND part = 'Part_2' AND treatment_code = 'C_999' ORDER BY period";
		await runSql(page, sql);
		await waitForRows(page, /^\d+ rows?$/);
		const before = await page.$$eval('[data-testid=results] tbody tr', (rows) => rows.map((r) => r.textContent));
		await page.getByRole('button', { name: 'Draw a chart of these results' }).click();
		await page.getByLabel('Chart type').selectOption('bar');
		await expect.poll(() => page.locator('#share-link').inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
		await page.waitForTimeout(200);
		const link = await page.locator('#share-link').inputValue();

		const other = (await open()).page;
		await other.goto(link);
		await other.waitForSelector('form.console[data-ready]');
		await waitForRows(other, /^\d+ rows?$/);
		expect(await editor(other).inputValue()).toBe(sql);
		expect(await other.$$eval('[data-testid=results] tbody tr', (rows) => rows.map((r) => r.textContent))).toEqual(before);
		expect(await other.getByLabel('Chart type').inputValue()).toBe('bar');
		// One bar per result row (the grid draws only the rows in view, so count from its row count).
		const rows = Number((await rowCount(other).textContent())!.replace(/\D/g, ''));
		expect(await other.locator('figure svg rect[fill="#005eb8"]').count()).toBe(rows);
	});

	it('a damaged share link does not break the page', async () => {
		const { page, consoleErrors } = await open();
		await gotoExplore(page, '#s=not-really-a-link');
		await expect.poll(() => page.getByTestId('status').textContent()).toContain('did not hold a query');
		expect(consoleErrors).toEqual([]);
	});

	it('exports a chart as SVG and PNG', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await runSql(page, 'SELECT range AS x, range * range AS y FROM range(20)');
		await waitForRows(page, '20 rows');
		await page.getByRole('button', { name: 'Draw a chart of these results' }).click();
		await page.getByLabel('Chart type').selectOption('scatter');
		expect(await page.locator('figure svg circle').count()).toBe(20);
		const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart as SVG' }).click()]);
		expect(await readFile((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart as PNG' }).click()]);
		const bytes = await readFile((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
	});

	it('loads a hostile CSV, joins it to providers and shows every cell as text', async () => {
		const { page, outside, consoleErrors } = await open();
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			dialog.dismiss().catch(() => {});
		});
		await gotoExplore(page);
		await runSql(page, 'SELECT code FROM providers ORDER BY code LIMIT 2');
		await waitForRows(page, '2 rows');
		const codes = await page.$$eval('[data-testid=results] tbody td', (tds) => tds.map((td) => td.textContent!));
		const csv = `code;note;score\r\n${codes[0]};<img src=x onerror=alert(1)>;1\r\n${codes[1]};=1+1;2\r\nBAD;too;many;fields\r\n`;
		await page.setInputFiles('#csv-file', { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
		await page.getByTestId('upload-done').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('upload-done').textContent()).toContain('Loaded 2 rows from hostile.csv as table hostile');
		expect(await page.getByText('1 of 3 rows were left out').count()).toBe(1);
		expect(await page.getByText(/^has 4 fields but the header has 3: there is 1 value after this, the last column/).count()).toBe(1);
		await runSql(page, 'SELECT p.code, p.name, h.note, h.score FROM hostile h JOIN providers p ON p.code = h.code ORDER BY p.code');
		await page.getByRole('button', { name: /^note/ }).waitFor({ timeout: 60_000 });
		await waitForRows(page, '2 rows');
		const notes = await page.$$eval('[data-testid=results] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
		expect(notes).toEqual(['<img src=x onerror=alert(1)>', '=1+1']);
		expect(await page.locator('main img').count()).toBe(0);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
		expect(await readFile((await download.path())!, 'utf8')).toContain(",'=1+1,2\r\n");
		await page.waitForTimeout(300);
		expect(dialogs).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('reads a Windows-1252 file separated by ¬', async () => {
		const { page } = await open();
		await gotoExplore(page);
		const bytes = Buffer.from('name¬price\r\nCafé¬£5\r\n', 'latin1');
		const workers: string[] = [];
		page.on('worker', (worker) => workers.push(worker.url()));
		await page.setInputFiles('#csv-file', { name: 'Prices 2026.csv', mimeType: 'text/csv', buffer: bytes });
		await page.getByTestId('upload-done').waitFor({ timeout: 60_000 });
		expect(await page.getByText('Read as Windows-1252').count()).toBe(1);
		// Parsed by our own bundled worker (csv-worker.ts), not on the page and not in a blob: worker.
		expect(await page.getByText(/in a background worker\.$/).count()).toBe(1);
		expect(workers.some((url) => /\/workers\/csv-worker-[\w-]+\.js$/.test(url)), workers.join(', ')).toBe(true);
		await runSql(page, 'SELECT * FROM prices_2026');
		await waitForRows(page, '1 row');
		expect(await page.$$eval('[data-testid=results] tbody td', (tds) => tds.map((td) => td.textContent))).toEqual(['Café', '£5']);
	});

	it('unpacks a gzip and a zip in the worker, and refuses a saved web page and a zip of two CSVs', async () => {
		const { page, outside, consoleErrors } = await open();
		await gotoExplore(page);
		/** Picks a file, then waits for what the upload says about it (loaded, or the reason it was not). */
		const upload = async (name: string, buffer: Buffer, says: string) => {
			await page.setInputFiles('#csv-file', { name, mimeType: 'application/octet-stream', buffer });
			await expect.poll(() => page.locator('.upload').textContent(), { timeout: 60_000 }).toContain(says);
		};
		await upload('waits.csv.gz', gzipSync('code~weeks\nRX1~18.5\nRX2~40\n'), 'Loaded 2 rows from waits.csv.gz as table waits');
		expect(await page.getByText('Unpacked from gzip, read as UTF-8, values separated by tilde (~), in a background worker.').count()).toBe(1);
		const zip = zipSync({ '__MACOSX/._w.csv': strToU8('x'), 'w.csv': strToU8('a|b\n1|2\n'), 'README.txt': strToU8('hi') });
		await upload('Archive.zip', Buffer.from(zip), 'Loaded 1 row from Archive.zip as table archive');
		await runSql(page, 'SELECT w.weeks, a.b FROM waits w, archive a ORDER BY w.weeks');
		await waitForRows(page, '2 rows');
		expect(await page.$$eval('[data-testid=results] tbody td', (tds) => tds.map((td) => td.textContent))).toEqual(['18.5', '2', '40', '2']);
		const two = zipSync({ 'a.csv': strToU8('a\n1\n'), 'b.csv': strToU8('b\n2\n') });
		await upload('two.zip', Buffer.from(two), 'two.zip is a zip archive holding more than one CSV file (a.csv, b.csv); unzip it and upload the CSV you want.');
		await upload('export.csv', Buffer.from('<!DOCTYPE html><html><body>Sign in</body></html>'), 'export.csv: this looks like a web page, not a CSV');
		expect(await page.locator('.upload [role=alert] h3').textContent()).toBe('The file could not be loaded');
		expect(outside).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it('saves a query in this browser', async () => {
		const { page } = await open();
		await gotoExplore(page);
		await editor(page).fill('SELECT 7 AS lucky');
		await page.getByLabel('Name for this query').fill('Lucky');
		await page.getByRole('button', { name: 'Save in this browser' }).click();
		await page.reload();
		await page.waitForSelector('form.console[data-ready]');
		await page.getByRole('button', { name: 'Load Lucky' }).click();
		expect(await editor(page).inputValue()).toBe('SELECT 7 AS lucky');
	});
});
