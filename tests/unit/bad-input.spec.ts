/**
 * The bad-input corpus (tests/fixtures/bad) through the whole build: each file beside a
 * valid RTT month, strict, asserting the exact message or the exact row counts; then
 * --allow-rejects on a few, the atomic output, the CLI's exit code and a 20 MB line.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { RTT_HEADER } from '../../src/lib/schema/rtt.ts';
import { BuildFailed, buildSiteData } from '../../scripts/build/pipeline.ts';
import { discoverSources, SAMPLE_BYTES } from '../../scripts/lib/source-files.ts';
import { aeReader, hospitalSitesReader, type AeRow, type HospitalSiteRow } from '../../scripts/readers/index.ts';
import type { ReadResult } from '../../scripts/readers/types.ts';
import { CASES, type BadCase } from '../fixtures/bad/cases.ts';
import { BASE_MONTH, FILES_DIR, baseMonth, corpus } from '../fixtures/bad/make-corpus.ts';

let root: string;
/** One output folder for every build, so each failure can be checked to leave it alone. */
let out: string;
let lastGood: string | null = null;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'bad-input-'));
	out = join(root, 'site-data');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh input folder holding the case file (under its own name) and the base month. */
function inputWith(name: string, from = join(FILES_DIR, name)): string {
	const input = mkdtempSync(join(root, 'in-'));
	copyFileSync(from, join(input, name));
	copyFileSync(BASE_MONTH, join(input, 'base-month.csv'));
	return input;
}

type Outcome = { manifest: Manifest; problems: null } | { manifest: null; problems: string[] };

