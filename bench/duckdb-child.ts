/**
 * One measured run of plain DuckDB on the same RTT month, in a fresh process:
 * tsx bench/duckdb-child.ts <extracted CSV> <out.parquet>
 * Prints one JSON line: {"ms": …, "maxRssMb": …, "cpu": {"userMs": …, "systemMs": …}}.
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, out] = process.argv.slice(2);
rmSync(out, { force: true });
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
await connection.run(`COPY (SELECT * FROM read_csv(${quote(csv)})) TO ${quote(out)} (FORMAT parquet)`);
connection.closeSync();
instance.closeSync();
const ms = performance.now() - started;
rmSync(out, { force: true });
const { user, system } = process.cpuUsage();
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, cpu: { userMs: user / 1000, systemMs: system / 1000 } }));
