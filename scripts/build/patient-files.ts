/**
 * The small JSON files a patient's first answer needs: one per treatment
 * (Part_2, people waiting now, the months the first answer compares) and one
 * per postcode area; and one trend per treatment with every month's compact
 * series, fetched after the first answer is shown (in parts: trend-parts.ts). No DuckDB-WASM
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
import { ABSENT, type TrendHistory, type TrendValue } from './month-trend.ts';
import { postcodeArea } from '../../src/lib/geo/postcode.ts';
import type { TrendSplit } from './trend-parts.ts';

const byPeriod = (a: WaitFigures, b: WaitFigures) => a.period.localeCompare(b.period);
const sortedEntries = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));

/**
 * One file per treatment function, C_999 included ("all treatments"); months oldest first. Each
 * row names the part of the treatment's trend (`splits`) that holds the provider's series.
 */
export function treatmentWaitFiles(patient: PatientFigures, periods: string[], splits: ReadonlyMap<string, TrendSplit>): TreatmentWaitsFile[] {
	const kept = firstAnswerPeriods(periods);
	return sortedEntries(patient).map(([treatment, { name, providers }]) => {
		const split = splits.get(treatment);
		const trendPart = (provider: string) => {
			const part = split?.partOf.get(provider);
			// Both come from the same months: a provider with figures always has a series.
			if (part === undefined) throw new Error(`No trend part holds ${provider} for ${treatment}.`);
			return part;
		};
		return {
			treatment,
			treatmentName: name,
			periods: kept,
			rows: sortedEntries(providers)
				.map(([provider, months]) => ({ provider, months: months.filter((m) => kept.includes(m.period)).sort(byPeriod) }))
				.filter((row) => row.months.length > 0)
				.map((row): ProviderWaits => ({ ...row, trendPart: trendPart(row.provider) })),
			trendParts: split?.files.length ?? 0
		};
	});
}

/** One trend file per treatment: every month built, a few numbers per provider and month. */
export function treatmentTrendFiles(trends: TrendHistory, periods: string[]): TreatmentTrendFile[] {
	const all = [...periods].sort();
	const index = new Map(trends.periods.map((period, i) => [period, i]));
	const at = all.map((period) => index.get(period) ?? -1);
	// The history's months are the build's months (the usual case): its columns are the file's series as they are.
	const same = at.length === trends.periods.length && at.every((i, k) => i === k);
	const aligned = (values: TrendValue[][]) => (same ? values : values.map((column, f) => at.map((i) => (i < 0 ? ABSENT[f] : column[i]))));
	return sortedEntries(trends.treatments).map(([treatment, { providers }]) => ({
		treatment,
		periods: all,
		rows: sortedEntries(providers).map(([provider, series]) => providerTrend(provider, aligned(series.values)))
	}));
}

/** A row of the trend file from TREND_FIELDS' columns, in their order. */
function providerTrend(provider: string, v: TrendValue[][]): ProviderTrend {
	return {
		provider,
		median: v[0] as (number | null)[],
		medianLow: v[1] as (number | null)[],
		medianHigh: v[2] as (number | null)[],
		medianOver104: v[3] as boolean[],
		tooFew: v[4] as boolean[],
		pathways: v[5] as (number | null)[],
		unknownClockStart: v[6] as (number | null)[],
		pctWithin18: v[7] as (number | null)[],
		within18: v[8] as (number | null)[],
		over52: v[9] as (number | null)[]
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
