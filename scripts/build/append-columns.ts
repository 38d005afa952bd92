/**
 * Appends rows held as columns of JavaScript values to a DuckDB table one data
 * chunk (up to 2048 rows) at a time. A value costs a write into the chunk's
 * own memory instead of a call into DuckDB per value (the appender's
 * appendDouble and friends), which for the month's 15,000 summary rows of 19
 * columns was more time than the statistics took.
 */
import { type DuckDBConnection, DuckDBDataChunk, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** DuckDB's vector size: the most rows one data chunk holds. */
export const CHUNK_ROWS = 2048;

/** Appends `columns` (one array per column of `table`, in its order, all the same length). */
export async function appendColumns(connection: DuckDBConnection, table: string, types: readonly DuckDBType[], columns: readonly (readonly DuckDBValue[])[]): Promise<number> {
	if (columns.length !== types.length) throw new Error(`${table}: ${columns.length} columns of values for ${types.length} column types`);
	const rows = columns[0]?.length ?? 0;
	const odd = columns.findIndex((column) => column.length !== rows);
	if (odd >= 0) throw new Error(`${table}: column ${odd} holds ${columns[odd].length} values, column 0 holds ${rows}`);
	const appender = await connection.createAppender(table);
	try {
		for (let start = 0; start < rows; start += CHUNK_ROWS) {
			const count = Math.min(CHUNK_ROWS, rows - start);
			const chunk = DuckDBDataChunk.create(types, count);
			columns.forEach((column, i) => chunk.setColumnValues(i, column.slice(start, start + count)));
			appender.appendDataChunk(chunk);
		}
	} finally {
		appender.closeSync();
	}
	return rows;
}
