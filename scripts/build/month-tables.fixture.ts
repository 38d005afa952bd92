/**
 * Made-up `rtt_detail` and `rtt_summary` tables (the shapes the build holds in
 * DuckDB) for the month-file specs: two months, rows inserted out of order,
 * NULLs, text with quotes and non-ASCII, so sorting and types are exercised.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';

export const FIXTURE_PERIODS = ['2026-01', '2026-02'];

const summaryValue = (name: string, type: string): string => {
	if (name === 'period') return `CASE WHEN i % 2 = 0 THEN '2026-01' ELSE '2026-02' END`;
	if (name === 'part') return `'Part_' || (['1A', '1B', '2', '2A'])[1 + i % 4]`;
	if (name === 'provider_code') return `CASE WHEN i % 50 = 0 THEN 'ENG' ELSE 'R' || lpad(((i * 7919) % 97)::VARCHAR, 3, '0') END`;
	if (name === 'treatment_code') return `'C_' || (100 + (i // 4) % 25)::VARCHAR`;
	if (type === 'VARCHAR') return `CASE WHEN i % 11 = 0 THEN NULL ELSE '${name} ' || i || ' – St Mary''s' END`;
	if (type === 'BIGINT') return `(i * 37 % 5000)::BIGINT`;
	if (type === 'BOOLEAN') return `i % 3 = 0`;
	return `CASE WHEN i % 13 = 0 THEN NULL ELSE i / 7.0 END`;
};

export async function createMonthTables(connection: DuckDBConnection, rows = 4_000): Promise<void> {
	await connection.run(`CREATE OR REPLACE TABLE rtt_summary (${SUMMARY_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')})`);
	await connection.run(`INSERT INTO rtt_summary SELECT ${SUMMARY_COLUMNS.map((c) => summaryValue(c.name, c.type)).join(', ')} FROM range(${rows}) t(i) ORDER BY hash(i)`);
	await connection.run(`CREATE OR REPLACE TABLE rtt_detail AS
		SELECT CASE WHEN i % 3 = 0 THEN '2026-01' ELSE '2026-02' END AS period,
			'R' || lpad((i % 41)::VARCHAR, 3, '0') AS provider_code,
			CASE WHEN i % 17 = 0 THEN 'NONC' ELSE 'Q' || (i % 23) END AS commissioner_code,
			CASE WHEN i % 29 = 0 THEN NULL ELSE 'Commissioner ' || (i % 23) || ' – ü' END AS commissioner_name,
			'Part_' || (['1A', '1B', '2', '3'])[1 + i % 4] AS part,
			'C_' || (100 + i % 19)::VARCHAR AS treatment_code,
			(i * 13 % 900)::INTEGER AS total_all,
			CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 50)::INTEGER END AS band_000
		FROM range(${rows * 3}) t(i) ORDER BY hash(i)`);
}
