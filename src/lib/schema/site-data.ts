/**
 * The contract between the build (scripts/) and the browser (src/).
 * Everything the site fetches from `static/data/` has its shape here, and
 * `manifest.json` lists what exists. The browser never guesses.
 */

import type { RefreshRecord } from './refresh.ts';
import type { ManifestTable, TableCatalogue, TableFamily } from './tables.ts';

/** One reader's account of one source file. rowsRead = rowsAccepted + rowsRejected. */
export interface SourceReport {
	file: string; // path relative to the input folder
	dataset: DatasetId;
	sha256: string;
	bytes: number;
	period: string | null; // 'YYYY-MM' where the file is one month
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	issues: ReadIssue[]; // first few problems, each naming line and column
	note?: string; // e.g. 'superseded by codepo_gb.zip'
}

export type DatasetId =
	| 'rtt'
	| 'trusts'
	| 'independent-providers'
	| 'independent-sites'
	| 'hospital-sites'
	| 'postcodes-codepoint'
	| 'postcode-sectors'
	| 'postcode-districts'
	| 'postcode-outcodes'
	| 'inpatient-survey'
	| 'ae'
	// Councils (issue #12): one id per publisher format.
	| 'council-waste'
	| 'council-fly-tipping'
	| 'council-ofsted'
	| 'council-ascof'
	| 'council-dfe-cin'
	| 'council-dfe-cpp'
	| 'council-dfe-cla'
	| 'council-dfe-workforce'
	| 'council-peers-ons'
	| 'council-peers-ons-clusters'
	| 'council-peers-dfe';

export interface ReadIssue {
	file: string;
	line: number; // 1-based line in the file (header is line 1)
	column: string | null; // header name, or null for whole-row problems
	message: string; // a sentence a person can act on
}

export { tableFormat, type ColumnDescription, type ManifestTable, type TableDescription, type TableFamily, type TableFormat } from './tables.ts';

export interface RttMonthFigures {
	period: string; // 'YYYY-MM'
	/** Part_2, all commissioners, counted once (C_999 rows). */
	incompletePathways: number;
	/** Part_2 excluding commissioner NONC: the scope of NHS England's England headline. */
	incompletePathwaysEngland: number;
	englandMedianWeeks: number | null;
	englandP92Weeks: number | null;
	englandPctWithin18: number | null;
	providers: number;
}

export interface Manifest {
	name: 'openwaits';
	profile: 'data-package';
	generated: string; // ISO timestamp
	demonstration: boolean; // true when built from the demonstration generator
	latestPeriod: string | null;
	periods: string[];
	/** Months of A&E figures built, oldest first; each has a file at `files.aeMonth`. */
	aePeriods: string[];
	sources: SourceReport[];
	/** Every table the browser can query; each names its family in `families`, which describes its columns. */
	tables: ManifestTable[];
	families: Record<string, TableFamily>;
	rtt: RttMonthFigures[];
	licences: { name: string; path: string; title: string; attribution: string }[];
	/** Providers with waiting-time data that could not be placed on the map. */
	unlocatedProviders: string[];
	files: { patientTreatments: string; patientTrends?: string; providers: string; postcodeIndex: string; aeMonth: string; aeTrend?: string; rttMonth?: string; feeds?: typeof FEED_FILES };
	/** Input files no reader took (a .json, a spreadsheet no reader recognises), relative to the input folder. */
	ignored?: string[];
	/** Council data (src/lib/schema/council.ts), when any council file was read. */
	council?: { councils: number; measures: string[]; files: string[] } | null;
	/** Added by `npm run refresh` after the build and its checks passed (src/lib/schema/refresh.ts). */
	refresh?: RefreshRecord | null;
}

/**
 * `explorer.json`: what /explore needs, the manifest's tables and their families with the latest
 * month (for the examples) and whether the data are made up. The page's load fetches it, and
 * SvelteKit inlines what a load fetched into the prerendered page: fetching manifest.json there
 * put every source report and month figure into /explore too.
 */
export type ExplorerFile = TableCatalogue & Pick<Manifest, 'latestPeriod' | 'demonstration'>;
export const EXPLORER_FILE = 'explorer.json';

/** `site.json`: the little every page needs (the layout loads it). */
export interface SiteSummary {
	demonstration: boolean;
	latestPeriod: string | null;
	periods: string[];
	/** The manifest's A&E months, for the league tables' month choice. */
	aePeriods: string[];
	generated: string;
}

// The first answer's files (waits and trends per treatment) are described in first-answer.ts.
export * from './first-answer.ts';
export * from './league-month.ts';

