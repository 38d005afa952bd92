/**
 * Writes everything the site reads into one folder: first-answer JSON for
 * patients, tables for DuckDB-WASM (each RTT month as DuckDB database files,
 * month-files.ts; the small site tables as Arrow), Parquet downloads, and
 * manifest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AE_MONTH_FILE, AE_TREND_FILE, aeTrendPath, EXPLORER_FILE, FEED_FILES, RTT_MONTH_FILE, TREND_FILE, providersFile, trendPartPath, type ExplorerFile, type Manifest, type SiteSummary, type TableDescription } from '../../src/lib/schema/site-data.ts';
import { catalogue } from '../../src/lib/schema/tables.ts';
import { writeTable } from './table-file.ts';
import { buildProviders } from './providers.ts';
import { postcodeAreaFiles, treatmentTrendFiles, treatmentWaitFiles } from './patient-files.ts';
import { splitTrendFiles } from './trend-parts.ts';
import { SUMMARY_COLUMNS, type PatientFigures } from './rtt-summaries.ts';
import type { TrendHistory } from './month-trend.ts';
import { centroidLookup, latestAe } from './datasets.ts';
import { loadDatasetTables, TABLE_TEXT } from './dataset-tables.ts';
import { LICENCES } from './licences.ts';
import { aeMonthFiles, aeMonthPath, aeTrendFiles } from './ae-month-files.ts';
import { dataPackage } from './datapackage.ts';
import { writeDuckdbTable } from './duckdb-file.ts';
import { unionTable } from './month-files.ts';
import { writeFeeds } from './feeds.ts';
import { mapAtOnce } from '../lib/at-once.ts';
import type { ReadStage } from './pipeline.ts';
import { writeCouncilData, type CouncilOutput } from './council-output.ts';
import { summaryYearPath, writeSummaryYears, type SummaryYear } from './summary-history.ts';

/** JSON files written at once by the patient side (see mapAtOnce). */
const JSON_AT_ONCE = 8;

async function writeJsonFile(path: string, value: unknown): Promise<number> {
	const text = JSON.stringify(value);
	await writeFile(path, text);
	return Buffer.byteLength(text);
}

export async function writeSiteData(
	connection: DuckDBConnection,
	dir: string,
	stage: ReadStage,
	patient: PatientFigures,
	trends: TrendHistory,
	years: SummaryYear[],
	demonstration: boolean,
	log: (line: string) => void
): Promise<Manifest> {
	for (const sub of ['tables', 'parquet', 'patient/postcodes', 'league']) await mkdir(join(dir, sub), { recursive: true });
	// Each month's own files were placed by the month build (rtt-month.ts, month-files.ts); here they are listed.
	const months = stage.months.flatMap((month) => month.tables);
	// The every-month tables need only the months: DuckDB writes them on its own threads
	// while the patient files and feeds are made here, and nothing else uses the connection meanwhile.
	const summaries = writeSummaryTables(connection, dir, months, years);
	summaries.catch(() => {}); // awaited below, where a failure is reported
	let side: Awaited<ReturnType<typeof writePatientSide>>;
	try {
		side = await writePatientSide(dir, stage, patient, trends, log);
	} catch (error) {
		await summaries.catch(() => {}); // the connection is closed after a failure: let DuckDB finish first
		throw error;
	}
	const summaryTables = await summaries;
	const { latestPeriod, centroids, providers, unlocated, files, aePeriods } = side;

	await loadDatasetTables(connection, stage.datasets, providers, centroids);
	const tables: TableDescription[] = [...summaryTables];
	tables.push(await writeTable(connection, dir, 'providers', 'SELECT * FROM providers', 'code'));
	tables.push(await writeTable(connection, dir, 'sites', 'SELECT * FROM sites', 'provider_code, code'));
	tables.push(await writeTable(connection, dir, 'postcode_sectors', 'SELECT * FROM postcode_sectors', 'sector'));
	tables.push(await writeTable(connection, dir, 'postcode_districts', 'SELECT * FROM postcode_districts', 'district'));
	tables.push(await writeTable(connection, dir, 'inpatient_survey', 'SELECT * FROM inpatient_survey', 'trust_code'));
	tables.push(await writeTable(connection, dir, 'ae_monthly', 'SELECT * FROM ae_monthly', 'period, org_code'));
	tables.push(...months);

	const council: CouncilOutput | null = stage.council ? await writeCouncilData(dir, stage.council, stage.datasets.councilSectors, log) : null;

	const manifest: Manifest = {
		name: 'openwaits',
		profile: 'data-package',
		generated: new Date().toISOString(),
		demonstration,
		latestPeriod,
		periods: stage.periods,
		aePeriods,
		sources: stage.sources,
		// Each family's columns once (every month's detail has the same 121), not once per month.
		...catalogue(tables),
		rtt: stage.months.map((m) => m.figures),
		licences: LICENCES.filter((l) => l.datasets.some((d) => stage.sources.some((s) => s.dataset === d))).map(({ datasets: _, ...l }) => l),
		unlocatedProviders: unlocated,
		files,
		ignored: stage.ignored,
		council: council?.manifest ?? null
	};
	await writeJsonFile(join(dir, 'manifest.json'), manifest);
	await writeJsonFile(join(dir, 'datapackage.json'), dataPackage(manifest, council?.resources ?? []));
	const explorer: ExplorerFile = { latestPeriod, demonstration, tables: manifest.tables, families: manifest.families };
	await writeJsonFile(join(dir, EXPLORER_FILE), explorer);
	const site: SiteSummary = { demonstration, latestPeriod, periods: stage.periods, aePeriods, generated: manifest.generated };
	await writeJsonFile(join(dir, 'site.json'), site);
	return manifest;
}

