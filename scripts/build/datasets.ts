/**
 * The non-RTT datasets as the build uses them: read by their readers, kept in
 * memory (they are small), merged where several files say the same thing, and
 * loaded into DuckDB tables for the browser.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AePerformance, SourceReport } from '../../src/lib/schema/site-data.ts';
import { normalisePostcode } from '../../src/lib/geo/postcode.ts';
import { readSourceBytes, type SourceFile } from '../lib/source-files.ts';
import { recogniseFile } from '../readers/index.ts';
import { readCodePointZip } from '../readers/postcodes.ts';
import { pctWithin4Hours, type AeRow } from '../readers/ae.ts';
import type { TrustRow } from '../readers/trusts.ts';
import type { IndependentRow } from '../readers/independent-providers.ts';
import { chooseSiteList, type SiteRow, type SurveyRow } from './providers.ts';
import type { Centroids } from './patient-files.ts';
import type { SectorAdmin } from '../readers/admin-areas.ts';
import type { CouncilSource } from './council.ts';
import { keepCouncilResult, readCouncilCsv } from './council-sources.ts';

type LatLon = [number, number];
interface CentroidSource { dataset: string; sectors: Map<string, LatLon>; districts: Map<string, LatLon> }

export interface OtherDatasets {
	trusts: TrustRow[];
	/** ODS ephp.csv and ephpsite.csv rows, when those files are present. */
	independent: { providers: IndependentRow[]; sites: IndependentRow[] };
	siteLists: { file: string; rows: SiteRow[] }[];
	survey: SurveyRow[];
	ae: AeRow[];
	centroidSources: CentroidSource[];
	/** What the council readers returned, file by file (issue #12). */
	council: CouncilSource[];
	/** Each postcode sector's council codes as Code-Point gives them. */
	councilSectors: Map<string, SectorAdmin>;
	sites(providerCodes: Set<string>): SiteRow[];
	centroids(): Centroids;
}

export function emptyDatasets(): OtherDatasets {
	const data: OtherDatasets = {
		trusts: [],
		independent: { providers: [], sites: [] },
		siteLists: [],
		survey: [],
		ae: [],
		centroidSources: [],
		council: [],
		councilSectors: new Map(),
		sites: (codes) => chooseSiteList(data.siteLists, codes)?.rows ?? [],
		centroids: () => mergeCentroids(data.centroidSources)
	};
	return data;
}

/** Code-Point Open (every postcode) beats derived sector files, which beat district-only lists. */
const CENTROID_PRIORITY = ['postcodes-codepoint', 'postcodes-wgs84', 'postcode-sectors', 'postcode-districts', 'postcode-outcodes'];

export function mergeCentroids(sources: CentroidSource[]): Centroids {
	const ordered = [...sources].sort((a, b) => CENTROID_PRIORITY.indexOf(b.dataset) - CENTROID_PRIORITY.indexOf(a.dataset));
	const sectors = new Map<string, LatLon>();
	const districts = new Map<string, LatLon>();
	for (const source of ordered) {
		for (const [k, v] of source.sectors) sectors.set(k, v);
		for (const [k, v] of source.districts) districts.set(k, v);
	}
	return { sectors, districts };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function centroidSourceFromRows(dataset: string, rows: Record<string, unknown>[]): CentroidSource {
	const sectors = new Map<string, LatLon>();
	const districts = new Map<string, LatLon>();
	for (const row of rows) {
		const lat = num(row.lat ?? row.latitude);
		const lon = num(row.lon ?? row.longitude);
		if (lat === null || lon === null) continue;
		if (typeof row.sector === 'string') sectors.set(row.sector, [lat, lon]);
		const district = row.district ?? row.outcode;
		if (typeof district === 'string') districts.set(district, [lat, lon]);
	}
	return { dataset, sectors, districts };
}

/** Reads one non-RTT file into `datasets`; null when no reader knows it. */
export async function readOtherSource(file: SourceFile, sha256: string, datasets: OtherDatasets): Promise<SourceReport | null> {
	if (file.container === 'zip' && file.entry === null) {
		const result = await readCodePointZip(file.path);
		datasets.centroidSources.push({
			dataset: 'postcodes-codepoint',
			sectors: new Map([...result.sectors].map(([k, v]) => [k, [v.lat, v.lon] as LatLon])),
			districts: new Map([...result.districts].map(([k, v]) => [k, [v.lat, v.lon] as LatLon]))
		});
		for (const [k, v] of result.admin) datasets.councilSectors.set(k, v);
		return { ...result.report, file: file.name, sha256, bytes: file.bytes };
	}
	const council = await readCouncilCsv(file.name, file.sample, () => readSourceBytes(file));
	if (council) return keepCouncilResult(datasets.council, file.name, council, sha256, file.bytes);
	const reader = recogniseFile({ name: file.name, bytes: file.sample });
	if (!reader) return null;
	const result = await reader.read(file.name, await readSourceBytes(file));
	const { rows, report } = result;
	const admin = (result as { admin?: Map<string, SectorAdmin> }).admin;
	if (admin) for (const [k, v] of admin) datasets.councilSectors.set(k, v);
	switch (reader.dataset) {
		case 'trusts': datasets.trusts.push(...(rows as TrustRow[])); break;
		case 'independent-providers': datasets.independent.providers.push(...(rows as IndependentRow[])); break;
		case 'independent-sites': datasets.independent.sites.push(...(rows as IndependentRow[])); break;
		case 'hospital-sites': datasets.siteLists.push({ file: file.name, rows: rows as SiteRow[] }); break;
		case 'inpatient-survey': datasets.survey.push(...(rows as SurveyRow[])); break;
		case 'ae': datasets.ae.push(...(rows as AeRow[])); break;
		default: {
			const aggregate = (reader as { centroids?: (rows: unknown[]) => { sectors: Map<string, LatLon>; districts: Map<string, LatLon> } }).centroids;
			datasets.centroidSources.push(
				aggregate ? { dataset: reader.dataset, ...aggregate(rows) } : centroidSourceFromRows(reader.dataset, rows as Record<string, unknown>[])
			);
		}
	}
	return { ...report, sha256, bytes: file.bytes };
}

/** A full postcode, sector or district → the most precise centroid we have. */
export function centroidLookup(centroids: Centroids): (postcode: string) => LatLon | null {
	return (text) => {
		const parsed = normalisePostcode(text);
		if (!parsed) return null;
		return (parsed.sector ? centroids.sectors.get(parsed.sector) : undefined) ?? centroids.districts.get(parsed.district) ?? null;
	};
}

/** The newest month of A&E figures for each provider. */
export function latestAe(rows: AeRow[]): Map<string, AePerformance> {
	const latest = new Map<string, AePerformance>();
	for (const row of rows) {
		const pct = pctWithin4Hours(row);
		const attendances = row.attendancesType1 + row.attendancesType2 + row.attendancesOther;
		const current = latest.get(row.orgCode);
		if (pct === null || (current && current.period >= row.period)) continue;
		latest.set(row.orgCode, { period: row.period, attendances, pctWithin4h: Math.round(pct * 10) / 10 });
	}
	return latest;
}
