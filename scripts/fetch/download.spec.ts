import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../lib/shared-data.ts';
import { ChecksumError, HttpStatusError, downloadFile, isRetryable, parseContentRange } from './download.ts';
import { generatedFiles, parseRange, startFileServer, type ServerOptions, type TestServer } from './test-server.ts';

// Real published files when this machine has them (a 3.6 MB zip and a small CSV); otherwise stand-ins.
const shared = sharedDataDir();
const BIG = 'rtt/RTT-January-2026-full-extract.zip';
const SMALL = 'organisations/etr.csv';
const root = shared && existsSync(join(shared, BIG)) ? shared : generatedFiles({ [BIG]: 600_000, [SMALL]: 5_000 });

const sha256sum = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
const noSleep = async () => {};

let out: string;
const servers: TestServer[] = [];
async function serve(options: ServerOptions = {}) {
	const server = await startFileServer(root, options);
	servers.push(server);
	return server;
}

beforeAll(() => {
	out = mkdtempSync(join(tmpdir(), 'openwaits-fetch-'));
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.close()));
	rmSync(out, { recursive: true, force: true });
});

describe('downloadFile', () => {
	it.each([BIG, SMALL])('downloads %s whole, with the same sha256 as sha256sum of the original', async (name) => {
		const server = await serve();
		const dest = join(out, 'full', name);
		const expected = sha256sum(join(root, name));
		const result = await downloadFile(`${server.baseUrl}/${name}`, dest, { expectedSha256: expected });
		expect(result).toMatchObject({ sha256: expected, size: statSync(join(root, name)).size, resumed: false, attempts: 1 });
		expect(sha256sum(dest)).toBe(expected);
		expect(existsSync(`${dest}.part`)).toBe(false);
		expect(server.requests.map((r) => r.range)).toEqual([null]);
	});

	it('resumes with a Range request after the server drops the connection part-way', async () => {
		const server = await serve({ dropAfter: { [BIG]: 100_000 } });
		const dest = join(out, 'dropped', 'big.zip');
		const expected = sha256sum(join(root, BIG));
		const result = await downloadFile(`${server.baseUrl}/${BIG}`, dest, { expectedSha256: expected, sleep: noSleep });
		expect(result).toMatchObject({ sha256: expected, resumed: true, attempts: 2 });
		expect(server.requests.map((r) => [r.range, r.status])).toEqual([[null, 200], ['bytes=100000-', 206]]);
		expect(sha256sum(dest)).toBe(expected);
	});

	const original = () => readFileSync(join(root, BIG));
	it.each([
		{ name: 'a .part left by an earlier run is continued (206)', options: {}, part: 12_345, ranges: ['bytes=12345-'], resumed: true },
		{ name: 'a server that ignores Range (200) makes us start again', options: { ignoreRange: true }, part: 12_345, ranges: ['bytes=12345-'], resumed: false },
		{ name: 'a .part already complete is finished without re-downloading (416)', options: {}, part: -1, ranges: [`bytes=${original().length}-`], resumed: true }
	])('$name', async ({ options, part, ranges, resumed }) => {
		const server = await serve(options);
		const dest = join(out, `part-${part}-${ranges.length}-${String(resumed)}`, 'big.zip');
		const bytes = original();
		mkdirSync(join(dest, '..'), { recursive: true });
		writeFileSync(`${dest}.part`, part < 0 ? bytes : bytes.subarray(0, part));
		const result = await downloadFile(`${server.baseUrl}/${BIG}`, dest, { expectedSha256: sha256sum(join(root, BIG)) });
		expect(server.requests.map((r) => r.range)).toEqual(ranges);
		expect(result.resumed).toBe(resumed);
		expect(readFileSync(dest).equals(bytes)).toBe(true);
	});

	it('removes the file and names both checksums when the sha256 does not match', async () => {
		const server = await serve();
		const dest = join(out, 'mismatch', 'etr.csv');
		const wrong = '0'.repeat(64);
		const error = await downloadFile(`${server.baseUrl}/${SMALL}`, dest, { expectedSha256: wrong }).catch((e) => e);
		expect(error).toBeInstanceOf(ChecksumError);
		expect(error.message).toContain(wrong);
		expect(error.message).toContain(sha256sum(join(root, SMALL)));
		expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
	});

	it('reports a 404 with the URL and status, once, saving nothing', async () => {
		const server = await serve();
		const url = `${server.baseUrl}/no/such-file.zip`;
		const dest = join(out, '404', 'x.zip');
		const error = await downloadFile(url, dest, { sleep: noSleep }).catch((e) => e);
		expect(error).toBeInstanceOf(HttpStatusError);
		expect(error.message).toBe(`${url} answered HTTP 404 Not Found; nothing was saved.`);
		expect(server.requests).toHaveLength(1);
		expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
	});

	it('retries a 503 with growing waits, a bounded number of times', async () => {
		const server = await serve({ statusFor: { [SMALL]: 503 } });
		const waits: number[] = [];
		const error = await downloadFile(`${server.baseUrl}/${SMALL}`, join(out, '503', 'x'), {
			retries: 3, backoffMs: 100, sleep: async (ms) => void waits.push(ms)
		}).catch((e) => e);
		expect(error.message).toContain('answered HTTP 503');
		expect(server.requests).toHaveLength(4);
		expect(waits).toEqual([100, 200, 400]);
	});

	it('gives up on a refused connection with a clear message', async () => {
		const server = await serve();
		const url = `${server.baseUrl}/${SMALL}`;
		await server.close();
		const error = await downloadFile(url, join(out, 'refused', 'x'), { retries: 1, sleep: noSleep }).catch((e) => e);
		expect(error.message).toMatch(new RegExp(`^could not download ${url.replaceAll('.', '\\.')} after 2 attempts: .*ECONNREFUSED`));
	});
});

describe('parseContentRange', () => {
	it.each([
		['bytes 100-999/1000', { start: 100, total: 1000 }],
		['bytes 0-0/*', { start: 0, total: null }],
		['bytes */1000', null],
		[null, null],
		['items 1-2/3', null]
	])('%s', (header, expected) => expect(parseContentRange(header)).toEqual(expected));
});

describe('isRetryable', () => {
	it.each([
		['HTTP 404', new HttpStatusError('u', 404, ''), false],
		['HTTP 503', new HttpStatusError('u', 503, ''), true],
		['HTTP 429', new HttpStatusError('u', 429, ''), true],
		['checksum', new ChecksumError('u', 'a', 'b'), false],
		['fetch failed', new TypeError('fetch failed'), true],
		['disk full', Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), false]
	])('%s → %s', (_name, error, expected) => expect(isRetryable(error)).toBe(expected));
});

describe('test server parseRange', () => {
	it.each([
		['bytes=0-', 10, { start: 0, end: 9 }],
		['bytes=4-', 10, { start: 4, end: 9 }],
		['bytes=4-6', 10, { start: 4, end: 6 }],
		['bytes=10-', 10, 'unsatisfiable'],
		[undefined, 10, null],
		['bytes=-5', 10, null]
	])('%s of %i bytes', (header, size, expected) => expect(parseRange(header, size)).toEqual(expected));
});
