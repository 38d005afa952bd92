/**
 * The small JSON files a patient's first answer needs: one per treatment
 * (Part_2, people waiting now, every month) and one per postcode area. No
 * DuckDB-WASM download stands between a patient and their first answer.
 */
import type { PostcodeAreaFile, ProviderWaits, TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import { postcodeArea } from '../../src/lib/geo/postcode.ts';

/** One file per treatment function, C_999 included ("all treatments"); months oldest first. */
export function treatmentWaitFiles(patient: PatientFigures, periods: string[]): TreatmentWaitsFile[] {
	return [...patient]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([treatment, { name, providers }]) => ({
			treatment,
			treatmentName: name,
			periods,
			rows: [...providers]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([provider, months]): ProviderWaits => ({ provider, months: [...months].sort((a, b) => a.period.localeCompare(b.period)) }))
		}));
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
