/**
 * SQL for reading and validating an RTT full extract in DuckDB.
 * Every identifier here comes from the published header constants in
 * src/lib/schema/rtt.ts, never from input; file paths are bound parameters.
 *
 * The CSV is parsed once: one statement types the counts, applies every row rule
 * that needs only the row itself, and stores the row already in `rtt_detail`'s
 * shape, beside three narrow columns (the raw period, the raw keys when trimming
 * changed them, the row's problem). The rules that need the whole file (one period,
 * no duplicate rows) then read only those narrow columns. Materialising the 121
 * raw columns first, then checking and copying them, cost about 1.6× the CPU.
 *
 * That ordered load runs on one thread, so that a row's rowid gives its line. A clean
 * month needs no line numbers: `cleanLoadSql` loads it first, on all threads, with
 * cheaper checks (on one thread, 0.7× the ordered load's CPU on January 2026; on two, a
 * busy machine measured about 1.0×, for the wall time of two cores when they are free),
 * and only a file it finds anything wrong with is parsed a second time, by the ordered load.
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
const KEPT_KEYS = RTT_KEY_HEADERS.filter((h) => h !== 'Period' && h !== 'RTT Part Description');
/** The four columns that identify a row; a second row with the same four is a duplicate. The detail file is sorted by them (month-files.ts). */
export const ROW_KEYS = ['Provider Org Code', 'Commissioner Org Code', 'RTT Part Type', 'Treatment Function Code'] as const;

/** The load table; renamed to `rtt_detail` when it is the first month there. */
export const LOAD_TABLE = 'rtt_load';
/** Columns of the load table that are not in `rtt_detail`. */
export const CHECK_COLUMNS = ['period_text', 'raw_keys', 'problem'] as const;

/** `rtt_detail`'s columns, in order. */
export const DETAIL_COLUMNS: readonly string[] = [
	'period',
	...KEPT_KEYS.map((h) => KEY_COLUMNS[h]),
	...RTT_BAND_COLUMNS,
	'total',
	'unknown_clock_start',
	'total_all'
];

const MAX_COUNT = 2_147_483_647;
// Each part spelt out: DuckDB plans `x IN (<list>)` as a join, and a join does not keep the
// file's row order, which the load table's rowid must.
const notAPart = `NOT (${RTT_PARTS.map((p) => `"RTT Part Type" = ${quoteText(p)}`).join(' OR ')})`;
const bandSum = RTT_BAND_HEADERS.map((h) => `coalesce(${quoteIdent(h)}, 0)`).join(' + ');
const counts = COUNT_HEADERS.map(quoteIdent).join(', ');

/**
 * The columns OpenWaits keeps, with units and roles in their names, from the raw CSV columns.
 * The month is a guess from the file's first row, which `FIX_PERIOD_SQL` corrects where it
 * was wrong (rows of another month are rejected anyway). A count that does not fit an
 * INTEGER becomes NULL here, and its row is rejected.
 */
function detailFromCsv(countsAreIntegers = false): string[] {
	const integer = (value: string) => (countsAreIntegers ? value : `TRY_CAST(${value} AS INTEGER)`);
	// Band cells are empty only where a part has no bands (Part_3); elsewhere empty means none.
	const bands = RTT_BAND_HEADERS.map((h, k) => `${integer(`coalesce(${quoteIdent(h)}, empty_band)`)} AS ${RTT_BAND_COLUMNS[k]}`);
	return [
		'CASE WHEN "Period" = $periodGuess THEN $monthGuess END AS period',
		...KEPT_KEYS.map((h) => KEY_COLUMNS[h]),
		...bands,
		`${integer('"Total"')} AS total`,
		`${integer('"Patients with unknown clock start date"')} AS unknown_clock_start`,
		`${integer('"Total All"')} AS total_all`
	];
}

/** The raw columns, each key trimmed once (or not: `trimmed`), and what an empty band cell means on this row's part. */
function csvWithTrimmedKeys(trimmed = true): string {
	const keys = KEPT_KEYS.map((h) => `${trimmed ? `trim(${quoteIdent(h)})` : quoteIdent(h)} AS ${KEY_COLUMNS[h]}`);
	return `SELECT *, ${keys.join(', ')}, CASE WHEN "RTT Part Type" = 'Part_3' THEN NULL ELSE 0 END AS empty_band`;
}

