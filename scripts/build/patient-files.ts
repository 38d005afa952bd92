/**
 * The small JSON files a patient's first answer needs: one per treatment
 * (Part_2, people waiting now, the months the first answer compares) and one
 * per postcode area; and one trend file per treatment with every month's
 * compact series, fetched after the first answer is shown. No DuckDB-WASM
 * download stands between a patient and their first answer, and the first
 * file does not grow with history.
 */
import {
	firstAnswerPeriods,
	type PostcodeAreaFile,
	type ProviderTrend,
	type ProviderWaits,
	type TreatmentTrendFile,
	type TreatmentWaitsFile,
	type WaitFigures
} from '../../src/lib/schema/site-data.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import type { TrendFigures } from './month-trend.ts';
import { postcodeArea } from '../../src/lib/geo/postcode.ts';

const byPeriod = (a: WaitFigures, b: WaitFigures) => a.period.localeCompare(b.period);
const sortedEntries = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));

/** One file per treatment function, C_999 included ("all treatments"); months oldest first. */
export function treatmentWaitFiles(patient: PatientFigures, periods: string[]): TreatmentWaitsFile[] {
	const kept = firstAnswerPeriods(periods);
	return sortedEntries(patient).map(([treatment, { name, providers }]) => ({
		treatment,
		treatmentName: name,
		periods: kept,
		rows: sortedEntries(providers)
			.map(([provider, months]): ProviderWaits => ({ provider, months: months.filter((m) => kept.includes(m.period)).sort(byPeriod) }))
			.filter((row) => row.months.length > 0)
	}));
}

/** One trend file per treatment: every month built, a few numbers per provider and month. */
export function treatmentTrendFiles(patient: ReadonlyMap<string, { providers: Map<string, TrendFigures[]> }>, periods: string[]): TreatmentTrendFile[] {
	const all = [...periods].sort();
	return sortedEntries(patient).map(([treatment, { providers }]) => ({
		treatment,
		periods: all,
		rows: sortedEntries(providers).map(([provider, months]) => providerTrend(provider, months, all))
	}));
}

function providerTrend(provider: string, months: TrendFigures[], periods: string[]): ProviderTrend {
	// Each period's month looked up once, not once per series: a 60-month build asks for thousands of rows.
	const at = new Map(months.map((m) => [m.period, m]));
	const row = periods.map((p) => at.get(p));
	const series = <K extends keyof TrendFigures>(key: K, none: TrendFigures[K] | null = null) => row.map((m) => (m ? m[key] : none));
	return {
		provider,
		median: series('median'),
		medianLow: series('medianLow'),
		medianHigh: series('medianHigh'),
		medianOver104: series('medianOver104', false) as boolean[],
		tooFew: series('tooFew', false) as boolean[],
		pathways: series('pathways'),
		unknownClockStart: series('unknownClockStart'),
		pctWithin18: series('pctWithin18'),
		within18: series('within18'),
		over52: series('over52')
	};
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