/** What a patient reads first (JSON) and the feeds: made here in JavaScript, no DuckDB. */
async function writePatientSide(dir: string, stage: ReadStage, patient: PatientFigures, trends: TrendHistory, log: (line: string) => void) {
	const latestPeriod = stage.periods.at(-1) ?? null;
	const latestProviders = stage.latestProviders;

	const centroids = stage.datasets.centroids();
	const { providers, unlocated } = buildProviders({
		rttProviders: latestProviders,
		trusts: stage.datasets.trusts,
		independent: stage.datasets.independent,
		sites: stage.datasets.sites(new Set(latestProviders.map((p) => p.code))),
		survey: stage.datasets.survey,
		ae: latestAe(stage.datasets.ae),
		centroid: centroidLookup(centroids)
	});
	log(`providers: ${providers.length}, located by sites ${providers.filter((p) => p.locatedBy === 'sites').length}, by headquarters ${providers.filter((p) => p.locatedBy === 'headquarters').length}, not located ${unlocated.length}`);

	const located = new Map(providers.flatMap((p) => (p.lat === null || p.lon === null ? [] : [[p.code, [p.lat, p.lon] as const]])));
	const splits = splitTrendFiles(treatmentTrendFiles(trends, stage.periods), (code) => located.get(code) ?? null);
	const waits = treatmentWaitFiles(patient, stage.periods, splits);
	const areas = postcodeAreaFiles(centroids);
	const files = { patientTreatments: 'patient/waits-{treatment}.json', patientTrends: TREND_FILE, providers: 'patient/providers.json', postcodeIndex: 'patient/postcodes/index.json', aeMonth: AE_MONTH_FILE, aeTrend: AE_TREND_FILE, rttMonth: RTT_MONTH_FILE, feeds: FEED_FILES };
	const aeMonths = aeMonthFiles(stage.datasets.ae, new Map(providers.map((p) => [p.code, p.name])));
	await mkdir(join(dir, dirname(AE_TREND_FILE)), { recursive: true });
	const json: [path: string, value: unknown][] = [[files.providers, providersFile(providers)], [files.postcodeIndex, areas.map((a) => a.area)]];
	for (const part of [...splits.values()].flatMap((split) => split.files)) json.push([trendPartPath(part.treatment, part.part), part]);
	for (const file of waits) json.push([`patient/waits-${file.treatment}.json`, file]);
	for (const area of areas) json.push([`patient/postcodes/${area.area}.json`, area]);
	for (const month of aeMonths) json.push([aeMonthPath(files.aeMonth, month.period), month]);
	for (const trend of aeTrendFiles(aeMonths)) json.push([aeTrendPath(trend.code), trend]);
	// The JSON files go to disk a few at a time while the feeds are made and written: with 60
	// months, the trend files are 2 MB and the feeds 12.5 MB, against 0.15 and 1.4 for one month.
	const jsonWritten = mapAtOnce(json, JSON_AT_ONCE, ([path, value]) => writeJsonFile(join(dir, path), value));
	const feedsWritten = writeFeeds(dir, patient, providers, stage.periods);
	// Neither failure is thrown before both are done: the caller may delete the folder.
	await Promise.allSettled([jsonWritten, feedsWritten]);
	await jsonWritten;
	log(`wrote ${await feedsWritten} Atom feeds`);
	const aePeriods = aeMonths.map((m) => m.period);
	return { latestPeriod, centroids, providers, unlocated, files, aePeriods };
}

/**
 * Every month's summary as one Parquet file per year (summary-history.ts), each year a union of its
 * months the explorer can name too; and England's rows of every month as a DuckDB table.
 */
async function writeSummaryTables(connection: DuckDBConnection, dir: string, months: TableDescription[], years: SummaryYear[]): Promise<TableDescription[]> {
	await writeSummaryYears(connection, dir, years);
	const summaries = months.filter((t) => t.innerTable === 'rtt_summary');
	const text = TABLE_TEXT.rtt_summary;
	return [
		unionTable('rtt_summary', summaries, {
			title: `${text.title}: every month`,
			description: `${text.description} Naming it fetches every month; name one month's part (rtt_summary_YYYY_MM) to fetch that month only, or one year's (rtt_summary_YYYY) to fetch that year's months. Its Parquet download is one file per year.`
		}),
		...years.map(({ year }) =>
			unionTable(`rtt_summary_${year}`, summaries.filter((t) => t.name.startsWith(`rtt_summary_${year}_`)), {
				title: `${text.title}: ${year}`,
				description: `${text.description} The months of ${year}: naming it fetches each of them.`
			}, summaryYearPath(year))
		),
		await writeDuckdbTable(connection, dir, {
			name: 'rtt_england',
			innerTable: 'rtt_england',
			...TABLE_TEXT.rtt_england,
			columnText: TABLE_TEXT.rtt_england.columns,
			path: 'tables/rtt_england.duckdb.gz',
			parquet: 'parquet/rtt_england.parquet',
			select: `SELECT ${SUMMARY_COLUMNS.map((c) => c.name).join(', ')} FROM rtt_summary WHERE provider_code = 'ENG'`,
			orderBy: 'period, part, treatment_code',
			lazy: false
		})
	];
}
