import { describe, expect, it } from 'vitest';
import type { ManifestTable } from '$lib/schema/site-data';
import { attachStatements, fileName, LOCKED_SETTINGS, tablesNamedIn, unionStatement } from './site-tables';

const table = (t: Partial<ManifestTable>) => ({ name: 'rtt_detail_2026_04', path: 'months/2026-04/rtt_detail.duckdb.gz', innerTable: 'rtt_detail', format: 'duckdb', ...t }) as ManifestTable;

describe('site tables', () => {
	it('attaches a month file read-only under openwaits/ and shows it by its manifest name', () => {
		expect(attachStatements(table({}))).toEqual([
			"ATTACH 'openwaits/months/2026-04/rtt_detail.duckdb.gz' AS file_rtt_detail_2026_04 (READ_ONLY)",
			'CREATE VIEW rtt_detail_2026_04 AS SELECT * FROM file_rtt_detail_2026_04.rtt_detail'
		]);
	});

	it('makes a union a view over its parts, by column name', () => {
		expect(unionStatement(table({ name: 'rtt_summary', format: 'union', parts: ['rtt_summary_2026_01', 'rtt_summary_2026_04'] }))).toBe(
			'CREATE VIEW rtt_summary AS SELECT * FROM rtt_summary_2026_01 UNION ALL BY NAME SELECT * FROM rtt_summary_2026_04'
		);
		expect(() => unionStatement(table({ name: 'rtt_summary', format: 'union', parts: [] }))).toThrow('lists no parts');
	});

	const refused: [string, Partial<ManifestTable>, string][] = [
		['a path out of the data folder', { path: '../secret.duckdb' }, 'Not a site file'],
		['a path with a quote', { path: "months/x'; DROP TABLE t; --.duckdb.gz" }, 'Not a site file'],
		['a web address', { path: 'http://example.org/x.duckdb' }, 'Not a site file'],
		['a table name that is not an identifier', { name: 'x; DROP TABLE y' }, 'Not a table name'],
		['an inner table that is not an identifier', { innerTable: 'a.b' }, 'Not a table name']
	];
	it.each(refused)('refuses %s', (_, t, message) => {
		expect(() => attachStatements(table(t))).toThrow(message);
	});

	it('keeps files inside openwaits/', () => expect(fileName(table({}))).toBe('openwaits/months/2026-04/rtt_detail.duckdb.gz'));

	it('sets allowed_directories before external access goes off, and locks last', () => {
		expect(LOCKED_SETTINGS.indexOf("SET allowed_directories = ['openwaits/']")).toBeLessThan(LOCKED_SETTINGS.indexOf('SET enable_external_access = false'));
		expect(LOCKED_SETTINGS.at(-1)).toBe('SET lock_configuration = true');
		expect(LOCKED_SETTINGS.at(-2)).toBe('SET enable_external_access = false');
	});

	const named: [string, string[]][] = [
		['SELECT * FROM rtt_summary_2026_04', ['rtt_summary_2026_04']],
		['select count(*) from RTT_SUMMARY', ['rtt_summary']],
		['SELECT * FROM rtt_summary_2026_04 JOIN rtt_summary USING (period)', ['rtt_summary', 'rtt_summary_2026_04']],
		["SELECT 'rtt_summary_2026'", []]
	];
	it.each(named)('%s names %j', (sql, names) => {
		const tables = ['rtt_summary', 'rtt_summary_2026_04', 'rtt_england'].map((name) => table({ name }));
		expect(tablesNamedIn(sql, tables).map((t) => t.name)).toEqual(names);
	});
});
