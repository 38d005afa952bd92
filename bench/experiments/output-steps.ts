/**
 * Where DuckDB's own time goes when it writes a month's detail file as the site
 * serves it, one step at a time (the bench's output-floor-child.ts runs the same
 * steps overlapped, as the build does), beside the plain COPY:
 *   npx tsx bench/experiments/output-steps.ts <extracted month CSV> <scratch folder>
 * e.g. .cache/bench/rtt-month.csv (written by `npm run bench`). Each step prints its
 * wall time and the process's CPU time; run it a few times, the machine is shared.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_FILE_OPTIONS } from '../../scripts/build/duckdb-file.ts';
import { sqlText } from '../../scripts/build/table-file.ts';
import { ROW_KEYS } from '../../scripts/readers/rtt-sql.ts';

const [csv, scratch] = process.argv.slice(2);
if (!csv || !scratch) throw new Error('usage: tsx bench/experiments/output-steps.ts <month CSV> <scratch folder>');
const ORDER = ROW_KEYS.map((c) => `"${c}"`).join(', ');

async function timed(label: string, step: () => Promise<unknown> | unknown): Promise<void> {
	const [started, cpu] = [performance.now(), process.cpuUsage()];
	await step();
	const used = process.cpuUsage(cpu);
	console.log(`${label}: ${Math.round(performance.now() - started)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU`);
}

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
await timed('plain COPY (read_csv → Parquet)', () => connection.run(`COPY (SELECT * FROM read_csv(${sqlText(csv)})) TO ${sqlText(join(scratch, 'plain.parquet'))} (FORMAT parquet)`));
await timed('read_csv → a table', () => connection.run(`CREATE TABLE detail AS SELECT * FROM read_csv(${sqlText(csv)})`));
const file = join(scratch, 'detail.duckdb');
await timed('sorted into a DuckDB file, CHECKPOINT', async () => {
	await connection.run(`ATTACH ${sqlText(file)} AS output (${DUCKDB_FILE_OPTIONS})`);
	await connection.run(`CREATE TABLE output.detail AS SELECT * FROM detail ORDER BY ${ORDER}`);
	await connection.run('CHECKPOINT output');
});
await timed('gzip -6 of the file', () => writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 6 })));
await timed('Parquet, zstd', () => connection.run(`COPY output.detail TO ${sqlText(join(scratch, 'detail.parquet'))} (FORMAT parquet, COMPRESSION zstd)`));
connection.closeSync();
instance.closeSync();
rmSync(scratch, { recursive: true, force: true });
