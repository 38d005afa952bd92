/**
 * The contract between build and browser for DuckDB month files: files written
 * by writeMonthFiles, loaded by the page's own loader (src/lib/data/site-tables.ts)
 * into DuckDB-WASM's Node build (the same wasm as the page) after the page's
 * locked settings, give exactly the values the build had; and with those
 * settings nothing but the registered site files can be opened.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as wasm from '@duckdb/duckdb-wasm/blocking';
import { openDuckdbWasm } from '../../tests/support/duckdb-wasm-node.ts';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { catalogue, type ManifestTable, type TableDescription } from '../../src/lib/schema/tables.ts';
import { LOCKED_SETTINGS, tableLoader, TableNotFetchedError, type TableEngine } from '../../src/lib/data/site-tables.ts';
import { createMonthTables, FIXTURE_PERIODS } from './month-tables.fixture.ts';
import { unionTable, writeMonthFiles } from './month-files.ts';

let browserDb: wasm.DuckDBBindings;
let page: wasm.DuckDBConnection;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;
/** The tables as built (with their columns), and as the manifest lists them (what the loader reads). */
let built: TableDescription[];
let tables: ManifestTable[];
const fetchedPaths: string[] = [];

const engine: TableEngine = {
	registerFile: async (name, bytes) => browserDb.registerFileBuffer(name, bytes),
	run: async (sql) => void page.query(sql),
	insertArrow: async (name, bytes) => page.insertArrowFromIPCStream(bytes, { name, create: true })
};
const fetchFile = async (path: string) => {
	fetchedPaths.push(path);
	const stored = readFileSync(join(dir, path));
	return { bytes: new Uint8Array(gunzipSync(stored)), fetched: stored.length };
};

beforeAll(async () => {
	browserDb = await openDuckdbWasm();
	page = browserDb.connect();
	for (const sql of LOCKED_SETTINGS) page.query(sql);

	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
	await createMonthTables(connection);
	dir = mkdtempSync(join(tmpdir(), 'month-wasm-'));
	const months: TableDescription[] = [];
	for (const period of FIXTURE_PERIODS) months.push(...(await writeMonthFiles(connection, dir, period)));
	built = [unionTable('rtt_summary', months.filter((t) => t.innerTable === 'rtt_summary'), { title: '', description: '' }), ...months];
	tables = catalogue(built).tables;
});

afterAll(() => {
	page?.close();
	browserDb?.reset();
	instance?.closeSync();
});

const table = (name: string) => tables.find((t) => t.name === name)!;
const columnsOf = (name: string) => built.find((t) => t.name === name)!.columns;
const inBrowser = (sql: string) => page.query(sql).toArray().map((r) => r.toJSON());
const atBuild = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();

/** Every row and column, as text, in one digest (md5 and a row's text are the same in both builds of DuckDB). */
const FINGERPRINT = (from: string) => `SELECT count(*)::INTEGER AS n, md5(string_agg(r::VARCHAR, chr(10) ORDER BY r::VARCHAR)) AS digest
	FROM (SELECT t AS r FROM ${from} t)`;

describe('DuckDB month files in DuckDB-WASM, after the page’s locked settings', () => {
	const ensure = tableLoader(async () => engine, fetchFile);

	it('attaches each month and gives exactly the values the build had', async () => {
		for (const period of FIXTURE_PERIODS) {
			for (const source of ['rtt_summary', 'rtt_detail']) {
				const name = `${source}_${period.replace('-', '_')}`;
				const fetched = await ensure(table(name), tables);
				expect(fetched).toEqual([{ name, bytes: table(name).bytes }]);
				expect(inBrowser(FINGERPRINT(name))).toEqual(await atBuild(FINGERPRINT(`(FROM ${source} WHERE period = '${period}')`)));
				const types = inBrowser(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${name}' ORDER BY ordinal_position`);
				expect(types.map((t) => `${t.column_name} ${t.data_type}`)).toEqual(columnsOf(name).map((c) => `${c.name} ${c.type}`));
			}
		}
		expect(inBrowser(`SELECT commissioner_name FROM rtt_detail_2026_01 WHERE commissioner_name LIKE '%ü' LIMIT 1`)).toEqual([{ commissioner_name: expect.stringMatching(/^Commissioner \d+ – ü$/) }]);
	});

	// The values themselves were compared above (FINGERPRINT): this says the files compared hold
	// Roaring-compressed NULL masks, so that comparison covers the browser decoding them.
	it('reads files whose NULL masks are Roaring-compressed (FILE_COMPRESSION_SQL)', () => {
		const roaring = inBrowser(`SELECT DISTINCT column_name FROM pragma_storage_info('file_rtt_detail_2026_01.rtt_detail')
			WHERE segment_type = 'VALIDITY' AND compression = 'Roaring' ORDER BY 1`);
		expect(roaring.map((r) => r.column_name)).toEqual(['band_000']);
	});

	it('makes rtt_summary every month, fetching only the months not loaded yet', async () => {
		// Both months were loaded above: the union fetches nothing more.
		const before = fetchedPaths.length;
		expect(await ensure(table('rtt_summary'), tables)).toEqual([]);
		expect(fetchedPaths.length).toBe(before);
		expect(inBrowser(FINGERPRINT('rtt_summary'))).toEqual(await atBuild(FINGERPRINT('rtt_summary')));
		// A table already loaded costs nothing the second time.
		expect(await ensure(table('rtt_detail_2026_02'), tables)).toEqual([]);
	});

	it('fetches a union’s parts itself when none is loaded, each counted once', async () => {
		const fresh = tableLoader(async () => engine, fetchFile);
		const renamed = tables.map((t) => ({ ...t, name: `again_${t.name}`, parts: t.parts?.map((p) => `again_${p}`) }));
		const fetched = await fresh(renamed[0], renamed);
		expect(fetched.map((f) => f.name)).toEqual(['again_rtt_summary_2026_01', 'again_rtt_summary_2026_02']);
		expect(inBrowser('SELECT count(*)::INTEGER AS n FROM again_rtt_summary')).toEqual([{ n: table('rtt_summary').rows }]);
	});

	it('says a table was not downloaded when the network is gone', async () => {
		const offline = tableLoader(async () => engine, async () => {
			throw new TypeError('Failed to fetch');
		});
		const error = await offline(table('rtt_detail_2026_01'), tables).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TableNotFetchedError);
		expect((error as Error).message).toMatch(/rtt_detail_2026_01 has not been downloaded to this browser yet.*needs a connection/);
	});

	const forbidden: [string, RegExp][] = [
		[`ATTACH 'other.duckdb' AS other`, /Permission Error.*disabled by configuration/],
		[`ATTACH 'openwaits/../other.duckdb' AS other`, /Permission Error.*disabled by configuration/],
		[`ATTACH 'http://example.org/x.duckdb' AS other`, /Permission Error.*disabled by configuration/],
		[`SELECT * FROM read_csv('other.csv')`, /Permission Error.*disabled by configuration/],
		[`SET allowed_directories = ['/']`, /configuration has been locked/],
		[`SET enable_external_access = true`, /configuration has been locked/]
	];
	it.each(forbidden)('refuses %s', (sql, message) => {
		expect(() => page.query(sql)).toThrow(message);
	});
});