export interface SiteRecord {
	code: string;
	name: string;
	lat: number;
	lon: number;
	address: string;
	postcode: string | null;
	phone: string | null;
	website: string | null;
}

export interface SurveyResult {
	year: number;
	/** Overall experience, 0–10 (CQC Adult Inpatient Survey). */
	score: number;
	/** The survey's own band against England: 1 much worse … 4 about the same … 7 much better. */
	band: number;
	respondents: number;
}

export interface AePerformance {
	period: string;
	attendances: number;
	pctWithin4h: number; // 0–100, all types, booked appointments excluded
}

/** One provider's A&E month: all types, booked appointments excluded, national total row left out. */
export interface AeMonthRow {
	code: string;
	name: string;
	attendances: number;
	/** Attendances seen within 4 hours (attendances − over 4 hours): exact, for league tables. */
	within4h: number;
	/** Type 1 (major A&E department) attendances: the league compares providers that have one. */
	type1Attendances: number;
}

/**
 * Atom feeds (RFC 4287) the build writes, relative to static/data: one per
 * provider (all treatments), one per provider × treatment, and the site-wide
 * "what changed in the latest month".
 */
export const FEED_FILES = {
	provider: 'feeds/provider/{code}.xml',
	treatment: 'feeds/provider/{code}/{treatment}.xml',
	changes: 'feeds/changes.xml'
} as const;

export function feedPath(code: string, treatment?: string): string {
	return treatment ? FEED_FILES.treatment.replace('{code}', code).replace('{treatment}', treatment) : FEED_FILES.provider.replace('{code}', code);
}

/** Where each A&E month is written, relative to static/data (also in the manifest's `files.aeMonth`). */
export const AE_MONTH_FILE = 'league/ae-{period}.json';

/** `data/league/ae-<YYYY-MM>.json`: one month of NHS England's A&E return. */
export interface AeMonthFile {
	period: string;
	rows: AeMonthRow[];
}

/**
 * Where each A&E provider's every month is written, relative to static/data (the manifest's
 * `files.aeTrend`): one small file per provider, so its trend costs one fetch of a few kB.
 */
export const AE_TREND_FILE = 'league/ae-trend/{code}.json';

/** 'RR8' → 'league/ae-trend/RR8.json'. */
export function aeTrendPath(code: string): string {
	return AE_TREND_FILE.replace('{code}', code);
}

/**
 * `data/league/ae-trend/<code>.json`: one provider's A&E months, oldest first, with the counts of
 * the month files (AeMonthRow), so the trend and the league agree: [period, attendances, within 4 hours].
 */
export interface AeTrendFile {
	code: string;
	/** As the latest month with a row names it. */
	name: string;
	months: [period: string, attendances: number, within4h: number][];
}

export interface ProviderRecord {
	code: string;
	name: string;
	sector: 'nhs' | 'independent';
	lat: number | null;
	lon: number | null;
	locatedBy: 'sites' | 'headquarters' | null;
	address: string | null;
	postcode: string | null;
	phone: string | null;
	website: string | null;
	/** Provider parent organisation (ICB) code and name from RTT: the league tables' areas. */
	region: string | null;
	regionName: string | null;
	sites: SiteRecord[];
	survey: SurveyResult | null;
	ae: AePerformance | null;
	treatments: string[]; // treatment codes with Part_2 data in the latest month
}

/**
 * `data/patient/providers.json`. Area names are listed once in `regions`
 * (code → name) rather than on each of ~500 providers, to keep the file a
 * patient's first search downloads small; loadProviders() puts them back.
 */
export interface ProvidersFile {
	providers: Omit<ProviderRecord, 'regionName'>[];
	regions: Record<string, string>;
}

/** The providers.json a build writes for these providers. */
export function providersFile(providers: readonly ProviderRecord[]): ProvidersFile {
	const regions: Record<string, string> = {};
	for (const p of providers) if (p.region && p.regionName) regions[p.region] = p.regionName;
	return { providers: providers.map(({ regionName: _, ...rest }) => rest), regions };
}

/** The providers of a providers.json, each with its area's name again. */
export function providersOf(file: ProvidersFile): ProviderRecord[] {
	const names = file.regions ?? {};
	return file.providers.map((p) => ({ ...p, regionName: p.region && Object.hasOwn(names, p.region) ? names[p.region] : null }));
}

/** `data/patient/postcodes/<AREA>.json`: sector and district centroids for one postcode area. */
export interface PostcodeAreaFile {
	area: string; // 'LS', 'B', 'SW'
	districts: Record<string, [number, number]>; // 'LS1' → [lat, lon]
	sectors: Record<string, [number, number]>; // 'LS1 4' → [lat, lon]
}
