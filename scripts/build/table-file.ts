/**
 * One DuckDB table written for the site: Arrow for the browser, Parquet for download.
 * Kept apart from outputs.ts so the month build (and its cache key, code-version.ts)
 * depends on this writer alone, not on everything the site writes.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { writeArrowFile } from './arrow.ts';
import { TABLE_TEXT } from './dataset-tables.ts';

export const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** One table: Arrow for the browser, Parquet (ZSTD, sorted) for download. */
export async function writeTable(
	connection: DuckDBConnection,
	dir: string,
	name: string,
	select: string,
	orderBy: string,
	lazy = false
): Promise<TableDescription> {
	const text = TABLE_TEXT[name.replace(/_\d{4}_\d{2}$/, '')] ?? { title: name, description: '', columns: {} };
	// Sorted once into a scratch table; DuckDB keeps its insertion order for both writers.
	const sorted = `output_${name}`;
	await connection.run(`CREATE OR REPLACE TEMP TABLE ${sorted} AS ${select} ORDER BY ${orderBy}`);
	const arrowPath = `tables/${name}.arrow.gz`;
	const parquetPath = `parquet/${name}.parquet`;
	let arrow: Awaited<ReturnType<typeof writeArrowFile>>;
	try {
		arrow = await writeArrowFile(connection, `SELECT * FROM ${sorted}`, join(dir, arrowPath));
		await connection.run(`COPY ${sorted} TO ${sqlText(join(dir, parquetPath))} (FORMAT parquet, COMPRESSION zstd)`);
	} finally {
		await connection.run(`DROP TABLE IF EXISTS ${sorted}`);
	}
	return {
		name,
		title: text.title,
		description: text.description,
		path: arrowPath,
		parquet: parquetPath,
		rows: arrow.rows,
		bytes: arrow.bytes,
		columns: arrow.columns.map((c) => ({ ...c, description: text.columns[c.name] ?? '' })),
		lazy
	};
}
