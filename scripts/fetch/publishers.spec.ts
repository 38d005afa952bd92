/**
 * `npm run data:fetch` against hand-written pages in the publishers' structure
 * (tests/fixtures/publishers) served from 127.0.0.1, with the real
 * data/sources.json: the months missing and only those, revisions over
 * originals, resuming a dropped download, and a page whose layout changed.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFetch } from './cli.ts';
import { loadSources } from './sources.ts';
import { startFileServer, type ServerOptions, type TestServer } from './test-server.ts';
import { buildMirror, CHANGED_PAGES, mirrorPath } from './test-mirror.ts';

const SOURCES = resolve(import.meta.dirname, '../../data/sources.json');
const NOW = new Date('2026-12-06T09:00:00Z');
const RTT_PAGES = 'www.england.nhs.uk/statistics/statistical-work-areas/rtt-waiting-times';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const months = (from: string, to: string) => {
	const out: string[] = [];
	for (let [y, m] = from.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? (y++, (m = 1)) : m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
	return out;
};

const hosts: string[] = [];
const guardedFetch: typeof fetch = (input, init) => {
	const url = new URL(input instanceof Request ? input.url : String(input));
	hosts.push(url.hostname);
	if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`test tried to reach ${url.host}`));
	return fetch(input, init);
};

let mirror: string;
let fixed: string[];
let work: string;
const servers: TestServer[] = [];
async function serve(root = mirror, options: ServerOptions = {}) {
	const server = await startFileServer(root, options);
	servers.push(server);
	return server;
}

async function fetchData(server: TestServer, out: string, ...args: string[]) {
	const lines: string[] = [];
	const sink = { write: (t: string) => lines.push(t), isTTY: false };
	const code = await runFetch(['--sources', SOURCES, '--out', out, '--mirror', server.baseUrl, ...args], {
		stderr: sink,
		stdout: sink,
		download: { fetch: guardedFetch, sleep: async () => {} },
		now: () => NOW
	});
	const record = existsSync(join(out, 'fetched.json')) ? JSON.parse(readFileSync(join(out, 'fetched.json'), 'utf8')).files : {};
	return { code, log: lines.join(''), record, summary: JSON.parse(readFileSync(join(out, 'fetch-summary.json'), 'utf8')) };
}
const zips = (server: TestServer) => server.requests.filter((r) => r.path.endsWith('.zip')).map((r) => /Full-CSV-data-file-([A-Za-z]{3}\d{2}(?:-revised)?)-/.exec(r.path)?.[1]);

beforeAll(async () => {
	fixed = (await loadSources(SOURCES)).flatMap((s) => s.files.map((f) => f.url));
	mirror = buildMirror({ extraUrls: fixed });
	work = mkdtempSync(join(tmpdir(), 'openwaits-publishers-'));
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.close()));
	rmSync(mirror, { recursive: true, force: true });
	rmSync(work, { recursive: true, force: true });
});

describe('data:fetch on the publishers’ pages', () => {
	const out = () => join(work, 'raw');

	it('downloads exactly the months missing for --since, taking each month’s newest upload', async () => {
		const first = await serve();
		const early = await fetchData(first, out(), '--since', '2026-01', '--only', 'nhse-rtt');
		expect(early.code).toBe(0);
		expect(early.summary.sources[0].added).toEqual(months('2026-01', '2026-09'));

		const second = await serve();
		const { code, log, record, summary } = await fetchData(second, out(), '--since', '2025-04', '--only', 'nhse-rtt');
		expect(code).toBe(0);
		// Only the nine months not already here were downloaded; April 2025 as its revised upload.
		expect(zips(second)).toEqual(['Apr25-revised', 'May25', 'Jun25', 'Jul25', 'Aug25', 'Sep25', 'Oct25', 'Nov25', 'Dec25']);
		// Pages: the landing page and the two financial years the months fall in (not 2024-25).
		expect(second.requests.filter((r) => !r.path.endsWith('.zip')).map((r) => r.path)).toEqual([
			`${RTT_PAGES}/`,
			`${RTT_PAGES}/rtt-data-2025-26/`,
			`${RTT_PAGES}/rtt-data-2026-27/`
		]);
		expect(summary.sources[0]).toMatchObject({ id: 'nhse-rtt', added: months('2025-04', '2025-12'), revised: [], unchanged: 9, error: null, months: months('2025-04', '2026-09') });
		expect(log).toContain('What was new since 2025-04: 9 new and 0 revised files.');
		const april = record['rtt/RTT-2025-04-full-extract.zip'];
		expect(april).toMatchObject({ period: '2025-04', sourceId: 'nhse-rtt', page: `https://${RTT_PAGES}/rtt-data-2025-26/` });
		expect(april.url).toMatch(/^https:\/\/www\.england\.nhs\.uk\/statistics\/wp-content\/uploads\/sites\/2\/2025\/10\/Full-CSV-data-file-Apr25-revised-/);
		expect(sha(join(out(), 'rtt/RTT-2025-04-full-extract.zip'))).toBe(april.sha256);
		expect(april.sha256).toBe(sha(mirrorPath(mirror, april.url)));
	});

	it('replaces a month’s file when the publisher uploads a revision, and says so', async () => {
		// As if April 2025 had been fetched before its revision was published.
		const recordPath = join(out(), 'fetched.json');
		const saved = JSON.parse(readFileSync(recordPath, 'utf8'));
		const original = readFileSync(join(mirror, RTT_PAGES, 'rtt-data-2025-26/index.html'), 'utf8').match(/https:[^"]*Full-CSV-data-file-Apr25-ZIP[^"]*/)![0];
		const entry = saved.files['rtt/RTT-2025-04-full-extract.zip'];
		const revisedUrl = entry.url;
		saved.files['rtt/RTT-2025-04-full-extract.zip'] = { ...entry, url: original, sha256: sha(mirrorPath(mirror, original)) };
		writeFileSync(recordPath, JSON.stringify(saved));
		cpSync(mirrorPath(mirror, original), join(out(), 'rtt/RTT-2025-04-full-extract.zip'));

		const server = await serve();
		const { code, record, summary, log } = await fetchData(server, out(), '--since', '2025-04', '--only', 'nhse-rtt');
		expect(code).toBe(0);
		expect(zips(server)).toEqual(['Apr25-revised']);
		expect(summary.sources[0]).toMatchObject({ added: [], revised: ['2025-04'], unchanged: 17 });
		expect(record['rtt/RTT-2025-04-full-extract.zip']).toMatchObject({ url: revisedUrl, replaces: { url: original } });
		expect(log).toContain('rtt/RTT-2025-04-full-extract.zip: ');
		expect(log).toContain('revised: replaces the earlier upload');
		expect(log).toContain('0 new and 1 revised file.');
	});

	it('resumes a download after the connection drops part-way', async () => {
		const june = readFileSync(join(mirror, RTT_PAGES, 'rtt-data-2026-27/index.html'), 'utf8').match(/https:[^"]*Full-CSV-data-file-Jun26-ZIP[^"]*/)![0];
		const path = mirrorPath(mirror, june).slice(mirror.length + 1);
		const server = await serve(mirror, { dropAfter: { [path]: 700 } });
		const dir = join(work, 'resume');
		const { code, record, log } = await fetchData(server, dir, '--since', '2026-06', '--only', 'nhse-rtt');
		expect(code).toBe(0);
		expect(server.requests.filter((r) => r.path === path).map((r) => [r.range, r.status])).toEqual([[null, 200], ['bytes=700-', 206]]);
		expect(log).toMatch(/RTT-2026-06-full-extract\.zip: .*resumed, 2 attempts/);
		expect(record['rtt/RTT-2026-06-full-extract.zip'].sha256).toBe(sha(mirrorPath(mirror, june)));
		expect(sha(join(dir, 'rtt/RTT-2026-06-full-extract.zip'))).toBe(sha(mirrorPath(mirror, june)));
	});

	it('fails clearly on a page whose layout changed, keeping every file already downloaded and fetching the other sources', async () => {
		const changed = buildMirror({ extraUrls: fixed, replacePages: { [`${RTT_PAGES}/rtt-data-2026-27/index.html`]: join(CHANGED_PAGES, 'rtt-data-2026-27.html') } });
		const before = Object.fromEntries(Object.entries(JSON.parse(readFileSync(join(out(), 'fetched.json'), 'utf8')).files).map(([name]) => [name, sha(join(out(), name))]));
		try {
			const server = await serve(changed);
			const { code, log, record, summary } = await fetchData(server, out(), '--since', '2025-04');
			expect(code, log).toBe(1);
			const rtt = summary.sources.find((s: { id: string }) => s.id === 'nhse-rtt');
			expect(rtt.error).toBe(
				`https://${RTT_PAGES}/rtt-data-2026-27/: a link titled 'Full CSV data file <Mon><YY> (ZIP, …)' was not found on the page (it has 3 links). ` +
					'The publisher may have changed the page\'s layout: open it, find the link, and update "discover" for "nhse-rtt" in data/sources.json. Nothing was downloaded for nhse-rtt; files already fetched are kept.'
			);
			expect(log).toContain(`nhse-rtt: FAILED: https://${RTT_PAGES}/rtt-data-2026-27/: a link titled`);
			expect(server.requests.filter((r) => r.path.endsWith('.zip') && r.path.includes('Full-CSV'))).toEqual([]);
			for (const [name, digest] of Object.entries(before)) expect(sha(join(out(), name)), name).toBe(digest);
			expect(rtt.months).toEqual(months('2025-04', '2026-09'));
			// The other sources carried on: A&E's months (May 2025 revised), the ODS and survey files from their pages, the fixed files.
			const ae = summary.sources.find((s: { id: string }) => s.id === 'nhse-ae');
			expect(ae).toMatchObject({ added: months('2025-04', '2026-10'), error: null });
			expect(record['ae/AE-2025-05.csv'].url).toMatch(/May-2025-CSV-revised-/);
			for (const name of ['organisations/etr.zip', 'satisfaction/Adult-Inpatient-Survey-2022.ods', 'organisations/hospital-sites/Hospital.csv', 'geo/codepo_gb.zip']) {
				expect(existsSync(join(out(), name)), `${name}\n${log}`).toBe(true);
			}
			expect(record['organisations/etr.zip'].url).toBe('https://files.digital.nhs.uk/assets/ods/current/etr.zip');
		} finally {
			rmSync(changed, { recursive: true, force: true });
		}
	});

	it.each([
		{ name: 'a landing page without year links', page: `${RTT_PAGES}/index.html`, html: '<a href="/x">Statistics</a>', error: `https://${RTT_PAGES}/: a link to any financial year's page (an address matching /rtt-data-(?<start>\\d{4})-\\d{2}/?$) was not found on the page (it has 1 links).` },
		{ name: 'a landing page missing a past year', page: `${RTT_PAGES}/index.html`, html: '<a href="rtt-data-2026-27/">RTT Data 2026-27</a>', error: `https://${RTT_PAGES}/: the link to the 2025-26 page was not found` }
	])('names the page and the link for $name', async ({ page, html, error }) => {
		const broken = buildMirror();
		writeFileSync(join(broken, page), html);
		try {
			const server = await serve(broken);
			const { code, summary } = await fetchData(server, join(work, 'broken'), '--since', '2025-04', '--only', 'nhse-rtt');
			expect(code).toBe(1);
			expect(summary.sources[0].error).toContain(error);
		} finally {
			rmSync(broken, { recursive: true, force: true });
		}
	});

	it('sent every request to 127.0.0.1 with the OpenWaits User-Agent', () => {
		expect(hosts.length).toBeGreaterThan(0);
		expect(hosts.filter((h) => h !== '127.0.0.1')).toEqual([]);
		const agents = new Set(servers.flatMap((s) => s.requests.map((r) => r.userAgent)));
		expect([...agents]).toEqual([expect.stringMatching(/^OpenWaits-data-fetch\/\d+\.\d+\.\d+ \(monthly download of published statistics, one request at a time/)]);
	});
});
