/**
 * The tables part of the manifest: what the browser's DuckDB can load, and
 * what their columns hold.
 *
 * Columns are described once per family of tables (issue #13): every month's
 * `rtt_detail_YYYY_MM` has the same 121 columns, and listing them with each of
 * 60 months made manifest.json a megabyte, all of it inlined into the
 * prerendered /explore page. A manifest table names its family; the family
 * holds the columns and the description the family's tables share.
 */

export interface ColumnDescription {
	name: string;
	type: string;
	description: string;
}

export type TableFormat = 'arrow' | 'duckdb' | 'union';

/** What a family of tables has in common: the same columns, and (unless a table says otherwise) one description. */
export interface TableFamily {
	description: string;
	columns: ColumnDescription[];
}

/** One table as manifest.json lists it; its columns are its family's (`Manifest.families`). */
export interface ManifestTable {
	name: string; // DuckDB table name in the browser
	/** Key of `Manifest.families`: `rtt_detail` for every month's `rtt_detail_YYYY_MM`, else usually the table's own name. */
	family: string;
	/** 'YYYY-MM' for one month's table. */
	period?: string;
	title: string;
	/** Only when it is not the family's description (the every-month `rtt_summary`, for one). */
	description?: string;
	/**
	 * The file the browser loads, relative to static/data (may end in .gz): an
	 * Arrow IPC stream, or a DuckDB database file; '' for a 'union'.
	 */
	path: string;
	parquet: string | null; // Parquet download relative to static/data
	rows: number;
	/** Bytes of `path` as stored (compressed); for a 'union', the sum of its parts. */
	bytes: number;
	/** Tables loaded only when a query names them (the per-commissioner detail, each month's summary). */
	lazy: boolean;
	/**
	 * How the browser gets the table: 'arrow' (the default) loads an Arrow IPC
	 * stream; 'duckdb' attaches a DuckDB database file read-only and reads
	 * `innerTable` from it; 'union' is a view over the tables named in `parts`
	 * (same columns), each fetched when it is first needed.
	 */
	format?: TableFormat;
	/** For 'duckdb': the table's name inside the database file. */
	innerTable?: string;
	/** For 'union': the manifest tables it is made of, in order. */
	parts?: string[];
}

/**
 * A table with everything said about it: what the build's writers return
 * (duckdb-file.ts, table-file.ts), and what describeTable() gives a reader.
 */
export interface TableDescription extends Omit<ManifestTable, 'family' | 'description'> {
	description: string;
	columns: ColumnDescription[];
}

/** The manifest's tables and their families: all the explorer needs of the manifest besides the latest month. */
export interface TableCatalogue {
	tables: ManifestTable[];
	families: Record<string, TableFamily>;
}

export const tableFormat = (table: Pick<ManifestTable, 'format'>): TableFormat => table.format ?? 'arrow';

const MONTH_SUFFIX = /_(\d{4})_(\d{2})$/;
const YEAR_SUFFIX = /_\d{4}$/;

/**
 * `rtt_detail` for `rtt_detail_2026_04` (and its month), `rtt_summary` for the year's
 * `rtt_summary_2026`; any other table is a family of its own.
 */
export function familyOf(name: string): { family: string; period?: string } {
	const month = MONTH_SUFFIX.exec(name);
	if (month) return { family: name.slice(0, month.index), period: `${month[1]}-${month[2]}` };
	const year = YEAR_SUFFIX.exec(name);
	return year ? { family: name.slice(0, year.index) } : { family: name };
}

const columnsText = (columns: readonly ColumnDescription[]) => JSON.stringify(columns.map((c) => [c.name, c.type, c.description]));

/**
 * The manifest's form of `tables`: each family's columns once. A family's
 * description is the one most of its tables share; a table with another keeps
 * its own. Throws when two tables of one family differ in their columns.
 */
export function catalogue(tables: readonly TableDescription[]): TableCatalogue {
	const members = new Map<string, TableDescription[]>();
	for (const table of tables) {
		const { family } = familyOf(table.name);
		members.set(family, [...(members.get(family) ?? []), table]);
	}
	const families: Record<string, TableFamily> = {};
	for (const [family, list] of members) {
		const odd = list.find((t) => columnsText(t.columns) !== columnsText(list[0].columns));
		if (odd) throw new Error(`Tables ${list[0].name} and ${odd.name} are of one family (${family}) but their columns differ.`);
		families[family] = { description: commonest(list.map((t) => t.description)), columns: list[0].columns };
	}
	const listed = tables.map(({ columns: _, description, ...table }): ManifestTable => {
		const { family, period } = familyOf(table.name);
		return { ...table, family, ...(period ? { period } : {}), ...(description === families[family].description ? {} : { description }) };
	});
	return { tables: listed, families };
}

/** The value most often seen; on a tie, the first of them. */
function commonest(values: readonly string[]): string {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** A manifest table with its family's columns and description: what the schema browser and datapackage.json show. */
export function describeTable(catalogue: Pick<TableCatalogue, 'families'>, table: ManifestTable): TableDescription {
	const family = Object.hasOwn(catalogue.families, table.family) ? catalogue.families[table.family] : undefined;
	if (!family) throw new Error(`manifest.json: table ${table.name} names the family "${table.family}", which its families do not list.`);
	const { family: _, period: __, description, ...rest } = table;
	return { ...rest, description: description ?? family.description, columns: family.columns };
}

/**
 * What is wrong with a manifest's tables, as sentences: a family it does not
 * list, a union part it does not have, a month table whose name and period
 * disagree. An empty list when none.
 */
export function catalogueProblems(catalogue: TableCatalogue): string[] {
	const problems: string[] = [];
	const names = new Set(catalogue.tables.map((t) => t.name));
	for (const table of catalogue.tables) {
		if (!Object.hasOwn(catalogue.families, table.family)) problems.push(`table ${table.name} names the family "${table.family}", which is not listed.`);
		if (familyOf(table.name).period !== table.period) problems.push(`table ${table.name} says it is of month ${table.period ?? 'none'}, but its name says ${familyOf(table.name).period ?? 'none'}.`);
		for (const part of table.parts ?? []) if (!names.has(part)) problems.push(`table ${table.name} is made of ${part}, which is not listed.`);
	}
	return problems;
}