async function build(input: string, allowRejects = false): Promise<Outcome> {
	try {
		const manifest = await buildSiteData({ input, out, allowRejects, demonstration: true });
		lastGood = readFileSync(join(out, 'manifest.json'), 'utf8');
		return { manifest, problems: null };
	} catch (error) {
		if (!(error instanceof BuildFailed)) throw error;
		// A failed build leaves the last good output exactly as it was, and no staging folder.
		if (lastGood !== null) expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(lastGood);
		expect(readdirSync(root).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
		return { manifest: null, problems: error.problems };
	}
}

const caseSources = (manifest: Manifest) =>
	manifest.sources
		.filter((s) => s.file !== 'base-month.csv')
		.map(({ file, dataset, rowsRead, rowsAccepted, rowsRejected }) => ({ file, dataset, rowsRead, rowsAccepted, rowsRejected }));

describe('the corpus', () => {
	it('has at least 30 cases, one per committed file, each well under 50 KB, and is reproducible', () => {
		const files = readdirSync(FILES_DIR).sort();
		expect(CASES.length).toBeGreaterThanOrEqual(30);
		expect(CASES.map((c) => c.file).sort()).toEqual(files);
		const made = corpus();
		expect([...made.keys()].sort()).toEqual(files);
		for (const [name, bytes] of made) {
			expect(bytes.length, name).toBeLessThan(50_000);
			expect(Buffer.compare(readFileSync(join(FILES_DIR, name)), bytes), `${name} differs from make-corpus.ts: run it again`).toBe(0);
		}
		expect(Buffer.compare(readFileSync(BASE_MONTH), baseMonth())).toBe(0);
	});
});

describe('each bad file beside a valid month, strict build', () => {
	it('builds the base month alone (the last good output every failure must keep)', async () => {
		const input = mkdtempSync(join(root, 'in-'));
		copyFileSync(BASE_MONTH, join(input, 'base-month.csv'));
		const { manifest } = await build(input);
		expect(manifest?.periods).toEqual(['2026-03']);
	});

	for (const c of CASES) {
		it(`${c.file}: ${c.what}`, async () => {
			const result = await build(inputWith(c.file));
			checkCase(c, result);
		});
	}
});

function checkCase(c: BadCase, result: Outcome): void {
	const e = c.expect;
	if ('error' in e) {
		expect(result.problems).toEqual([e.error]);
		expect(e.error.startsWith(`${c.file}, line `)).toBe(true);
		return;
	}
	if ('ignored' in e) {
		expect(result.problems).toBeNull();
		expect(caseSources(result.manifest!)).toEqual([]);
		return;
	}
	for (const s of e.sources) expect(s.rowsAccepted + s.rowsRejected).toBe(s.rowsRead);
	const rejected = e.sources.filter((s) => s.rowsRejected > 0);
	if (rejected.length === 0) {
		expect(result.problems).toBeNull();
		expect(caseSources(result.manifest!)).toEqual(e.sources);
		if (e.firstIssue) {
			const issue = result.manifest!.sources.find((s) => s.file === c.file)!.issues[0];
			expect(`${issue.file}, line ${issue.line}${issue.column ? `, column "${issue.column}"` : ''}: ${issue.message}`).toBe(e.firstIssue);
		}
		return;
	}
	const [s] = rejected;
	expect(result.problems?.slice(0, 2)).toEqual([
		`${s.file}: ${s.rowsRejected} of ${s.rowsRead} rows rejected (use --allow-rejects to keep the good rows).`,
		e.firstIssue
	]);
}

describe('what the accepted files hold', () => {
	const bytes = (file: string) => new Uint8Array(readFileSync(join(FILES_DIR, file)));

	it('keeps hostile names as plain text in the hospital list', () => {
		const { rows } = hospitalSitesReader.read('h.csv', bytes('hospital-sites-hostile.csv')) as ReadResult<HospitalSiteRow>;
		expect(rows[1].name).toBe('<img src=x onerror=alert(1)>');
		expect(rows[1].address.startsWith('=HYPERLINK("http://example.invalid/","click me")')).toBe(true);
	});

	it('decodes Windows-1252 names in the hospital list and A&E', () => {
		const sites = hospitalSitesReader.read('h.csv', bytes('hospital-sites-tilde-windows-1252.csv')) as ReadResult<HospitalSiteRow>;
		expect(sites.rows[2].name).toBe('St Mary’s – Café Wing');
		const ae = aeReader.read('a.csv', bytes('ae-windows-1252-names.csv')) as ReadResult<AeRow>;
		expect(ae.rows[1].orgName).toBe('ST MARY’S HOSPITAL – CAFÉ WING');
	});

	it('keeps hostile and Windows-1252 RTT names as text in the output', async () => {
		const input = mkdtempSync(join(root, 'in-'));
		for (const file of ['rtt-hostile-names.csv']) copyFileSync(join(FILES_DIR, file), join(input, file));
		const win = mkdtempSync(join(root, 'in-'));
		copyFileSync(join(FILES_DIR, 'rtt-windows-1252-names.csv'), join(win, 'rtt-windows-1252-names.csv'));
		for (const [dir, column, text] of [[input, 'provider_name', '<img src=x onerror=alert(1)>'], [input, 'treatment_name', '=HYPERLINK("http://example.invalid/","click me")'], [win, 'provider_parent_name', 'ST MARY’S – (DEMO)']]) {
			const { manifest } = await build(dir);
			const table = manifest!.tables.find((t) => t.name === 'rtt_detail_2026_02')!;
			const instance = await DuckDBInstance.create(':memory:');
			const connection = await instance.connect();
			const found = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet($path) WHERE contains(${column}, $text)`, { path: join(out, table.parquet!), text })).getRowObjectsJS();
			connection.closeSync();
			instance.closeSync();
			expect(found[0].n, `${column} ${text}`).toBeGreaterThan(0);
		}
	});
});

describe('--allow-rejects keeps the good rows', () => {
	for (const file of ['rtt-text-in-count.csv', 'ae-negative-count.csv', 'hospital-sites-shifted.csv']) {
		it(file, async () => {
			const c = CASES.find((k) => k.file === file)!;
			const { manifest } = await build(inputWith(file), true);
			expect(manifest).not.toBeNull();
			expect(caseSources(manifest!)).toEqual((c.expect as { sources: unknown }).sources);
			const source = manifest!.sources.find((s) => s.file === file)!;
			expect(source.rowsRejected).toBeGreaterThan(0);
			if (file.startsWith('rtt')) {
				expect(manifest!.periods).toEqual(['2026-02', '2026-03']);
				expect(manifest!.tables.map((t) => t.name)).toContain('rtt_detail_2026_03');
			}
		});
	}
});

describe('the command line', () => {
	it('exits 1 in strict mode, names the problem and writes nothing', () => {
		const input = inputWith('rtt-negative-count.csv');
		const strict = spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/build-data.ts'), '--input', input, '--out', join(root, 'cli-out'), '--quiet'], { encoding: 'utf8' });
		expect(strict.status).toBe(1);
		expect(strict.stderr).toContain('rtt-negative-count.csv, line 3, column "Gt 03 To 04 Weeks SUM 1": a count cannot be negative (-5).');
		expect(existsSync(join(root, 'cli-out'))).toBe(false);
	});
});

describe('huge lines are refused quickly, without reading the file into memory', () => {
	async function writeBig(path: string, head: string, bytes: number): Promise<void> {
		const stream = createWriteStream(path);
		stream.write(head);
		const chunk = Buffer.alloc(1 << 20, 'x');
		for (let written = 0; written < bytes; written += chunk.length) {
			if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
		}
		await new Promise<void>((r) => stream.end(() => r()));
	}

	it('a 20 MB file with no line break at all', async () => {
		const dir = mkdtempSync(join(root, 'big-'));
		const path = join(dir, 'one-long-line.csv');
		await writeBig(path, 'Period,', 20 << 20);
		const { files } = await discoverSources(dir);
		expect(files[0].sample.length).toBe(SAMPLE_BYTES);
		const started = Date.now();
		const { problems } = await build(inputWith('one-long-line.csv', path));
		expect(problems).toEqual([
			'one-long-line.csv, line 1: the first line is longer than 65,536 bytes (no line break in the first 64 KB), so this is not a CSV file OpenWaits can read.'
		]);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('an RTT file whose third line is 20 MB long', async () => {
		const dir = mkdtempSync(join(root, 'big-'));
		const path = join(dir, 'rtt-long-line.csv');
		const row = readFileSync(join(FILES_DIR, 'rtt-crlf.csv'), 'utf8').split('\r\n')[1];
		await writeBig(path, `${RTT_HEADER.join(',')}\r\n${row}\r\n`, 20 << 20);
		const started = Date.now();
		const { problems } = await build(inputWith('rtt-long-line.csv', path));
		expect(problems).toEqual([
			'rtt-long-line.csv, line 3: this line is longer than 65,536 bytes, far too long for a row; the file is damaged or not the format it claims to be.'
		]);
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});

