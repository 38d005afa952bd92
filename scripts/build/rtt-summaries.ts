/**
 * Provider × treatment × month summaries of the RTT bands. Bands are summed
 * over commissioners in SQL first; percentiles are computed once, in
 * TypeScript, by the statistics core (never an average of medians).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RTT_BAND_COLUMNS, RTT_NON_ENGLISH_COMMISSIONER } from '../../src/lib/schema/rtt.ts';
import { bandedPartsList } from '../../src/lib/stats/band-sql.ts';
import { summariseWaits, toTreatedWaits, toWaitFigures, type WaitSummary } from '../../src/lib/stats/wait-summary.ts';
import type { TreatedWaits, WaitFigures } from '../../src/lib/schema/site-data.ts';

/**
 * The summed bands as one list of DOUBLEs (exact: a sum of counts is far below 2^53), so
 * the rows reach JavaScript as plain number arrays: 105 BIGINT columns cost a BigInt per
 * value and a copy into arrays, about twice the time of the percentiles themselves.
 */
const bandSums = `[${RTT_BAND_COLUMNS.map((name) => `coalesce(sum(${name}), 0)`).join(', ')}]::DOUBLE[] AS bands`;
const bandedParts = bandedPartsList();

/**
 * Provider rows use every commissioner (the patient's question is about the
 * hospital's whole list); the England rows exclude non-English commissioners
 * (NONC), as NHS England's England headline does.
 */
export const PROVIDER_BANDS_SQL = `
SELECT period, part, provider_code, any_value(provider_name) AS provider_name,
  any_value(provider_parent_code) AS region_code,
  treatment_code, any_value(treatment_name) AS treatment_name,
  sum(coalesce(unknown_clock_start, 0))::BIGINT AS unknown_clock_start, ${bandSums}
FROM rtt_detail WHERE part IN (${bandedParts})
GROUP BY period, part, provider_code, treatment_code`;

export const ENGLAND_BANDS_SQL = `
SELECT period, part, 'ENG' AS provider_code, 'England' AS provider_name, NULL AS region_code,
  treatment_code, any_value(treatment_name) AS treatment_name,
  sum(coalesce(unknown_clock_start, 0))::BIGINT AS unknown_clock_start, ${bandSums}
FROM rtt_detail WHERE part IN (${bandedParts})
  AND commissioner_code <> '${RTT_NON_ENGLISH_COMMISSIONER}'
GROUP BY period, part, treatment_code`;

/** Part_3 (new clock starts) has no bands: its count is `Total All`, summed over commissioners. */
export const PROVIDER_REFERRALS_SQL = `
SELECT period, provider_code, treatment_code, sum(total_all)::BIGINT AS referrals
FROM rtt_detail WHERE part = 'Part_3'
GROUP BY period, provider_code, treatment_code`;

