/**
 * The small JSON files a patient's first answer needs: one per treatment
 * (Part_2, people waiting now, every month) and one per postcode area. No
 * DuckDB-WASM download stands between a patient and their first answer.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PostcodeAreaFile, ProviderWaits, TreatmentWaitsFile, WaitFigures } from '../../src/lib/schema/site-data.ts';
import { postcodeArea } from '../../src/lib/geo/postcode.ts';

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

interface SummaryRow {
	period: string;
	provider_code: string;
	treatment_code: string;
	treatment_name: string;
	pathways: number | bigint;
	unknown_clock_start: number | bigint;
	median_weeks: number | null;
	median_low_weeks: number | null;
	median_high_weeks: number | null;
	median_over_104: boolean;
	p92_weeks: number | null;
	pct_within_18: number | null;
	pct_within_18_low: number | null;
	pct_within_18_high: number | null;
	within_18: number | bigint;
	over_52: number | bigint;
	too_few: boolean;
}

export const PATIENT_WAITS_SQL = `
SELECT period, provider_code, treatment_code, treatment_name, pathways, unknown_clock_start,
  median_weeks, median_low_weeks, median_high_weeks, median_over_104, p92_weeks, p92_over_104, within_18, pct_within_18, pct_within_18_low, pct_within_18_high, over_52, too_few
FROM rtt_summary WHERE part = 'Part_2' AND provider_code <> 'ENG'
ORDER BY treatment_code, provider_code, period`;

export function waitFigures(row: SummaryRow & { p92_over_104: boolean }): WaitFigures {
	return {
		period: row.period,
		pathways: Number(row.pathways),
		unknownClockStart: Number(row.unknown_clock_start),
		median: round1(row.median_weeks),
		medianLow: round1(row.median_low_weeks),
		medianHigh: round1(row.median_high_weeks),
		p92: round1(row.p92_weeks),
		medianOver104: row.median_over_104,
		p92Over104: row.p92_over_104,
		pctWithin18: round1(row.pct_within_18),
		pctWithin18Low: round1(row.pct_within_18_low),
		pctWithin18High: round1(row.pct_within_18_high),
		within18: Number(row.within_18),
		over52: Number(row.over_52),
		tooFew: row.too_few
	};
}

/** One file per treatment function, C_999 included ("all treatments"). */
export async function treatmentWaitFiles(connection: DuckDBConnection, periods: string[]): Promise<TreatmentWaitsFile[]> {
	const rows = (await connection.runAndReadAll(PATIENT_WAITS_SQL)).getRowObjectsJS() as unknown as (SummaryRow & { p92_over_104: boolean })[];
	const files = new Map<string, TreatmentWaitsFile>();
	const byProvider = new Map<string, ProviderWaits>();
	for (const row of rows) {
		let file = files.get(row.treatment_code);
		if (!file) {
			file = { treatment: row.treatment_code, treatmentName: row.treatment_name, periods, rows: [] };
			files.set(row.treatment_code, file);
		}
		const key = `${row.treatment_code}|${row.provider_code}`;
		let provider = byProvider.get(key);
		if (!provider) {
			provider = { provider: row.provider_code, months: [] };
			byProvider.set(key, provider);
			file.rows.push(provider);
		}
		provider.months.push(waitFigures(row));
	}
	return [...files.values()];
}

export interface Centroids {
	sectors: Map<string, [number, number]>;
	districts: Map<string, [number, number]>;
}

/** Splits the centroid table by postcode area (`LS`, `B`) so a look-up fetches a few kilobytes. */
export function postcodeAreaFiles(centroids: Centroids): PostcodeAreaFile[] {
	const areas = new Map<string, PostcodeAreaFile>();
	const fileFor = (district: string) => {
		const area = postcodeArea(district);
		if (!area) return null;
		let file = areas.get(area);
		if (!file) {
			file = { area, districts: {}, sectors: {} };
			areas.set(area, file);
		}
		return file;
	};
	const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
	for (const [district, [lat, lon]] of centroids.districts) {
		const file = fileFor(district);
		if (file) file.districts[district] = [round5(lat), round5(lon)];
	}
	for (const [sector, [lat, lon]] of centroids.sectors) {
		const file = fileFor(sector.split(' ')[0]);
		if (file) file.sectors[sector] = [round5(lat), round5(lon)];
	}
	return [...areas.values()].sort((a, b) => a.area.localeCompare(b.area));
}