/** DuckDB's CSV reader on the file, typed by the published header, counts as `countType`. */
function readCsv(countType: 'BIGINT' | 'INTEGER', more = ''): string {
	const columns = RTT_HEADER.map(
		(header) => `${quoteText(header)}: '${COUNT_HEADERS.includes(header) ? countType : 'VARCHAR'}'`
	).join(', ');
	return `read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {${columns}}${more})`;
}

/**
 * The first rule a row breaks among those that need only the row (NULL when none).
 * Rules follow NHS England's RTT guidance: Total is the sum of the week bands for
 * completed pathways (Parts 1A/1B), and Total All is the sum of the bands for
 * incomplete pathways (Parts 2/2A). The period rule comes before these and the
 * duplicate rule after them (`problemsSql`), so the first failing rule still wins.
 */
function rowProblem(): string {
	const each = (test: (h: string) => string, message: (h: string) => string) =>
		COUNT_HEADERS.map((h) => `WHEN ${test(quoteIdent(h))} THEN struct_pack(col := ${quoteText(h)}, msg := ${message(quoteIdent(h))})`).join('\n      ');
	// least/greatest pass over every count once; the column-by-column rules run only on a row they catch.
	const negative = each((c) => `${c} < 0`, (c) => `'a count cannot be negative (' || ${c} || ').'`);
	// Counts are stored as 32-bit integers.
	const tooBig = each((c) => `${c} > ${MAX_COUNT}`, (c) => `'a count cannot be above ${MAX_COUNT.toLocaleString('en-GB')} (' || ${c} || ').'`);
	return `CASE
    WHEN coalesce(provider_code, '') = '' THEN struct_pack(col := 'Provider Org Code', msg := 'the provider code is missing.')
    WHEN coalesce(commissioner_code, '') = '' THEN struct_pack(col := 'Commissioner Org Code', msg := 'the commissioner code is missing.')
    WHEN coalesce(treatment_code, '') = '' THEN struct_pack(col := 'Treatment Function Code', msg := 'the treatment function code is missing.')
    WHEN "RTT Part Type" IS NULL OR ${notAPart} THEN struct_pack(col := 'RTT Part Type', msg := 'unknown RTT part ' || coalesce('"' || "RTT Part Type" || '"', '(empty)') || '; expected one of ${RTT_PARTS.join(', ')}.')
    WHEN "Total All" IS NULL THEN struct_pack(col := 'Total All', msg := 'Total All is empty; it is always filled in.')
    WHEN least(${counts}) < 0 THEN CASE
      ${negative}
    END
    WHEN greatest(${counts}) > ${MAX_COUNT} THEN CASE
      ${tooBig}
    END
    WHEN ("RTT Part Type" = 'Part_1A' OR "RTT Part Type" = 'Part_1B') AND "Total" IS DISTINCT FROM (${bandSum}) THEN struct_pack(col := 'Total', msg := 'the week bands add up to ' || (${bandSum}) || ' but Total is ' || coalesce("Total"::VARCHAR, 'empty') || '.')
    WHEN ("RTT Part Type" = 'Part_1A' OR "RTT Part Type" = 'Part_1B') AND "Total All" <> "Total" + coalesce("Patients with unknown clock start date", 0) THEN struct_pack(col := 'Total All', msg := 'Total All (' || "Total All" || ') should equal Total plus patients with an unknown clock start (' || ("Total" + coalesce("Patients with unknown clock start date", 0)) || ').')
    WHEN ("RTT Part Type" = 'Part_2' OR "RTT Part Type" = 'Part_2A') AND "Total All" <> (${bandSum}) THEN struct_pack(col := 'Total All', msg := 'the week bands add up to ' || (${bandSum}) || ' but Total All is ' || "Total All" || '.')
  END`;
}

/**
 * Duplicates are judged on the raw keys, as published. The trimmed keys are kept anyway;
 * `raw_keys` holds the raw ones only on the rare row where trimming changed one, so the
 * trimmed keys with `raw_keys` tell rows apart exactly as the raw keys would.
 */
