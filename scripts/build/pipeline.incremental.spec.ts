/**
 * The month cache end to end, on the demonstration data: a build that adds a
 * month reads only that month and writes the same site as a build from
 * scratch; a changed file and a damaged cache entry are built again.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { generateAll } from '../sample/generate.ts';
import { buildSiteData } from './pipeline.ts';

const FEBRUARY = 'rtt/20260228-RTT-February-2026-full-extract.csv';
const MARCH = 'rtt/20260331-RTT-March-2026-full-extract.csv.gz';
const APRIL = 'rtt/RTT-April-2026-full-extract.zip';

let root: string;
let cache: string;

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)))
		.sort();
}

/** Builds `input` into a new folder with `cache`; returns the folder, the manifest and the RTT lines of the log. */
async function build(input: string, name: string, withCache = cache) {
	const out = join(root, name);
	const log: string[] = [];
	const manifest = await buildSiteData({ input, out, allowRejects: false, demonstration: true, cache: withCache, log: (line) => log.push(line) });
	const rtt = log.filter((line) => /\] (read|reused) rtt\//.test(line)).map((line) => line.replace(/^\[[^\]]*\] /, '').replace(/: .*/, ''));
	return { out, manifest, rtt, log };
}

/**
 * A DuckDB database file's bytes differ from one write to the next (DuckDB
 * stamps each new file), so a month file is compared by what it holds: its
 * tables' columns and every row, in order.
 */
async function duckdbContents(gzipped: Buffer): Promise<string> {
	const path = join(root, `compare-${process.hrtime.bigint()}.duckdb`);
	writeFileSync(path, gunzipSync(gzipped));
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		await connection.run(`ATTACH '${path}' AS f (READ_ONLY)`);
		const names = (await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'f' ORDER BY 1`)).getRows().map((r) => String(r[0]));
		const tables = [];
		for (const name of names) {
			const result = await connection.runAndReadAll(`SELECT * FROM f."${name}"`);
			tables.push({ name, columns: result.columnNames(), types: result.columnTypes().map(String), rows: result.getRowsJS() });
		}
		return JSON.stringify(tables, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
	} finally {
		connection.closeSync();
		instance.closeSync();
		rmSync(path, { force: true });
	}
}

/**
 * The site folder as file → text to compare: the build's time stamps taken out
 * of the three files that carry one, DuckDB files by content, and their byte
 * sizes taken out of the manifest and explorer.json (they differ with the stamp).
 */
async function contents(dir: string): Promise<Map<string, string>> {
	const stamped = new Set(['manifest.json', 'site.json', 'datapackage.json', 'explorer.json']);
	const site = new Map<string, string>();
	for (const path of files(dir)) {
		const bytes = readFileSync(join(dir, path));
		if (path.endsWith('.duckdb.gz')) site.set(path, await duckdbContents(bytes));
		else if (!stamped.has(path)) site.set(path, bytes.toString('base64'));
		else {
			const { generated: _g, created: _c, ...rest } = JSON.parse(bytes.toString('utf8'));
			for (const table of rest.tables ?? []) if (table.format === 'duckdb' || table.format === 'union') table.bytes = 'a DuckDB file';
			for (const resource of rest.resources ?? []) if (typeof resource.path === 'string' && resource.path.endsWith('.duckdb.gz')) resource.bytes = 'a DuckDB file';
			site.set(path, JSON.stringify(rest));
		}
	}
	return site;
}

/** Everything but the manifest's list of sources (which carries each file's SHA-256). */
function withoutSources(site: Map<string, string>): Map<string, string> {
	const copy = new Map(site);
	for (const name of ['manifest.json', 'datapackage.json']) {
		const { sources: _s, ...rest } = JSON.parse(copy.get(name)!);
		copy.set(name, JSON.stringify(rest));
	}
	return copy;
}

let full: string;
let scratch: Map<string, string>;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'pipeline-incremental-'));
	cache = join(root, 'cache');
	full = join(root, 'raw');
	for (const [path, bytes] of generateAll(20260501)) {
		mkdirSync(dirname(join(full, path)), { recursive: true });
		writeFileSync(join(full, path), bytes);
	}
	scratch = await contents((await build(full, 'scratch', join(root, 'scratch-cache'))).out);
}, 300_000);

describe('incremental data build', () => {
	it('adds a month by reading only that month, and writes what a build from scratch writes', async () => {
		const twoMonths = join(root, 'raw-two-months');
		cpSync(full, twoMonths, { recursive: true });
		rmSync(join(twoMonths, APRIL));
		const first = await build(twoMonths, 'two');
		expect(first.rtt).toEqual([`read ${FEBRUARY} (rtt 2026-02)`, `read ${MARCH} (rtt 2026-03)`]);
		expect(first.manifest.periods).toEqual(['2026-02', '2026-03']);

		const added = await build(full, 'added');
		expect(added.rtt).toEqual([
			`reused ${FEBRUARY} (rtt 2026-02) from the month cache`,
			`reused ${MARCH} (rtt 2026-03) from the month cache`,
			`read ${APRIL}!20260430-RTT-April-2026-full-extract.csv (rtt 2026-04)`
		]);
		const manifest: Manifest = added.manifest;
		expect(manifest.periods).toEqual(['2026-02', '2026-03', '2026-04']);
		expect(manifest.rtt.map((m) => m.period)).toEqual(manifest.periods);
		for (const s of manifest.sources) expect(s.rowsAccepted + s.rowsRejected).toBe(s.rowsRead);
		expect(await contents(added.out)).toEqual(scratch);
	}, 300_000);

	it('builds a month again when its file changes (another SHA-256), and only that month', async () => {
		const changed = join(root, 'raw-changed');
		cpSync(full, changed, { recursive: true });
		// The same rows compressed harder: other bytes, so another SHA-256.
		writeFileSync(join(changed, MARCH), gzipSync(gunzipSync(readFileSync(join(full, MARCH))), { level: 1 }));
		const rebuilt = await build(changed, 'changed');
		expect(rebuilt.rtt.map((line) => line.split(' ')[0])).toEqual(['reused', 'read', 'reused']);
		expect(rebuilt.rtt[1]).toBe(`read ${MARCH} (rtt 2026-03)`);
		const march = (m: Pick<Manifest, 'sources'>) => m.sources.find((s) => s.dataset === 'rtt' && s.period === '2026-03')!.sha256;
		expect(march(rebuilt.manifest)).not.toBe(march(JSON.parse(scratch.get('manifest.json')!)));
		expect(withoutSources(await contents(rebuilt.out))).toEqual(withoutSources(scratch));
	}, 300_000);

	it('builds a month again when its cache entry is damaged, and never uses it', async () => {
		const entries = readdirSync(cache).filter((name) => !name.startsWith('.'));
		const february = entries.find((name) => JSON.parse(readFileSync(join(cache, name, 'entry.json'), 'utf8')).result.period === '2026-02')!;
		const table = join(cache, february, 'files/months/2026-02/rtt_detail.duckdb.gz');
		const bytes = readFileSync(table);
		bytes[bytes.length >> 1] ^= 0xff;
		writeFileSync(table, bytes);
		const repaired = await build(full, 'repaired');
		expect(repaired.log.some((line) => /cache entry [0-9a-f]{12} is damaged \(files\/months\/2026-02\/rtt_detail\.duckdb\.gz does not have the SHA-256 recorded for it\)/.test(line))).toBe(true);
		expect(repaired.rtt.map((line) => line.split(' ')[0])).toEqual(['read', 'reused', 'reused']);
		expect(await contents(repaired.out)).toEqual(scratch);
	}, 300_000);
});
