import type { ManifestTable } from '$lib/schema/site-data';

/**
 * Table names cannot be bound parameters, so only names the manifest lists
 * (and that look like identifiers) are ever put into this statement.
 */
export function rowCountSql(table: ManifestTable): string {
	if (!/^[a-z_][a-z0-9_]*$/.test(table.name)) throw new Error(`Not a table name: ${table.name}`);
	return `SELECT count(*) AS row_count FROM "${table.name}"`;
}
