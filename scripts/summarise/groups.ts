/**
 * The groupings `npm run summarise` offers, as SQL over `rtt_detail`, and the
 * summary of each group's summed bands.
 *
 * Two rules keep the figures honest:
 * - Bands are summed over commissioners (and providers) in SQL first; the
 *   percentiles come from the summed bands (summariseWaits), never from an
 *   average of per-row figures.
 * - Each row of the file is counted once: the C_999 rows are already the sum
 *   of the treatment rows, so groupings without a treatment use C_999 rows
 *   only and groupings by treatment use the treatment rows only.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RTT_BANDED_PARTS, RTT_NON_ENGLISH_COMMISSIONER, RTT_TOTAL_TREATMENT, type RttPart } from '../../src/lib/schema/rtt.ts';
import { sumBandsSelect, summariseBandRow } from '../../src/lib/stats/band-sql.ts';
import type { WaitSummary } from '../../src/lib/stats/wait-summary.ts';

export const GROUPINGS = ['provider', 'treatment', 'provider,treatment', 'region', 'england'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The parts with week bands (Part_3, new clock starts, has none). */
export const BANDED_PARTS = RTT_BANDED_PARTS;

interface GroupSpec {
	code: string;
	name: string;
	treatmentCode: string;
	treatmentName: string;
	groupBy: string[];
	/** true: treatment rows (not C_999); false: C_999 rows only. */
	byTreatment: boolean;
	/** England-wide groupings leave out non-English commissioners, as NHS England's headline does. */
	englandOnly: boolean;
}

const C999 = `'${RTT_TOTAL_TREATMENT}'`;
const NONC = `'${RTT_NON_ENGLISH_COMMISSIONER}'`;

const SPECS: Record<Grouping, GroupSpec> = {
	provider: {
		code: 'provider_code', name: 'any_value(provider_name)', treatmentCode: C999, treatmentName: `'Total'`,
		groupBy: ['provider_code'], byTreatment: false, englandOnly: false
	},
	'provider,treatment': {
		code: 'provider_code', name: 'any_value(provider_name)', treatmentCode: 'treatment_code', treatmentName: 'any_value(treatment_name)',
		groupBy: ['provider_code', 'treatment_code'], byTreatment: true, englandOnly: false
	},
	treatment: {
		code: `'ENG'`, name: `'England'`, treatmentCode: 'treatment_code', treatmentName: 'any_value(treatment_name)',
		groupBy: ['treatment_code'], byTreatment: true, englandOnly: true
	},
	// "Region" is the provider's parent organisation in the file: its integrated care board.
	region: {
		code: 'provider_parent_code', name: 'any_value(provider_parent_name)', treatmentCode: C999, treatmentName: `'Total'`,
		groupBy: ['provider_parent_code'], byTreatment: false, englandOnly: false
	},
	england: {
		code: `'ENG'`, name: `'England'`, treatmentCode: C999, treatmentName: `'Total'`,
		groupBy: [], byTreatment: false, englandOnly: true
	}
};

/** One query per grouping; the part is a bound parameter. Identifiers are constants above, never input. */
export function groupSql(grouping: Grouping): string {
	const spec = SPECS[grouping];
	const where = [
		'part = $part',
		spec.byTreatment ? `treatment_code <> ${C999}` : `treatment_code = ${C999}`,
		...(spec.englandOnly ? [`commissioner_code <> ${NONC}`] : [])
	];
	const group = spec.groupBy.length ? `GROUP BY ${spec.groupBy.join(', ')}` : '';
	const order = spec.groupBy.length ? `ORDER BY ${spec.groupBy.join(', ')}` : '';
	return `SELECT ${spec.code} AS code, ${spec.name} AS name,
  ${spec.treatmentCode} AS treatment_code, ${spec.treatmentName} AS treatment_name,
  sum(coalesce(unknown_clock_start, 0))::BIGINT AS unknown_clock_start,
  sum(total_all)::BIGINT AS total_all, count(*)::BIGINT AS source_rows,
  ${sumBandsSelect()}
FROM rtt_detail WHERE ${where.join(' AND ')}
${group} HAVING count(*) > 0 ${order}`;
}

export interface GroupSummary {
	code: string;
	name: string | null;
	treatmentCode: string;
	treatmentName: string | null;
	/** Sum of the published Total All: pathways + unknown clock start, for checking against the file. */
	totalAll: number;
	summary: WaitSummary;
}

type Row = Record<string, string | number | bigint | null>;

export function summariseRow(row: Row): GroupSummary {
	return {
		code: String(row.code ?? ''),
		name: row.name === null || row.name === undefined ? null : String(row.name),
		treatmentCode: String(row.treatment_code),
		treatmentName: row.treatment_name === null || row.treatment_name === undefined ? null : String(row.treatment_name),
		totalAll: Number(row.total_all ?? 0),
		summary: summariseBandRow(row)
	};
}

/** Summaries for every group of `part` in the loaded month(s). */
export async function summariseGroups(connection: DuckDBConnection, grouping: Grouping, part: RttPart): Promise<GroupSummary[]> {
	const reader = await connection.runAndReadAll(groupSql(grouping), { part });
	return (reader.getRowObjectsJS() as Row[]).map(summariseRow);
}
