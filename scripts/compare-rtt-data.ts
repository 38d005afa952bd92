/**
 * Checks that two builds of the site data hold the same RTT figures, month by
 * month: what the browser reads in the new build (DuckDB month files, or
 * Parquet for Arrow tables) against the old build's Parquet downloads (the old
 * `rtt_summary` held every month in one file). Rows are compared as multisets
 * with EXCEPT ALL both ways, so a changed, lost or doubled row is counted.
 *
 *   npx tsx scripts/compare-rtt-data.ts <old static/data> <new static/data>
 *
 * Exit code 1 when anything differs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFormat, type Manifest, type ManifestTable } from '../src/lib/schema/site-data.ts';

const [oldDir, newDir] = process.argv.slice(2).map((d) => resolve(d));
if (!oldDir || !newDir) {
	console.error('usage: tsx scripts/compare-rtt-data.ts <old data folder> <new data folder>');
	process.exit(2);
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const before = manifestOf(oldDir);
const after = manifestOf(newDir);
const text = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The old build's rows for a table of the new build, as a FROM clause. */
function oldRows(table: ManifestTable): string | null {
	const same = before.tables.find((t) => t.name === table.name && t.parquet);
	if (same) return `read_parquet(${text(join(oldDir, same.parquet!))})`;
	const summary = before.tables.find((t) => t.name === 'rtt_summary' && t.parquet);
	if (!summary) return null;
	const all = `read_parquet(${text(join(oldDir, summary.parquet!))})`;
	const month = /^rtt_summary_(\d{4})_(\d{2})$/.exec(table.name);
	if (month) return `(SELECT * FROM ${all} WHERE period = '${month[1]}-${month[2]}')`;
	if (table.name === 'rtt_england') return `(SELECT * FROM ${all} WHERE provider_code = 'ENG')`;
	return null;
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const scratch = mkdtempSync(join(tmpdir(), 'compare-rtt-'));
let problems = 0;
for (const table of after.tables) {
	if (tableFormat(table) === 'union' && !table.parquet) continue; // its parts are compared one by one
	const old = oldRows(table);
	if (!old) {
		console.log(`${table.name}: not in the old build`);
		continue;
	}
	let rows: string;
	if (tableFormat(table) === 'duckdb') {
		const file = join(scratch, `${table.name}.duckdb`);
		writeFileSync(file, gunzipSync(readFileSync(join(newDir, table.path))));
		await connection.run(`ATTACH ${text(file)} AS new_file (READ_ONLY)`);
		rows = `new_file.${table.innerTable}`;
	} else {
		rows = `read_parquet(${text(join(newDir, table.parquet!))})`;
	}
	try {
		const count = async (sql: string) => Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM (${sql})`)).getRowObjectsJS()[0].n);
		const oldCount = await count(`FROM ${old}`);
		const newCount = await count(`FROM ${rows}`);
		const onlyOld = await count(`FROM ${old} EXCEPT ALL FROM ${rows}`);
		const onlyNew = await count(`FROM ${rows} EXCEPT ALL FROM ${old}`);
		const same = onlyOld === 0 && onlyNew === 0 && oldCount === newCount;
		if (!same) problems++;
		console.log(`${table.name}: old ${oldCount} rows, new ${newCount} rows, only in old ${onlyOld}, only in new ${onlyNew} → ${same ? 'same' : 'DIFFERENT'}`);
	} finally {
		if (tableFormat(table) === 'duckdb') await connection.run('DETACH new_file');
	}
}
const figures = (m: Manifest) => JSON.stringify(m.rtt);
const sameFigures = figures(before) === figures(after);
if (!sameFigures) problems++;
console.log(`manifest national figures per month (rtt): ${sameFigures ? 'same' : 'DIFFERENT'}`);
connection.closeSync();
instance.closeSync();
process.exit(problems ? 1 : 0);
