/**
 * One measured run of DuckDB alone writing the month's detail as the site
 * serves it, in a fresh process: tsx bench/output-floor-child.ts <extracted CSV> <out folder>
 * The CSV is read as DuckDB detects it (no header check, no row rules, no
 * line numbers) and sorted straight into a DuckDB file with the site's options,
 * as the build does with a clean month; then the build's own DuckdbTableFile
 * gzips it while DuckDB writes its Parquet download. No summaries, no other
 * file. What the pipeline costs beyond this is its own work; this much no
 * build of these files avoids.
 * Prints one JSON line like duckdb-child.ts.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckdbTableFile } from '../scripts/build/duckdb-file.ts';
import { sqlText } from '../scripts/build/table-file.ts';
import { ROW_KEYS } from '../scripts/readers/rtt-sql.ts';
import { maxRssMb, startClock } from './child-clock.ts';

/** The detail file's sort order (month-files.ts): the row key, in the CSV's own column names. */
const ORDER = ROW_KEYS.map((c) => `"${c}"`).join(', ');

const [csv, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const clock = startClock();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const file = await DuckdbTableFile.open(connection, join(out, 'rtt_detail.duckdb'), 'rtt_detail');
await file.fill(connection, { select: `SELECT * FROM read_csv(${sqlText(csv)})`, orderBy: ORDER });
await file.publish(connection, out, {
	name: 'rtt_detail_month',
	innerTable: 'rtt_detail',
	title: 'RTT detail',
	description: '',
	columnText: {},
	path: 'months/month/rtt_detail.duckdb.gz',
	parquet: 'parquet/rtt_detail_month.parquet',
	lazy: true
});
const written = await file.close(connection);
connection.closeSync();
instance.closeSync();
const { ms, cpu } = clock.stop();
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({ ms, maxRssMb: maxRssMb(), cpu, rows: written.rows, gzBytes: written.bytes }));