function rawKeys(): string {
	const same = ROW_KEYS.map((h) => `${quoteIdent(h)} IS NOT DISTINCT FROM ${KEY_COLUMNS[h]}`).join(' AND ');
	return `CASE WHEN ${same} THEN NULL ELSE [${ROW_KEYS.map(quoteIdent).join(', ')}] END`;
}

/**
 * Counts are typed by the CSV reader itself, so text in a count column is rejected with its
 * line and column. A row's place in the file is its rowid (+1): the table is filled once,
 * in file order (DuckDB keeps insertion order through scans and projections, not through
 * a join: rtt.spec.ts checks the plan has none), and rows are only ever deleted from it.
 */
export function loadSql(rejectsTable: string, scanTable: string): string {
	return `CREATE OR REPLACE TABLE ${LOAD_TABLE} AS
SELECT ${detailFromCsv().join(',\n  ')},
  "Period" AS period_text,
  ${rawKeys()} AS raw_keys,
  ${rowProblem()} AS problem
FROM (${csvWithTrimmedKeys()}
  FROM ${readCsv('BIGINT', `, store_rejects = true,
    rejects_table = ${quoteText(rejectsTable)}, rejects_scan = ${quoteText(scanTable)}`)})`;
}

/**
 * The fast path for a clean file: the same row rules, but the load only has to tell
 * whether any row breaks one, not which line, so DuckDB may read the file on all its
 * threads in any order. Any doubt ends the statement with an error (a CSV error, a count
 * beyond INTEGER, a row that breaks a rule, a row of another period, a padded key), and
 * the reader then loads the file the ordered way, which names every line. The table holds
 * exactly `rtt_detail`'s columns, as the ordered load makes them for a clean file.
 *
 * `ascii`: the file is all ASCII, where `trim` could only remove plain spaces; then a
 * key starting or ending with one sends the file the ordered way, and nothing is trimmed
 * (trimming eleven text columns was a sixth of the ordered load's CPU).
 *
 * `target`: a table of the caller's to fill instead, sorted as it is filled (the build's
 * month detail file: rows go to the file once, not to memory and then to the file).
 */
export function cleanLoadSql(ascii: boolean, target: CleanTarget | null = null): string {
	const padded = ascii
		? KEPT_KEYS.map((h) => `starts_with(${quoteIdent(h)}, ' ') OR ends_with(${quoteIdent(h)}, ' ')`)
		// Duplicates are judged on the keys as published: rows whose keys trimming changes go the ordered way.
		: ROW_KEYS.map((h) => `${quoteIdent(h)} IS DISTINCT FROM ${KEY_COLUMNS[h]}`);
	const completed = `("RTT Part Type" = 'Part_1A' OR "RTT Part Type" = 'Part_1B')`;
	const incomplete = `("RTT Part Type" = 'Part_2' OR "RTT Part Type" = 'Part_2A')`;
	// The rules of rowProblem in one OR, true exactly when one of them is. The sums are INTEGER
	// here: one beyond it is an error, and the ordered load judges that row.
	const broken = [
		'"Period" IS DISTINCT FROM $periodGuess',
		...['provider_code', 'commissioner_code', 'treatment_code'].map((c) => `coalesce(${c}, '') = ''`),
		`"RTT Part Type" IS NULL OR ${notAPart}`,
		'"Total All" IS NULL',
		`least(${counts}) < 0`,
		`(${completed} AND ("Total" IS DISTINCT FROM (${bandSum}) OR "Total All" <> "Total" + coalesce("Patients with unknown clock start date", 0)))`,
		`(${incomplete} AND "Total All" <> (${bandSum}))`,
		...padded
	].join('\n    OR ');
	return `${target ? `CREATE TABLE ${target.table}` : `CREATE OR REPLACE TABLE ${LOAD_TABLE}`} AS
SELECT CASE WHEN ${broken}
  THEN error('not a clean file') ELSE $monthGuess END AS period,
  ${detailFromCsv(true).slice(1).join(',\n  ')}
FROM (${csvWithTrimmedKeys(!ascii)} FROM ${readCsv('INTEGER')})${target ? `\nORDER BY ${target.orderBy}` : ''}`;
}

/** A table outside the build's own database that a clean load fills; both names come from the build's code. */
export interface CleanTarget {
	table: string;
	orderBy: string;
}