export const SUMMARY_COLUMNS: { name: string; type: string; description: string }[] = [
	{ name: 'period', type: 'VARCHAR', description: 'Month, YYYY-MM' },
	{ name: 'part', type: 'VARCHAR', description: 'RTT part: Part_1A admitted completed, Part_1B non-admitted completed, Part_2 waiting at month end, Part_2A waiting with a decision to admit' },
	{ name: 'provider_code', type: 'VARCHAR', description: 'ODS code of the provider; ENG for England (excluding non-English commissioners)' },
	{ name: 'provider_name', type: 'VARCHAR', description: 'Provider name as published' },
	{ name: 'region_code', type: 'VARCHAR', description: 'Provider parent organisation (ICB) code' },
	{ name: 'treatment_code', type: 'VARCHAR', description: 'Treatment function code; C_999 = all treatments' },
	{ name: 'treatment_name', type: 'VARCHAR', description: 'Treatment function name as published' },
	{ name: 'pathways', type: 'BIGINT', description: 'Pathways with a known clock start (sum of the week bands)' },
	{ name: 'unknown_clock_start', type: 'BIGINT', description: 'Pathways with an unknown clock start (not in the percentiles)' },
	{ name: 'median_weeks', type: 'DOUBLE', description: 'Median wait in weeks, interpolated within the week band; NULL when too few or over 104 weeks' },
	{ name: 'median_low_weeks', type: 'DOUBLE', description: 'Lower end of the 95% interval for the median (binomial order statistics)' },
	{ name: 'median_high_weeks', type: 'DOUBLE', description: 'Upper end of the 95% interval for the median' },
	{ name: 'median_over_104', type: 'BOOLEAN', description: 'True when the median falls in the open band "more than 104 weeks"' },
	{ name: 'p92_weeks', type: 'DOUBLE', description: '92nd percentile wait in weeks' },
	{ name: 'p92_over_104', type: 'BOOLEAN', description: 'True when the 92nd percentile falls in the open band "more than 104 weeks"' },
	{ name: 'p95_weeks', type: 'DOUBLE', description: '95th percentile wait in weeks' },
	{ name: 'within_18', type: 'BIGINT', description: 'Pathways within 18 weeks (bands 0–17)' },
	{ name: 'pct_within_18', type: 'DOUBLE', description: 'Percentage within 18 weeks (0–100)' },
	{ name: 'pct_within_18_low', type: 'DOUBLE', description: 'Lower end of the 95% Wilson interval for pct_within_18' },
	{ name: 'pct_within_18_high', type: 'DOUBLE', description: 'Upper end of the 95% Wilson interval for pct_within_18' },
	{ name: 'over_18', type: 'BIGINT', description: 'Pathways over 18 weeks' },
	{ name: 'over_52', type: 'BIGINT', description: 'Pathways over 52 weeks' },
	{ name: 'over_65', type: 'BIGINT', description: 'Pathways over 65 weeks' },
	{ name: 'over_78', type: 'BIGINT', description: 'Pathways over 78 weeks' },
	{ name: 'over_104', type: 'BIGINT', description: 'Pathways over 104 weeks' },
	{ name: 'too_few', type: 'BOOLEAN', description: 'True when there are too few pathways to give percentiles' }
];

type BandRow = Record<string, string | number | bigint | null>;

const weeksOrNull = (value: { kind: string; weeks?: number }) => (value.kind === 'weeks' ? value.weeks! : null);

/** One summary row from one summed band row and its summary. */
export function summaryRow(row: BandRow, s: WaitSummary): (string | number | boolean | null)[] {
	return [
		String(row.period), String(row.part), String(row.provider_code), (row.provider_name as string) ?? null,
		(row.region_code as string) ?? null, String(row.treatment_code), (row.treatment_name as string) ?? null,
		s.pathways, s.unknownClockStart,
		s.tooFew ? null : weeksOrNull(s.median),
		s.tooFew || !s.medianInterval ? null : weeksOrNull(s.medianInterval.low),
		s.tooFew || !s.medianInterval ? null : weeksOrNull(s.medianInterval.high),
		!s.tooFew && s.median.kind === 'over104',
		s.tooFew ? null : weeksOrNull(s.p92),
		!s.tooFew && s.p92.kind === 'over104',
		s.tooFew ? null : weeksOrNull(s.p95),
		s.within18, s.tooFew ? null : s.pctWithin18,
		s.tooFew ? null : (s.pctWithin18Interval?.low ?? null), s.tooFew ? null : (s.pctWithin18Interval?.high ?? null),
		s.over18, s.over52, s.over65, s.over78, s.over104, s.tooFew
	];
}

/** What a patient's first answer needs: Part_2 figures per treatment and provider, every month. */
export type PatientFigures = Map<string, { name: string; providers: Map<string, WaitFigures[]> }>;

/** The month's other parts for one provider × treatment, keyed `period|provider|treatment`. */
interface MonthFlow {
	admitted: TreatedWaits | null;
	nonAdmitted: TreatedWaits | null;
	referrals: number | null;
}
const flowKey = (period: unknown, provider: unknown, treatment: unknown) => `${period}|${provider}|${treatment}`;

/**
 * Each waiting-list month gets the waits of the people treated that month
 * (Part_1A, Part_1B) and the referrals in (Part_3): null where none were published.
 */
