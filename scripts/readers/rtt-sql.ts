/**
 * SQL for reading and validating an RTT full extract in DuckDB.
 * Every identifier here comes from the published header constants in
 * src/lib/schema/rtt.ts, never from input; file paths are bound parameters.
 */
import {
	RTT_BAND_COLUMNS,
	RTT_BAND_HEADERS,
	RTT_HEADER,
	RTT_KEY_HEADERS,
	RTT_PARTS,
	RTT_TOTAL_HEADERS
} from '../../src/lib/schema/rtt.ts';

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

const KEY_COLUMNS: Record<(typeof RTT_KEY_HEADERS)[number], string> = {
	Period: 'period_text',
	'Provider Parent Org Code': 'provider_parent_code',
	'Provider Parent Name': 'provider_parent_name',
	'Provider Org Code': 'provider_code',
	'Provider Org Name': 'provider_name',
	'Commissioner Parent Org Code': 'commissioner_parent_code',
	'Commissioner Parent Name': 'commissioner_parent_name',
	'Commissioner Org Code': 'commissioner_code',
	'Commissioner Org Name': 'commissioner_name',
	'RTT Part Type': 'part',
	'RTT Part Description': 'part_description',
	'Treatment Function Code': 'treatment_code',
	'Treatment Function Name': 'treatment_name'
};

const COUNT_HEADERS = [...RTT_BAND_HEADERS, ...RTT_TOTAL_HEADERS];

/** Counts are typed by the CSV reader itself, so text in a count column is rejected with its line and column. */
export function loadSql(rejectsTable: string, scanTable: string): string {
	const columns = RTT_HEADER.map(
		(header) => `${quoteText(header)}: '${COUNT_HEADERS.includes(header) ? 'BIGINT' : 'VARCHAR'}'`
	).join(', ');
	// A row's place in the file is its rowid (+1): the table is filled once, in file order, and
	// never changed. A row_number() window here would carry all 121 columns through a sort.
	return `CREATE OR REPLACE TEMP TABLE rtt_load AS
SELECT *
FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
  columns = {${columns}}, store_rejects = true,
  rejects_table = ${quoteText(rejectsTable)}, rejects_scan = ${quoteText(scanTable)})`;
}

export function rejectsSql(rejectsTable: string): string {
	return `SELECT line::BIGINT AS line, column_name, error_type::VARCHAR AS error_type, error_message
FROM ${quoteIdent(rejectsTable)} ORDER BY line`;
}

export const PERIODS_SQL = `SELECT "Period" AS period_text, min(rowid + 1)::BIGINT AS first_row, count(*)::BIGINT AS rows
FROM rtt_load GROUP BY 1 ORDER BY rows DESC`;

const MAX_COUNT = 2_147_483_647;
const partList = RTT_PARTS.map(quoteText).join(', ');
const bandSum = RTT_BAND_HEADERS.map((h) => `coalesce(${quoteIdent(h)}, 0)`).join(' + ');

/**
 * One row per problem row: the first failing rule wins, so every rejected row
 * is counted once. Rules follow NHS England's RTT guidance: Total is the sum
 * of the week bands for completed pathways (Parts 1A/1B), and Total All is
 * the sum of the bands for incomplete pathways (Parts 2/2A).
 */
