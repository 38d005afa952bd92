/**
 * Provider × treatment × month summaries of the RTT bands. Bands are summed
 * over commissioners in SQL first; percentiles are computed once, in
 * TypeScript, by the statistics core (never an average of medians).
 */
import { DuckDBBooleanType, DuckDBDoubleType, DuckDBIntegerType, DuckDBListVector, type DuckDBConnection, type DuckDBValue, type DuckDBVector } from '@duckdb/node-api';
import { RTT_BAND_COLUMNS, RTT_NON_ENGLISH_COMMISSIONER } from '../../src/lib/schema/rtt.ts';
import { bandedPartsList } from '../../src/lib/stats/band-sql.ts';
import { BAND_COUNT } from '../../src/lib/stats/bands.ts';
import type { WaitPercentile } from '../../src/lib/stats/percentile.ts';
import { summariseWaits, toTreatedWaits, toWaitFigures, type WaitSummary } from '../../src/lib/stats/wait-summary.ts';
import type { TreatedWaits, WaitFigures } from '../../src/lib/schema/site-data.ts';
import { appendColumns } from './append-columns.ts';

/**
 * The summed bands as one list of DOUBLEs (exact: a sum of counts is far below 2^53), so
 * the rows reach JavaScript as plain numbers: 105 BIGINT columns cost a BigInt per value.
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

const weeksOrNull = (value: WaitPercentile) => (value.kind === 'weeks' ? value.weeks : null);

/**
 * The summary's own figures, column by column; the other columns (KEY_COLUMNS)
 * are the summed band row's. Absent figures are NULL, as are percentiles for
 * too few pathways.
 */
export const STATISTICS: [name: string, value: (s: WaitSummary) => number | boolean | null][] = [
	['pathways', (s) => s.pathways],
	['median_weeks', (s) => (s.tooFew ? null : weeksOrNull(s.median))],
	['median_low_weeks', (s) => (s.tooFew || !s.medianInterval ? null : weeksOrNull(s.medianInterval.low))],
	['median_high_weeks', (s) => (s.tooFew || !s.medianInterval ? null : weeksOrNull(s.medianInterval.high))],
	['median_over_104', (s) => !s.tooFew && s.median.kind === 'over104'],
	['p92_weeks', (s) => (s.tooFew ? null : weeksOrNull(s.p92))],
	['p92_over_104', (s) => !s.tooFew && s.p92.kind === 'over104'],
	['p95_weeks', (s) => (s.tooFew ? null : weeksOrNull(s.p95))],
	['within_18', (s) => s.within18],
	['pct_within_18', (s) => (s.tooFew ? null : s.pctWithin18)],
	['pct_within_18_low', (s) => (s.tooFew ? null : (s.pctWithin18Interval?.low ?? null))],
	['pct_within_18_high', (s) => (s.tooFew ? null : (s.pctWithin18Interval?.high ?? null))],
	['over_18', (s) => s.over18],
	['over_52', (s) => s.over52],
	['over_65', (s) => s.over65],
	['over_78', (s) => s.over78],
	['over_104', (s) => s.over104],
	['too_few', (s) => s.tooFew]
];

/** The summary columns taken as they are from the summed band rows (PROVIDER_BANDS_SQL, ENGLAND_BANDS_SQL). */
export const KEY_COLUMNS = ['period', 'part', 'provider_code', 'provider_name', 'region_code', 'treatment_code', 'treatment_name', 'unknown_clock_start'];

{
	const covered = [...KEY_COLUMNS, ...STATISTICS.map(([name]) => name)].sort();
	const columns = SUMMARY_COLUMNS.map((c) => c.name).sort();
	if (covered.join() !== columns.join()) throw new Error(`rtt_summary's columns (${columns}) are not the key columns and statistics (${covered})`);
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

/**
 * The summed band rows of a query (KEY_COLUMNS but the names, `id`, `bands`), one row
 * at a time: a single object moved along the rows, its bands refilled for each, so a
 * visitor reads a row while it is current and keeps none of it.
 */
class BandRows {
	readonly bands = new Array<number>(BAND_COUNT).fill(0);
	private row = 0;
	private columns: Record<string, DuckDBVector> = {};

	private text(name: string): string {
		return String(this.columns[name].getItem(this.row));
	}
	get id(): number {
		return this.columns.id.getItem(this.row) as number;
	}
	get period(): string {
		return this.text('period');
	}
	get part(): string {
		return this.text('part');
	}
	get provider(): string {
		return this.text('provider_code');
	}
	get treatment(): string {
		return this.text('treatment_code');
	}
	/** Decoded only when asked for: a long name costs a copy out of DuckDB. */
	get treatmentName(): string | null {
		return this.columns.treatment_name.getItem(this.row) as string | null;
	}
	get unknownClockStart(): number {
		return Number(this.columns.unknown_clock_start.getItem(this.row) ?? 0);
	}

	/** Visits each row of `sql`, reading the summed bands straight from DuckDB's list vector. */
	static async forEach(connection: DuckDBConnection, sql: string, visit: (row: BandRows) => void): Promise<void> {
		const result = await connection.run(sql);
		const names = result.columnNames();
		const cursor = new BandRows();
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
			cursor.columns = Object.fromEntries(names.map((name, i) => [name, chunk.getColumnVector(i)]));
			const lists = cursor.columns.bands;
			if (!(lists instanceof DuckDBListVector)) throw new Error(`bands is a ${lists.type}, not a list`);
			const values = lists.childVector;
			for (let row = 0; row < chunk.rowCount; row++) {
				if (lists.getEntryLength(row) !== BAND_COUNT) throw new Error(`A summed band row holds ${lists.getEntryLength(row)} bands, not ${BAND_COUNT}`);
				const offset = lists.getEntryOffset(row);
				for (let k = 0; k < BAND_COUNT; k++) cursor.bands[k] = values.getItem(offset + k) as number;
				cursor.row = row;
				visit(cursor);
			}
		}
	}
}