/** Rows of the clean load, and how many key combinations appear more than once (any is a duplicate row). */
export function cleanCountsSql(table: string = LOAD_TABLE): string {
	return `SELECT (SELECT count(*) FROM ${table})::BIGINT AS rows,
  (SELECT count(*) FROM (SELECT 1 FROM ${table} GROUP BY ${ROW_KEYS.map((h) => KEY_COLUMNS[h]).join(', ')} HAVING count(*) > 1))::BIGINT AS repeated`;
}

export function rejectsSql(rejectsTable: string): string {
	return `SELECT line::BIGINT AS line, column_name, error_type::VARCHAR AS error_type, error_message
FROM ${quoteIdent(rejectsTable)} ORDER BY line`;
}

export const PERIODS_SQL = `SELECT period_text, min(rowid + 1)::BIGINT AS first_row, count(*)::BIGINT AS rows
FROM ${LOAD_TABLE} GROUP BY 1 ORDER BY rows DESC`;

/** One row per problem row, the first failing rule winning, so every rejected row is counted once. */
export function problemsSql(): string {
	// A row is a duplicate when an earlier row has the same keys: grouped on the narrow key
	// columns (a hash, not the sort a row_number() window needs), then matched back.
	const keys = [...ROW_KEYS.map((h) => KEY_COLUMNS[h]), 'raw_keys'];
	return `WITH duplicates AS (
  SELECT l.rowid + 1 AS row_index FROM ${LOAD_TABLE} l JOIN (
    SELECT ${keys.join(', ')}, min(rowid) AS first FROM ${LOAD_TABLE} GROUP BY ALL HAVING count(*) > 1) d
  ON ${keys.map((k) => `l.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ')}
  WHERE l.rowid > d.first
),
checked AS (
  SELECT rowid + 1 AS row_index,
  CASE
    WHEN period_text IS DISTINCT FROM $period THEN struct_pack(col := 'Period', msg := 'this row is for ' || coalesce('"' || period_text || '"', 'no period') || ' but the file is for ' || $period || '; one file must hold one month.')
    WHEN problem IS NOT NULL THEN problem
    WHEN rowid + 1 IN (SELECT row_index FROM duplicates)
      THEN struct_pack(col := NULL::VARCHAR, msg := 'this provider, commissioner, part and treatment already appeared on an earlier row (a duplicate row).')
  END AS problem
  FROM ${LOAD_TABLE}
)
SELECT row_index::BIGINT AS row_index, problem.col AS column_name, problem.msg AS message
FROM checked WHERE problem IS NOT NULL ORDER BY row_index`;
}

/** Every row of the file's month gets the month parsed from it (a no-op unless the first row was of another month). */
export const FIX_PERIOD_SQL = `UPDATE ${LOAD_TABLE} SET period = $month WHERE period_text = $period AND period IS DISTINCT FROM $month`;

export const DETAIL_EXISTS_SQL = `SELECT count(*)::INTEGER AS n FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = 'rtt_detail'`;

export const DELETE_PROBLEMS_SQL = `DELETE FROM ${LOAD_TABLE} WHERE rowid + 1 IN (SELECT row_index FROM rtt_problems)`;

/** A clean load into a target (cleanLoadSql) is shown as `rtt_detail`, without a copy. */
export const detailViewSql = (target: CleanTarget) => `CREATE VIEW rtt_detail AS SELECT * FROM ${target.table}`;

/** The clean load's table holds only `rtt_detail`'s columns, in its order. */
export const KEEP_CLEAN_AS_DETAIL_SQL = [`ALTER TABLE ${LOAD_TABLE} RENAME TO rtt_detail`];
export const APPEND_CLEAN_SQL = `INSERT INTO rtt_detail SELECT * FROM ${LOAD_TABLE}`;

/** The first month becomes `rtt_detail` itself: dropping a column does not copy the others. */
export const KEEP_AS_DETAIL_SQL = [
	...CHECK_COLUMNS.map((c) => `ALTER TABLE ${LOAD_TABLE} DROP COLUMN ${c}`),
	...KEEP_CLEAN_AS_DETAIL_SQL
];

export function appendAcceptedSql(): string {
	return `INSERT INTO rtt_detail SELECT ${DETAIL_COLUMNS.join(', ')}
FROM ${LOAD_TABLE} WHERE rowid + 1 NOT IN (SELECT row_index FROM rtt_problems)`;
}
