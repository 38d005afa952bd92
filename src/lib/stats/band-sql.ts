/**
 * SQL fragments for the build's DuckDB queries over band columns
 * `band_000`..`band_104`. Built only from the constant column names in
 * schema/rtt.ts (checked below), never from input, so they are safe to splice.
 *
 * Only the summing lives in SQL; every percentile is computed in TypeScript
 * (percentile.ts) so there is one definition of the method.
 */
import { RTT_BAND_COLUMNS, RTT_BANDED_PARTS } from '../schema/rtt.ts';
import { summariseWaits, type WaitSummary } from './wait-summary.ts';

const SAFE_COLUMN = /^band_\d{3}$/;

function bandColumns(): readonly string[] {
	for (const name of RTT_BAND_COLUMNS) {
		if (!SAFE_COLUMN.test(name)) throw new Error(`Unexpected band column name: ${name}`);
	}
	return RTT_BAND_COLUMNS;
}

/** "sum(band_000)::BIGINT AS band_000, …, sum(band_104)::BIGINT AS band_104" */
export function sumBandsSelect(): string {
	return bandColumns()
		.map((name) => `sum(${name})::BIGINT AS ${name}`)
		.join(', ');
}

/** "band_000, band_001, …, band_104" for SELECT and GROUP BY lists. */
export function bandColumnsList(): string {
	return bandColumns().join(', ');
}

/** "(band_000 + … + band_104)": pathways with a known clock start, per row. */
export function bandTotalExpression(): string {
	return `(${bandColumns().map((name) => `coalesce(${name}, 0)`).join(' + ')})`;
}

/** "'Part_1A', 'Part_1B', 'Part_2', 'Part_2A'": the parts with week bands, for `part IN (…)`. */
export function bandedPartsList(): string {
	return RTT_BANDED_PARTS.map((part) => `'${part}'`).join(', ');
}

/**
 * The summary of one row of a query that selected sumBandsSelect() and
 * `unknown_clock_start`: the percentiles come from the summed bands.
 */
export function summariseBandRow(row: Record<string, unknown>): WaitSummary {
	const bands = bandColumns().map((name) => Number(row[name] ?? 0));
	return summariseWaits(bands, Number(row.unknown_clock_start ?? 0));
}
