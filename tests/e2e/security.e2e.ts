/**
 * The SQL console cannot be turned into a way to reach other sites. A second
 * HTTP server on another port of 127.0.0.1 (so the "no outside requests"
 * check of the other tests would not notice it) serves a CSV, a Parquet file
 * and an extension repository, with CORS open to anyone; every query that
 * names it must end in an error on the page and the server must receive
 * nothing. The page's Content-Security-Policy is checked here too.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const dataset = inject('dataset');
const { open } = useBrowser();

let other: Server;
let otherUrl = '';
/** Every request the other server received, as "METHOD path". */
const received: string[] = [];

beforeAll(async () => {
	other = createServer((request, response) => {
		received.push(`${request.method} ${request.url}`);
		// Open CORS, so that only the site's own defences (not the browser's) can stop a request from working.
		response.writeHead(200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'content-type': 'text/csv' });
		response.end('secret,value\nleaked,1\n');
	});
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	const address = other.address();
	otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	// The counter works: a request from here is recorded (then forgotten).
	await (await fetch(`${otherUrl}/control`)).text();
	expect(received).toEqual(['GET /control']);
});

beforeEach(() => {
	received.length = 0;
});

afterAll(async () => {
	other.closeAllConnections?.();
	await new Promise<void>((resolve) => other.close(() => resolve()));
});

async function gotoExplore(page: Page) {
	await page.goto(`${siteUrl}/explore`);
	await page.waitForSelector('form.console[data-ready]');
}

/** Runs one statement and returns the error shown for it ('' when it did not fail). */
async function runAndReadError(page: Page, sql: string): Promise<string> {
	await page.getByLabel('SQL query', { exact: true }).fill(sql);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/returned|failed|cancelled/);
	const error = page.getByTestId('sql-error');
	return (await error.count()) ? ((await error.textContent()) ?? '').trim() : '';
}

describe(`DuckDB-WASM in /explore cannot reach another site (${dataset} data)`, () => {
	/** Settings that would open the door if they were allowed: refused or not, what follows must still fail. */
	const settings = (url: string): string[] => [
		`SET custom_extension_repository = '${url}'`,
		`SET autoinstall_extension_repository = '${url}'`,
		'SET autoinstall_known_extensions = true',
		'SET autoload_known_extensions = true',
		'SET enable_external_access = true',
		`SET allowed_directories = ['${url}/']`,
		'SET allow_unsigned_extensions = true',
		`INSTALL httpfs FROM '${url}'`,
		'INSTALL httpfs'
	];
	/** Statements that would read from, write to or load code from the other server: each must fail. */
	const reaches = (url: string): string[] => [
		'LOAD httpfs',
		`LOAD '${url}/httpfs.duckdb_extension.wasm'`,
		`SELECT * FROM read_csv('${url}/x.csv')`,
		`SELECT * FROM read_csv_auto('${url}/auto.csv')`,
		`SELECT * FROM '${url}/replacement.csv'`,
		`SELECT * FROM read_parquet('${url}/x.parquet')`,
		`SELECT * FROM read_json('${url}/x.json')`,
		`SELECT * FROM read_text('${url}/x.txt')`,
		`ATTACH '${url}/x.duckdb' AS remote`,
		`ATTACH 'openwaits/../${url}/y.duckdb' AS remote`,
		`COPY (SELECT 1 AS n) TO '${url}/upload.csv'`
	];

	it('every statement that names the other server fails on the page, and the server receives no request', async () => {
		const { page, outside, consoleErrors } = await open();
		await gotoExplore(page);
		// The engine first answers an ordinary query, so the failures below are not a failure to start.
		expect(await runAndReadError(page, 'SELECT 42 AS answer')).toBe('');
		for (const sql of settings(otherUrl)) await runAndReadError(page, sql);
		const succeeded: string[] = [];
		for (const sql of reaches(otherUrl)) {
			const error = await runAndReadError(page, sql);
			if (error === '') succeeded.push(sql);
			else expect(error.length, sql).toBeGreaterThan(10);
		}
		expect(succeeded).toEqual([]);
		await page.waitForTimeout(500);
		expect(received).toEqual([]);
		expect(outside).toEqual([]);
		expect(consoleErrors.filter((e) => !/Content Security Policy|ERR_|Failed to load/i.test(e))).toEqual([]);
	});

	it('the settings are locked: a SET typed in the console shows an error and changes nothing', async () => {
		const { page } = await open();
		await gotoExplore(page);
		expect(await runAndReadError(page, 'SELECT 42 AS answer')).toBe('');
		for (const sql of [
			'SET autoinstall_known_extensions = true',
			`SET custom_extension_repository = '${otherUrl}'`,
			'SET enable_external_access = true',
			'SET lock_configuration = false',
			`SET allowed_directories = ['/', '${otherUrl}/']`,
			'RESET autoinstall_known_extensions'
		]) {
			expect(await runAndReadError(page, sql), sql).toMatch(/configuration has been locked/i);
		}
		const values = "SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('custom_extension_repository') AS repository, current_setting('enable_external_access') AS external";
		expect(await runAndReadError(page, values)).toBe('');
		const cells = await page.$$eval('[data-testid=results] tbody tr td', (tds) => tds.map((td) => td.textContent));
		expect(cells.slice(0, 3)).toEqual(['false', expect.not.stringContaining('127.0.0.1'), 'false']);
		expect(received).toEqual([]);
	});

	it('the page itself cannot fetch from the other server either (connect-src)', async () => {
		const { page } = await open();
		await gotoExplore(page);
		const result = await page.evaluate(async (url) => {
			try {
				await fetch(`${url}/from-page.csv`);
				return 'fetched';
			} catch (error) {
				return `refused: ${(error as Error).message}`;
			}
		}, otherUrl);
		expect(result).toMatch(/^refused/);
		await page.waitForTimeout(300);
		expect(received).toEqual([]);
	});
});

describe(`the Content-Security-Policy of /explore (${dataset} data)`, () => {
	it('is strict: no inline or eval scripts, no other hosts, no plugins', async () => {
		const { page } = await open();
		const response = await page.goto(`${siteUrl}/explore`);
		const header = response?.headers()['content-security-policy'] ?? null;
		const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		// A static host sends no header of ours; the policy travels in the page (SvelteKit's csp option, with hashes).
		const policy = meta ?? header ?? '';
		const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
		expect(directives.get('default-src')).toEqual(["'self'"]);
		expect(directives.get('connect-src')).toEqual(["'self'"]);
		expect(directives.get('object-src')).toEqual(["'none'"]);
		expect(directives.get('base-uri')).toEqual(["'self'"]);
		const scripts = directives.get('script-src') ?? [];
		expect(scripts).toContain("'self'");
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		expect(scripts.filter((s) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(s))).toEqual([]);
		for (const name of ['worker-src', 'img-src', 'style-src']) {
			for (const source of directives.get(name) ?? []) expect(source, `${name} ${source}`).toMatch(/^('self'|'unsafe-inline'|'none'|data:|blob:)$/);
		}
		// No inline event handlers anywhere in the page as served.
		expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)))).toEqual([]);
	});
});
