/**
 * Everything one RTT month publishes, written by DuckDB from the build's
 * `rtt_detail` and `rtt_summary` (a clean month's detail rows are sorted
 * straight into their file as they are read: rtt-month.ts):
 *   months/<YYYY-MM>/rtt_detail.duckdb.gz   → table rtt_detail_YYYY_MM (lazy)
 *   months/<YYYY-MM>/rtt_summary.duckdb.gz  → table rtt_summary_YYYY_MM (lazy)
 *   parquet/rtt_detail_YYYY_MM.parquet, parquet/rtt_summary_YYYY_MM.parquet
 * Each file depends on that month only, so a build that reuses earlier months
 * can copy their folders and call writeMonthFiles for new months alone.
 * `rtt_summary` in the manifest is a view over every month's part (unionTable).
 *
 * Why native DuckDB files rather than Arrow (issue #13): DuckDB writes them
 * itself (no JavaScript loop over a month's rows, which made the Arrow route
 * ~7× slower than DuckDB's own COPY), and DuckDB's compressed columns gzip
 * smaller. Measured on the real months (bytes, gzip level 6; Arrow as the
 * build wrote it before this change, DuckDB 256 kB blocks in a trial run):
 *   table, month              Arrow .arrow.gz   DuckDB 256 kB blocks   DuckDB 16 kB blocks (chosen)
 *   rtt_detail  2026-01       4,515,084         3,590,904              3,396,560  (−25% against Arrow)
 *   rtt_detail  2026-04       4,533,983         3,514,842              3,307,768  (−27%)
 *   rtt_summary 2026-01         636,164 *         645,699                619,029  (−3%)
 *   rtt_summary 2026-04         663,289 *         655,094                616,036  (−7%)
 *   * one month each through the old writeArrowFile; the old build held both
 *     months in one rtt_summary.arrow.gz of 1,248,703 bytes.
 * Since NULL masks are stored as Roaring bitmaps (duckdb-file.ts says why), the detail
 * files are 3,168,941 (2026-01) and 3,059,331 bytes (2026-04), the summaries 619,897 and 617,129.
 * Writing April 2026 (both tables and their Parquet) took 4.5 s of CPU against
 * 6.6–7.1 s through Arrow (CPU time: wall time on the shared build machine
 * varied twofold); of that, DuckDB's sort and write 2.3 s, Parquet 1.0 s, gzip 0.6 s.
 * rtt_england (every month's England rows) is 18 kB. The files hold exactly the
 * rows of the old Arrow tables: scripts/compare-rtt-data.ts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDescription } from '../../src/lib/schema/site-data.ts';
import { TABLE_TEXT } from './dataset-tables.ts';
import { writeDuckdbTable, type DuckdbTableSpec } from './duckdb-file.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';

/** The month tables, in the order the manifest lists them; sort orders as before. */
export const MONTH_TABLES = [
	{ table: 'rtt_summary', columns: SUMMARY_COLUMNS.map((c) => c.name).join(', '), orderBy: 'period, part, provider_code, treatment_code' },
	{ table: 'rtt_detail', columns: '*', orderBy: 'provider_code, commissioner_code, part, treatment_code' }
] as const;

export type MonthTable = (typeof MONTH_TABLES)[number]['table'];

const PERIOD = /^\d{4}-\d{2}$/;

/** `rtt_summary_2026_04` for table `rtt_summary` and month `2026-04`. */
export const monthTableName = (table: string, period: string) => `${table}_${period.replace('-', '_')}`;

export async function writeMonthFiles(connection: DuckDBConnection, dir: string, period: string): Promise<TableDescription[]> {
	const written: TableDescription[] = [];
	for (const { table } of MONTH_TABLES) written.push(await writeMonthTable(connection, dir, period, table));
	return written;
}

/** One of the month's tables and its Parquet download; the build writes the two at once, on two connections. */
export async function writeMonthTable(connection: DuckDBConnection, dir: string, period: string, table: MonthTable): Promise<TableDescription> {
	return writeDuckdbTable(connection, dir, monthTableSpec(period, table));
}

/** The sort order of a month table's file (and of its Parquet download). */
export const monthTableOrder = (table: MonthTable): string => MONTH_TABLES.find((t) => t.table === table)!.orderBy;

/** How one of the month's tables is written, read from the build's table of that name. */
export function monthTableSpec(period: string, table: MonthTable): DuckdbTableSpec {
	if (!PERIOD.test(period)) throw new Error(`Not a month (YYYY-MM): ${period}`);
	const { columns, orderBy } = MONTH_TABLES.find((t) => t.table === table)!;
	const text = TABLE_TEXT[table];
	return {
		name: monthTableName(table, period),
		innerTable: table,
		title: `${text.title}: ${period}`,
		description: text.description,
		columnText: text.columns,
		path: `months/${period}/${table}.duckdb.gz`,
		parquet: `parquet/${monthTableName(table, period)}.parquet`,
		select: `SELECT ${columns} FROM ${table} WHERE period = $period`,
		params: { period },
		orderBy,
		lazy: true
	};
}

/**
 * One table over several parts with the same columns (every month's summary):
 * the browser fetches each part the first time a query needs it. `parquet`:
 * one download of every part together, when the build writes one.
 */
export function unionTable(name: string, parts: TableDescription[], text: { title: string; description: string }, parquet: string | null = null): TableDescription {
	if (!parts.length) throw new Error(`${name}: a union needs at least one part`);
	const shape = (t: TableDescription) => t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
	const odd = parts.find((p) => shape(p) !== shape(parts[0]));
	if (odd) throw new Error(`${name}: ${odd.name} has columns ${shape(odd)}, not ${shape(parts[0])} as ${parts[0].name}`);
	return {
		name,
		title: text.title,
		description: text.description,
		path: '',
		parquet,
		rows: parts.reduce((sum, p) => sum + p.rows, 0),
		bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
		columns: parts[0].columns,
		lazy: true,
		format: 'union',
		parts: parts.map((p) => p.name)
	};
}
