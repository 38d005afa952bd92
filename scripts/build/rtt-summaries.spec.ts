import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RTT_BAND_COLUMNS } from '../../src/lib/schema/rtt.ts';
import { seededRandom, randomInt } from '../../src/lib/stats/seeded-random.ts';
import { summariseWaits, toTreatedWaits, toWaitFigures } from '../../src/lib/stats/wait-summary.ts';
import { buildRttSummaries, KEY_COLUMNS, STATISTICS, SUMMARY_COLUMNS, type PatientFigures } from './rtt-summaries.ts';

/** Made-up detail rows: three providers, two treatments, every part, English and non-English commissioners, empty cells. */
interface DetailRow { provider: string; commissioner: string | null; part: string; treatment: string; unknown: number | null; total: number; bands: (number | null)[] }

const random = seededRandom(4242);
const rows: DetailRow[] = [];
for (const provider of ['RAA', 'RBB', 'RCC']) {
	for (const commissioner of ['Q1', 'Q2', 'NONC', null]) {
		for (const part of ['Part_1A', 'Part_1B', 'Part_2', 'Part_2A', 'Part_3']) {
			for (const treatment of ['C_110', 'C_999']) {
				// RCC's lists are tiny, so some rows are "too few" for percentiles.
				const scale = provider === 'RCC' ? 2 : 400;
				const bands = RTT_BAND_COLUMNS.map(() => (part === 'Part_3' ? null : random() < 0.3 ? null : randomInt(random, 0, scale) * (random() < 0.5 ? 0 : 1)));
				rows.push({ provider, commissioner, part, treatment, unknown: random() < 0.2 ? null : randomInt(random, 0, 5), total: randomInt(random, 0, 900), bands });
			}
		}
	}
}

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let built: { rows: number; patient: PatientFigures };
let summary: Record<string, unknown>[];

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	connection = await instance.connect();
	const text = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
	await connection.run(`CREATE TABLE rtt_detail (period VARCHAR, provider_parent_code VARCHAR, provider_code VARCHAR, provider_name VARCHAR,
		commissioner_code VARCHAR, part VARCHAR, treatment_code VARCHAR, treatment_name VARCHAR, unknown_clock_start INTEGER, total_all INTEGER,
		${RTT_BAND_COLUMNS.map((c) => `${c} INTEGER`).join(', ')})`);
	const values = rows.map((r) => `('2026-04', 'Q${r.provider}', ${text(r.provider)}, 'Hospital ${r.provider} – St Mary''s', ${text(r.commissioner)}, ${text(r.part)},
		${text(r.treatment)}, 'Treatment ${r.treatment}', ${r.unknown ?? 'NULL'}, ${r.total}, ${r.bands.map((b) => b ?? 'NULL').join(', ')})`);
	await connection.run(`INSERT INTO rtt_detail VALUES ${values.join(',\n')}`);
	built = await buildRttSummaries(connection);
	summary = (await connection.runAndReadAll('SELECT * FROM rtt_summary')).getRowObjectsJS();
});
afterAll(() => instance?.closeSync());

/** The summary of the rows `keep` picks, summed in JavaScript. */
function expected(keep: (r: DetailRow) => boolean) {
	const picked = rows.filter(keep);
	const bands = RTT_BAND_COLUMNS.map((_, k) => picked.reduce((sum, r) => sum + (r.bands[k] ?? 0), 0));
	return summariseWaits(bands, picked.reduce((sum, r) => sum + (r.unknown ?? 0), 0));
}

/** How DuckDB hands back a statistic: BIGINT columns as bigint. */
const BIGINT_COLUMNS = new Set(SUMMARY_COLUMNS.filter((c) => c.type === 'BIGINT').map((c) => c.name));
const asStored = (name: string, value: unknown) => (BIGINT_COLUMNS.has(name) && typeof value === 'number' ? BigInt(value) : value);

const findRow = (part: string, provider: string, treatment: string) =>
	summary.find((r) => r.part === part && r.provider_code === provider && r.treatment_code === treatment)!;

describe('buildRttSummaries', () => {
	it('has the columns SUMMARY_COLUMNS lists, each a key column or a statistic', async () => {
		const columns = (await connection.runAndReadAll(`SELECT name, type FROM pragma_table_info('rtt_summary') ORDER BY cid`)).getRowObjectsJS();
		expect(columns.map((c) => [c.name, c.type])).toEqual(SUMMARY_COLUMNS.map((c) => [c.name, c.type]));
		expect([...KEY_COLUMNS, ...STATISTICS.map(([name]) => name)].sort()).toEqual(SUMMARY_COLUMNS.map((c) => c.name).sort());
	});

	it('writes one row per provider, treatment and banded part, and England rows', () => {
		// 3 providers + England, 2 treatments, 4 banded parts.
		expect(built.rows).toBe(4 * 2 * 4);
		expect(summary).toHaveLength(built.rows);
	});

	const cases: [string, string, string, (r: DetailRow) => boolean][] = [];
	for (const part of ['Part_1A', 'Part_1B', 'Part_2', 'Part_2A']) {
		for (const treatment of ['C_110', 'C_999']) {
			for (const provider of ['RAA', 'RCC']) cases.push([part, provider, treatment, (r) => r.part === part && r.treatment === treatment && r.provider === provider]);
			// England leaves out non-English commissioners, and rows with no commissioner code.
			cases.push([part, 'ENG', treatment, (r) => r.part === part && r.treatment === treatment && r.commissioner !== null && r.commissioner !== 'NONC']);
		}
	}
	for (const [part, provider, treatment, keep] of cases) {
		it(`${provider} ${treatment} ${part}: every statistic as summariseWaits gives it for the summed bands`, () => {
			const row = findRow(part, provider, treatment);
			const s = expected(keep);
			for (const [name, value] of STATISTICS) expect([name, row[name]]).toEqual([name, asStored(name, value(s))]);
			expect(row.unknown_clock_start).toBe(BigInt(s.unknownClockStart));
			expect(row.provider_name).toBe(provider === 'ENG' ? 'England' : `Hospital ${provider} – St Mary's`);
			expect(row.region_code).toBe(provider === 'ENG' ? null : `Q${provider}`);
			expect(row.treatment_name).toBe(`Treatment ${treatment}`);
		});
	}

	it('collects Part_2 for patients, with the month\'s treated waits and referrals', () => {
		const figures = built.patient.get('C_110')!.providers.get('RAA')!;
		const same = (r: DetailRow, part: string) => r.part === part && r.treatment === 'C_110' && r.provider === 'RAA';
		const referrals = rows.filter((r) => same(r, 'Part_3')).reduce((sum, r) => sum + r.total, 0);
		expect(built.patient.get('C_110')!.name).toBe('Treatment C_110');
		expect(figures).toEqual([{
			...toWaitFigures('2026-04', expected((r) => same(r, 'Part_2'))),
			admitted: toTreatedWaits(expected((r) => same(r, 'Part_1A'))),
			nonAdmitted: toTreatedWaits(expected((r) => same(r, 'Part_1B'))),
			referrals
		}]);
		expect([...built.patient.get('C_999')!.providers.keys()].sort()).toEqual(['RAA', 'RBB', 'RCC']);
	});

	it('leaves no scratch tables behind', async () => {
		const tables = (await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() ORDER BY table_name`)).getRowObjectsJS().map((t) => t.table_name);
		expect(tables).toEqual(['rtt_detail', 'rtt_summary']);
	});
});