export function attachFlows(patient: PatientFigures, flows: ReadonlyMap<string, Partial<MonthFlow>>): void {
	for (const [treatment, { providers }] of patient) {
		for (const [provider, months] of providers) {
			months.forEach((month, i) => {
				const flow = flows.get(flowKey(month.period, provider, treatment)) ?? {};
				months[i] = { ...month, admitted: flow.admitted ?? null, nonAdmitted: flow.nonAdmitted ?? null, referrals: flow.referrals ?? null };
			});
		}
	}
}

const KEY_COLUMNS = ['period', 'part', 'provider_code', 'provider_name', 'region_code', 'treatment_code', 'treatment_name', 'unknown_clock_start'];

/** The rows of a band query as key fields and the array of summed bands, read column by column. */
async function bandRows(connection: DuckDBConnection, sql: string): Promise<{ row: BandRow; bands: number[] }[]> {
	const reader = await connection.runAndReadAll(sql);
	const columns = reader.getColumnsJS() as (string | number | bigint | null)[][];
	const index = new Map(reader.columnNames().map((name, i) => [name, i]));
	const keys = KEY_COLUMNS.map((name) => [name, columns[index.get(name)!]] as const);
	const bands = columns[index.get('bands')!] as unknown as number[][];
	return Array.from({ length: reader.currentRowCount }, (_, i) => ({
		row: Object.fromEntries(keys.map(([name, column]) => [name, column[i]])),
		bands: bands[i]
	}));
}

/**
 * Builds the `rtt_summary` table from `rtt_detail`, and collects the
 * patient-facing figures from the same summaries (statistics computed once).
 */
export async function buildRttSummaries(connection: DuckDBConnection): Promise<{ rows: number; patient: PatientFigures }> {
	const ddl = SUMMARY_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ');
	await connection.run(`CREATE OR REPLACE TABLE rtt_summary (${ddl})`);
	const appender = await connection.createAppender('rtt_summary');
	const patient: PatientFigures = new Map();
	const flows = new Map<string, Partial<MonthFlow>>();
	const flowOf = (row: BandRow) => {
		const key = flowKey(row.period, row.provider_code, row.treatment_code);
		const flow = flows.get(key) ?? {};
		flows.set(key, flow);
		return flow;
	};
	let count = 0;
	for (const sql of [PROVIDER_BANDS_SQL, ENGLAND_BANDS_SQL]) {
		for (const { row, bands } of await bandRows(connection, sql)) {
			const summary = summariseWaits(bands, Number(row.unknown_clock_start ?? 0));
			summaryRow(row, summary).forEach((value, i) => {
				const type = SUMMARY_COLUMNS[i].type;
				if (value === null) appender.appendNull();
				else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
				else if (type === 'VARCHAR') appender.appendVarchar(String(value));
				else if (type === 'BIGINT') appender.appendBigInt(BigInt(Math.round(Number(value))));
				else appender.appendDouble(Number(value));
			});
			appender.endRow();
			count++;
			if (row.provider_code === 'ENG') continue;
			if (row.part === 'Part_1A') flowOf(row).admitted = toTreatedWaits(summary);
			if (row.part === 'Part_1B') flowOf(row).nonAdmitted = toTreatedWaits(summary);
			if (row.part === 'Part_2') {
				const treatment = String(row.treatment_code);
				const entry = patient.get(treatment) ?? { name: String(row.treatment_name ?? treatment), providers: new Map() };
				patient.set(treatment, entry);
				const months = entry.providers.get(String(row.provider_code)) ?? [];
				entry.providers.set(String(row.provider_code), months);
				months.push(toWaitFigures(String(row.period), summary));
			}
		}
	}
	appender.closeSync();
	for (const row of (await connection.runAndReadAll(PROVIDER_REFERRALS_SQL)).getRowObjectsJS() as BandRow[]) {
		flowOf(row).referrals = row.referrals === null ? null : Number(row.referrals);
	}
	attachFlows(patient, flows);
	return { rows: count, patient };
}
