/**
 * One RTT month's own output files. The month build (rtt-month.ts) calls this
 * once per month it reads, with only that month in `rtt_detail` and
 * `rtt_summary`, into an empty folder laid out like the site; the month cache
 * keeps every file written there and places it in the site on later builds.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { sqlText, writeTable } from './table-file.ts';

/** The month's per-commissioner detail, lazily loaded by /explore. */
export async function writeMonthFiles(connection: DuckDBConnection, dir: string, period: string): Promise<TableDescription[]> {
	for (const sub of ['tables', 'parquet']) await mkdir(join(dir, sub), { recursive: true });
	const name = `rtt_detail_${period.replace('-', '_')}`;
	return [await writeTable(connection, dir, name, `SELECT * FROM rtt_detail WHERE period = ${sqlText(period)}`, 'provider_code, commissioner_code, part, treatment_code', true)];
}