export function problemsSql(): string {
	const negative = COUNT_HEADERS.map(
		(h) => `WHEN ${quoteIdent(h)} < 0 THEN struct_pack(col := ${quoteText(h)}, msg := 'a count cannot be negative (' || ${quoteIdent(h)} || ').')`
	).join('\n    ');
	// Counts are stored as 32-bit integers; a bigger value would make the load itself fail.
	const tooBig = COUNT_HEADERS.map(
		(h) => `WHEN ${quoteIdent(h)} > ${MAX_COUNT} THEN struct_pack(col := ${quoteText(h)}, msg := 'a count cannot be above ${MAX_COUNT.toLocaleString('en-GB')} (' || ${quoteIdent(h)} || ').')`
	).join('\n    ');
	// Duplicates are found on the key columns alone, so the window sorts four columns, not 121.
	return `WITH duplicates AS (
  SELECT row_index FROM (
    SELECT rowid + 1 AS row_index, row_number() OVER (PARTITION BY "Provider Org Code", "Commissioner Org Code", "RTT Part Type", "Treatment Function Code" ORDER BY rowid) AS seen
    FROM rtt_load)
  WHERE seen > 1
),
checked AS (
  SELECT rowid + 1 AS row_index,
  CASE
    WHEN "Period" IS DISTINCT FROM $period THEN struct_pack(col := 'Period', msg := 'this row is for ' || coalesce('"' || "Period" || '"', 'no period') || ' but the file is for ' || $period || '; one file must hold one month.')
    WHEN coalesce(trim("Provider Org Code"), '') = '' THEN struct_pack(col := 'Provider Org Code', msg := 'the provider code is missing.')
    WHEN coalesce(trim("Commissioner Org Code"), '') = '' THEN struct_pack(col := 'Commissioner Org Code', msg := 'the commissioner code is missing.')
    WHEN coalesce(trim("Treatment Function Code"), '') = '' THEN struct_pack(col := 'Treatment Function Code', msg := 'the treatment function code is missing.')
    WHEN "RTT Part Type" IS NULL OR "RTT Part Type" NOT IN (${partList}) THEN struct_pack(col := 'RTT Part Type', msg := 'unknown RTT part ' || coalesce('"' || "RTT Part Type" || '"', '(empty)') || '; expected one of ${RTT_PARTS.join(', ')}.')
    WHEN "Total All" IS NULL THEN struct_pack(col := 'Total All', msg := 'Total All is empty; it is always filled in.')
    ${negative}
    ${tooBig}
    WHEN "RTT Part Type" IN ('Part_1A', 'Part_1B') AND "Total" IS DISTINCT FROM (${bandSum}) THEN struct_pack(col := 'Total', msg := 'the week bands add up to ' || (${bandSum}) || ' but Total is ' || coalesce("Total"::VARCHAR, 'empty') || '.')
    WHEN "RTT Part Type" IN ('Part_1A', 'Part_1B') AND "Total All" <> "Total" + coalesce("Patients with unknown clock start date", 0) THEN struct_pack(col := 'Total All', msg := 'Total All (' || "Total All" || ') should equal Total plus patients with an unknown clock start (' || ("Total" + coalesce("Patients with unknown clock start date", 0)) || ').')
    WHEN "RTT Part Type" IN ('Part_2', 'Part_2A') AND "Total All" <> (${bandSum}) THEN struct_pack(col := 'Total All', msg := 'the week bands add up to ' || (${bandSum}) || ' but Total All is ' || "Total All" || '.')
    WHEN rowid + 1 IN (SELECT row_index FROM duplicates)
      THEN struct_pack(col := NULL::VARCHAR, msg := 'this provider, commissioner, part and treatment already appeared on an earlier row (a duplicate row).')
  END AS problem
  FROM rtt_load
)
SELECT row_index::BIGINT AS row_index, problem.col AS column_name, problem.msg AS message
FROM checked WHERE problem IS NOT NULL ORDER BY row_index`;
}

/** The columns OpenWaits keeps, with units and roles in their names. */
export function detailSelectSql(): string {
	const keys = RTT_KEY_HEADERS.filter((h) => h !== 'Period' && h !== 'RTT Part Description').map(
		(h) => `trim(${quoteIdent(h)}) AS ${KEY_COLUMNS[h]}`
	);
	// Band cells are empty only where a part has no bands (Part_3); elsewhere empty means none.
	const bands = RTT_BAND_HEADERS.map(
		(h, k) =>
			`(CASE WHEN "RTT Part Type" = 'Part_3' THEN ${quoteIdent(h)} ELSE coalesce(${quoteIdent(h)}, 0) END)::INTEGER AS ${RTT_BAND_COLUMNS[k]}`
	);
	return [
		'$month::VARCHAR AS period',
		...keys,
		...bands,
		'"Total"::INTEGER AS total',
		'"Patients with unknown clock start date"::INTEGER AS unknown_clock_start',
		'"Total All"::INTEGER AS total_all'
	].join(',\n  ');
}

export function appendAcceptedSql(): string {
	return `INSERT INTO rtt_detail SELECT ${detailSelectSql()}
FROM rtt_load WHERE rowid + 1 NOT IN (SELECT row_index FROM rtt_problems)`;
}

export function createDetailTableSql(): string {
	return `CREATE TABLE IF NOT EXISTS rtt_detail AS SELECT ${detailSelectSql()} FROM rtt_load WHERE false`;
}
