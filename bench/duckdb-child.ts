/**
 * One measured run of plain DuckDB on the same RTT month, in a fresh process:
 * tsx bench/duckdb-child.ts <extracted CSV> <out.parquet>
 * Prints one JSON line: {"ms": …, "maxRssMb": …, "cpu": {"userMs": …, "systemMs": …}}.
 */
import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { maxRssMb, startClock } from './child-clock.ts';

const [csv, out] = process.argv.slice(2);
rmSync(out, { force: true });
const clock = startClock();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
await connection.run(`COPY (SELECT * FROM read_csv(${quote(csv)})) TO ${quote(out)} (FORMAT parquet)`);
connection.closeSync();
instance.closeSync();
const { ms, cpu } = clock.stop();
rmSync(out, { force: true });
console.log(JSON.stringify({ ms, maxRssMb: maxRssMb(), cpu }));
