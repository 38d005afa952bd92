/** Puts rows read in TypeScript into a DuckDB table, so every output is written one way. */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface ColumnSpec<Row> {
	name: string;
	type: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'INTEGER';
	description: string;
	value: (row: Row) => string | number | boolean | null | undefined;
}

export async function loadRows<Row>(
	connection: DuckDBConnection,
	table: string,
	columns: ColumnSpec<Row>[],
	rows: Iterable<Row>
): Promise<number> {
	if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
	const ddl = columns.map((c) => `${c.name} ${c.type}`).join(', ');
	await connection.run(`CREATE OR REPLACE TABLE ${table} (${ddl})`);
	const appender = await connection.createAppender(table);
	let count = 0;
	for (const row of rows) {
		for (const column of columns) {
			const value = column.value(row);
			if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) appender.appendNull();
			else if (column.type === 'VARCHAR') appender.appendVarchar(String(value));
			else if (column.type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
			else if (column.type === 'BIGINT') appender.appendBigInt(BigInt(Math.round(Number(value))));
			else if (column.type === 'INTEGER') appender.appendInteger(Math.round(Number(value)));
			else appender.appendDouble(Number(value));
		}
		appender.endRow();
		count++;
	}
	appender.closeSync();
	return count;
}
