import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../lib/shared-data.ts';
import { runFetch } from './cli.ts';
import { loadSources, planDownloads } from './sources.ts';
import { generatedFiles, startFileServer, type TestServer } from './test-server.ts';

const shared = sharedDataDir();
const BIG = 'rtt/RTT-January-2026-full-extract.zip';
const SMALL = 'organisations/etr.csv';
const root = shared && existsSync(join(shared, BIG)) ? shared : generatedFiles({ [BIG]: 300_000, [SMALL]: 5_000 });
const sha256sum = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];

/** Collects what the command writes; not a TTY, as in CI. */
function sink() {
	const lines: string[] = [];
	return { lines, write: (text: string) => lines.push(text), isTTY: false };
}

/** Every URL the command fetches, refusing any host but 127.0.0.1 so a slip cannot reach the internet. */
const fetched: string[] = [];
const guardedFetch: typeof fetch = (input, init) => {
	const url = new URL(input instanceof Request ? input.url : String(input));
	fetched.push(url.toString());
	if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`test tried to reach ${url.host}`));
	return fetch(input, init);
};

let server: TestServer;
let dir: string;
let sourcesPath: string;

function sourcesList(files: { saveAs: string; sha256?: string | null }[]) {
	return JSON.stringify({
		sources: [{
			id: 'test', title: 'Test', publisher: 'Test', licence: 'OGL', landingPage: 'https://example.org/',
			files: files.map((f) => ({ url: `https://example.org/official/${f.saveAs}`, ...f }))
		}]
	});
}

async function run(args: string[]) {
	const stderr = sink();
	const stdout = sink();
	const code = await runFetch(args, { stderr, stdout, download: { fetch: guardedFetch, sleep: async () => {} }, now: () => new Date('2026-03-12T09:30:00Z') });
	return { code, stderr: stderr.lines.join(''), stdout: stdout.lines.join('') };
}

beforeAll(async () => {
	server = await startFileServer(root);
	dir = mkdtempSync(join(tmpdir(), 'openwaits-fetch-cli-'));
	sourcesPath = join(dir, 'sources.json');
	writeFileSync(sourcesPath, sourcesList([{ saveAs: BIG, sha256: sha256sum(join(root, BIG)) }, { saveAs: SMALL, sha256: null }]));
});
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('data:fetch', () => {
	it('downloads every file from --base-url, verifies, records, and writes one line per file', async () => {
		const out = join(dir, 'raw');
		const { code, stderr } = await run(['--sources', sourcesPath, '--out', out, '--base-url', server.baseUrl]);
		expect(code).toBe(0);
		for (const name of [BIG, SMALL]) expect(sha256sum(join(out, name))).toBe(sha256sum(join(root, name)));
		const record = JSON.parse(readFileSync(join(out, 'fetched.json'), 'utf8'));
		expect(record.files[SMALL]).toEqual({
			url: `https://example.org/official/${SMALL}`,
			servedFrom: `${server.baseUrl}/${SMALL}`,
			sourceId: 'test',
			size: readFileSync(join(root, SMALL)).length,
			sha256: sha256sum(join(root, SMALL)),
			fetchedAt: '2026-03-12T09:30:00.000Z'
		});
		const lines = stderr.trim().split('\n');
		expect(lines).toEqual([
			expect.stringMatching(new RegExp(`^${BIG}: .* \\(sha256 verified\\)$`)),
			expect.stringMatching(new RegExp(`^${SMALL}: .* \\(sha256 [0-9a-f]{64}\\)$`)),
			'What was new since 2024-03: 2 new and 0 revised files.',
			`  test: new ${BIG}, ${SMALL}`,
			expect.stringMatching(/^2 files in /)
		]);

		// A second run finds both files already there and makes no request.
		const before = fetched.length;
		const again = await run(['--sources', sourcesPath, '--out', out, '--base-url', server.baseUrl]);
		expect(again.code).toBe(0);
		expect(again.stderr).toContain('already fetched');
		expect(fetched.length).toBe(before);
	});

	it.each([
		{ name: 'unknown --only', args: ['--only', 'nope'], code: 2, message: 'no source with id "nope"; the ids are: test.' },
		{ name: 'unknown option', args: ['--colour'], code: 2, message: "Unknown option '--colour'" },
		{ name: 'bad --retries', args: ['--retries', 'many'], code: 2, message: '--retries must be a whole number' }
	])('$name → exit $code', async ({ args, code, message }) => {
		const result = await run(['--sources', sourcesPath, '--out', join(dir, 'unused'), ...args]);
		expect(result.code).toBe(code);
		expect(result.stderr).toContain(message);
	});

	it('carries on past a missing file and exits 1 naming it', async () => {
		const list = join(dir, 'with-missing.json');
		writeFileSync(list, sourcesList([{ saveAs: 'missing/file.zip' }, { saveAs: SMALL }]));
		const out = join(dir, 'partial');
		const { code, stderr } = await run(['--sources', list, '--out', out, '--base-url', `${server.baseUrl}/`]);
		expect(code).toBe(1);
		expect(stderr).toContain(`missing/file.zip: FAILED: ${server.baseUrl}/missing/file.zip answered HTTP 404 Not Found`);
		expect(stderr).toContain(`  test: new ${SMALL}; FAILED missing/file.zip\nFailed: test.`);
		expect(existsSync(join(out, SMALL))).toBe(true);
	});

	it('prints usage for --help', async () => {
		const { code, stdout } = await run(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('--base-url <url>');
	});

	it('never sent a request anywhere but 127.0.0.1', () => {
		expect(fetched.length).toBeGreaterThan(0);
		expect(fetched.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
		expect(server.requests.every((r) => r.host?.startsWith('127.0.0.1:'))).toBe(true);
	});
});

describe('data/sources.json', () => {
	it('is a valid sources list covering each publisher; NHS England, ODS and the survey are found on their pages', async () => {
		const sources = await loadSources(resolve(import.meta.dirname, '../../data/sources.json'));
		expect(sources.map((s) => s.id)).toEqual(['nhse-rtt', 'nhse-ae', 'ods-trusts', 'ods-independent', 'nhs-website-hospitals', 'os-codepoint-open', 'cqc-inpatient-survey-2022']);
		expect(sources.filter((s) => s.discover).map((s) => s.id)).toEqual(['nhse-rtt', 'nhse-ae', 'ods-trusts', 'cqc-inpatient-survey-2022']);
		const plan = planDownloads(sources, { baseUrl: 'http://127.0.0.1:9' });
		expect(plan.every((p) => p.url.startsWith('http://127.0.0.1:9/'))).toBe(true);
		expect(plan.every((p) => p.officialUrl.startsWith('https://'))).toBe(true);
	});
});