const STATISTIC_TYPES = STATISTICS.map(([name]) => (SUMMARY_COLUMNS.find((c) => c.name === name)!.type === 'BOOLEAN' ? DuckDBBooleanType.instance : DuckDBDoubleType.instance));

/**
 * Builds the `rtt_summary` table from `rtt_detail`, and collects the
 * patient-facing figures from the same summaries (statistics computed once).
 * The key columns stay in DuckDB: JavaScript reads the bands and writes the
 * statistics back by row id (as DOUBLE: whole counts convert exactly to BIGINT).
 */
export async function buildRttSummaries(connection: DuckDBConnection): Promise<{ rows: number; patient: PatientFigures }> {
	const ddl = SUMMARY_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ');
	await connection.run(`CREATE OR REPLACE TABLE rtt_summary (${ddl})`);
	await connection.run(`CREATE OR REPLACE TEMP TABLE rtt_summary_bands AS ${PROVIDER_BANDS_SQL} UNION ALL ${ENGLAND_BANDS_SQL}`);
	const statistics: DuckDBValue[][] = [[], ...STATISTICS.map(() => [])];
	const patient: PatientFigures = new Map();
	const flows = new Map<string, Partial<MonthFlow>>();
	const flowOf = (period: unknown, provider: unknown, treatment: unknown) => {
		const key = flowKey(period, provider, treatment);
		const flow = flows.get(key) ?? {};
		flows.set(key, flow);
		return flow;
	};
	const columns = ['rowid::INTEGER AS id', ...KEY_COLUMNS.filter((c) => c !== 'provider_name' && c !== 'region_code'), 'bands'];
	await BandRows.forEach(connection, `SELECT ${columns.join(', ')} FROM rtt_summary_bands`, (row) => {
		const summary = summariseWaits(row.bands, row.unknownClockStart);
		statistics[0].push(row.id);
		for (let i = 0; i < STATISTICS.length; i++) statistics[i + 1].push(STATISTICS[i][1](summary));
		if (row.provider === 'ENG') return;
		if (row.part === 'Part_1A') flowOf(row.period, row.provider, row.treatment).admitted = toTreatedWaits(summary);
		if (row.part === 'Part_1B') flowOf(row.period, row.provider, row.treatment).nonAdmitted = toTreatedWaits(summary);
		if (row.part === 'Part_2') {
			const entry = patient.get(row.treatment) ?? { name: row.treatmentName ?? row.treatment, providers: new Map() };
			patient.set(row.treatment, entry);
			const months = entry.providers.get(row.provider) ?? [];
			entry.providers.set(row.provider, months);
			months.push(toWaitFigures(row.period, summary));
		}
	});
	await connection.run(`CREATE OR REPLACE TEMP TABLE rtt_summary_statistics (id INTEGER, ${STATISTICS.map(([name], i) => `${name} ${STATISTIC_TYPES[i]}`).join(', ')})`);
	const count = await appendColumns(connection, 'rtt_summary_statistics', [DuckDBIntegerType.instance, ...STATISTIC_TYPES], statistics);
	const names = SUMMARY_COLUMNS.map((c) => c.name);
	const source = (name: string) => (KEY_COLUMNS.includes(name) ? `b.${name}` : `s.${name}`);
	await connection.run(`INSERT INTO rtt_summary (${names.join(', ')})
SELECT ${names.map(source).join(', ')} FROM rtt_summary_bands b JOIN rtt_summary_statistics s ON s.id = b.rowid`);
	for (const table of ['rtt_summary_bands', 'rtt_summary_statistics']) await connection.run(`DROP TABLE ${table}`);
	for (const row of (await connection.runAndReadAll(PROVIDER_REFERRALS_SQL)).getRowObjectsJS()) {
		flowOf(row.period, row.provider_code, row.treatment_code).referrals = row.referrals === null ? null : Number(row.referrals);
	}
	attachFlows(patient, flows);
	return { rows: count, patient };
}
