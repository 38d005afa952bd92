/**
 * The summarise groupings on the real January 2026 full extract, against the
 * reconciliation figures in the shared data README (sums of Total All over
 * Part_2 C_999 rows). Skipped where the shared data folder is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../lib/shared-data.ts';
import { readRttIntoDuckDB } from '../readers/rtt.ts';
import { summariseGroups, type GroupSummary } from './groups.ts';
import { openRttFile } from './open.ts';

const shared = sharedDataDir();
const JANUARY = shared ? join(shared, 'rtt/RTT-January-2026-full-extract.zip') : '';

describe.skipIf(!shared || !existsSync(JANUARY))('summarise on the real January 2026 extract', () => {
	let instance: DuckDBInstance;
	let connection: DuckDBConnection;
	const by: Record<string, GroupSummary[]> = {};

	beforeAll(async () => {
		instance = await DuckDBInstance.create(':memory:', { threads: '2' });
		connection = await instance.connect();
		const { report } = await readRttIntoDuckDB(connection, await openRttFile(JANUARY), 'not-checked', 1);
		expect(report.rowsRejected).toBe(0);
		for (const grouping of ['england', 'provider', 'treatment', 'region'] as const) {
			by[grouping] = await summariseGroups(connection, grouping, 'Part_2');
		}
	}, 120_000);
	afterAll(() => {
		connection?.closeSync();
		instance?.closeSync();
	});

	// For Part_2, Total All is the sum of the week bands and unknown clock start is 0 or empty,
	// so pathways (the band sum) alone equals the published Total All.
	it('England excluding NONC: 7,155,958 pathways, none with an unknown clock start', () => {
		expect(by.england).toHaveLength(1);
		expect(by.england[0]).toMatchObject({ code: 'ENG', totalAll: 7_155_958, summary: { pathways: 7_155_958, unknownClockStart: 0 } });
	});

	it.each([
		['RRK', 93_311],
		['RJ1', 107_777],
		['R0A', 175_344],
		['RR8', 86_915]
	])('provider %s (all commissioners): %i pathways', (code, pathways) => {
		const row = by.provider.find((g) => g.code === code);
		expect(row).toMatchObject({ totalAll: pathways, summary: { pathways, unknownClockStart: 0 } });
	});

	it('providers and regions each add up to every commissioner, 7,187,677; 515 providers have Part_2 rows', () => {
		const total = (groups: GroupSummary[]) => groups.reduce((sum, g) => sum + g.summary.pathways, 0);
		expect(total(by.provider)).toBe(7_187_677);
		expect(total(by.region)).toBe(7_187_677);
		expect(by.provider).toHaveLength(515);
		for (const g of by.provider) expect(g.summary.pathways + g.summary.unknownClockStart).toBe(g.totalAll);
	});

	it('treatment functions add up to the England figure (detail rows, never with C_999)', () => {
		expect(by.treatment.map((g) => g.treatmentCode)).not.toContain('C_999');
		expect(by.treatment).toHaveLength(23);
		expect(by.treatment.reduce((sum, g) => sum + g.summary.pathways, 0)).toBe(7_155_958);
		expect(by.treatment.reduce((sum, g) => sum + g.totalAll, 0)).toBe(7_155_958);
	});
});
