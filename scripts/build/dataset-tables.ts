/**
 * The browser's DuckDB tables besides RTT, with the words the manifest and the
 * schema browser show for each table and column.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ProviderRecord, SiteRecord } from '../../src/lib/schema/site-data.ts';
import { pctWithin4Hours, type AeRow } from '../readers/ae.ts';
import { loadRows, type ColumnSpec } from './load-rows.ts';
import type { OtherDatasets } from './datasets.ts';
import type { SurveyRow } from './providers.ts';
import type { Centroids } from './patient-files.ts';
import { SUMMARY_COLUMNS } from './rtt-summaries.ts';
import { RTT_BAND_COLUMNS } from '../../src/lib/schema/rtt.ts';

type Text = { title: string; description: string; columns: Record<string, string> };

const PROVIDER_COLUMNS: ColumnSpec<ProviderRecord>[] = [
	{ name: 'code', type: 'VARCHAR', description: 'ODS code', value: (p) => p.code },
	{ name: 'name', type: 'VARCHAR', description: 'Name', value: (p) => p.name },
	{ name: 'sector', type: 'VARCHAR', description: 'nhs or independent', value: (p) => p.sector },
	{ name: 'latitude', type: 'DOUBLE', description: 'WGS84 latitude (mean of its hospital sites, else its headquarters postcode)', value: (p) => p.lat },
	{ name: 'longitude', type: 'DOUBLE', description: 'WGS84 longitude', value: (p) => p.lon },
	{ name: 'located_by', type: 'VARCHAR', description: 'sites, headquarters, or empty when it could not be located', value: (p) => p.locatedBy },
	{ name: 'address', type: 'VARCHAR', description: 'Headquarters address (ODS)', value: (p) => p.address },
	{ name: 'postcode', type: 'VARCHAR', description: 'Headquarters postcode (ODS)', value: (p) => p.postcode },
	{ name: 'phone', type: 'VARCHAR', description: 'Main phone number (NHS website hospital list)', value: (p) => p.phone },
	{ name: 'website', type: 'VARCHAR', description: 'Website', value: (p) => p.website },
	{ name: 'region_code', type: 'VARCHAR', description: 'Provider parent organisation (ICB) code from RTT', value: (p) => p.region },
	{ name: 'region_name', type: 'VARCHAR', description: 'Provider parent organisation (ICB) name from RTT', value: (p) => p.regionName },
	{ name: 'survey_year', type: 'INTEGER', description: 'Year of the CQC inpatient survey', value: (p) => p.survey?.year },
	{ name: 'survey_overall_score', type: 'DOUBLE', description: 'Overall experience score out of 10 (CQC Adult Inpatient Survey)', value: (p) => p.survey?.score },
	{ name: 'survey_band', type: 'INTEGER', description: "The survey's own comparison with England: 1 much worse … 4 about the same … 7 much better", value: (p) => p.survey?.band },
	{ name: 'ae_period', type: 'VARCHAR', description: 'Month of the latest A&E figures', value: (p) => p.ae?.period },
	{ name: 'ae_pct_within_4h', type: 'DOUBLE', description: '% of A&E attendances (all types, booked excluded) seen within 4 hours', value: (p) => p.ae?.pctWithin4h }
];

const SITE_COLUMNS: ColumnSpec<SiteRecord & { provider: string }>[] = [
	{ name: 'provider_code', type: 'VARCHAR', description: 'ODS code of the provider the site belongs to', value: (s) => s.provider },
	{ name: 'code', type: 'VARCHAR', description: 'Site code', value: (s) => s.code },
	{ name: 'name', type: 'VARCHAR', description: 'Site name', value: (s) => s.name },
	{ name: 'latitude', type: 'DOUBLE', description: 'WGS84 latitude', value: (s) => s.lat },
	{ name: 'longitude', type: 'DOUBLE', description: 'WGS84 longitude', value: (s) => s.lon },
	{ name: 'address', type: 'VARCHAR', description: 'Address', value: (s) => s.address },
	{ name: 'postcode', type: 'VARCHAR', description: 'Postcode', value: (s) => s.postcode },
	{ name: 'phone', type: 'VARCHAR', description: 'Phone', value: (s) => s.phone },
	{ name: 'website', type: 'VARCHAR', description: 'Website', value: (s) => s.website }
];

const SURVEY_COLUMNS: ColumnSpec<SurveyRow & { trustName?: string }>[] = [
	{ name: 'trust_code', type: 'VARCHAR', description: 'ODS trust code', value: (s) => s.trustCode },
	{ name: 'trust_name', type: 'VARCHAR', description: 'Trust name as published', value: (s) => s.trustName ?? null },
	{ name: 'year', type: 'INTEGER', description: 'Survey year', value: (s) => s.year },
	{ name: 'respondents', type: 'INTEGER', description: 'Respondents at this trust', value: (s) => s.respondents },
	{ name: 'overall_score', type: 'DOUBLE', description: 'Overall experience, 0–10', value: (s) => s.overallScore },
	{ name: 'overall_band', type: 'INTEGER', description: 'CQC band: 1 much worse … 4 about the same … 7 much better', value: (s) => s.overallBand }
];

const AE_COLUMNS: ColumnSpec<AeRow>[] = [
	{ name: 'period', type: 'VARCHAR', description: 'Month, YYYY-MM', value: (r) => r.period },
	{ name: 'org_code', type: 'VARCHAR', description: 'ODS code', value: (r) => r.orgCode },
	{ name: 'org_name', type: 'VARCHAR', description: 'Name as published', value: (r) => r.orgName },
	{ name: 'parent_org', type: 'VARCHAR', description: 'Region as published', value: (r) => r.parentOrg },
	{ name: 'attendances_type1', type: 'BIGINT', description: 'Type 1 (major) A&E attendances', value: (r) => r.attendancesType1 },
	{ name: 'attendances_type2', type: 'BIGINT', description: 'Type 2 (single specialty) attendances', value: (r) => r.attendancesType2 },
	{ name: 'attendances_other', type: 'BIGINT', description: 'Other A&E department attendances', value: (r) => r.attendancesOther },
	{ name: 'over_4h_type1', type: 'BIGINT', description: 'Type 1 attendances over 4 hours', value: (r) => r.over4hType1 },
	{ name: 'over_4h_type2', type: 'BIGINT', description: 'Type 2 attendances over 4 hours', value: (r) => r.over4hType2 },
	{ name: 'over_4h_other', type: 'BIGINT', description: 'Other department attendances over 4 hours', value: (r) => r.over4hOther },
	{ name: 'waited_12h_plus_from_decision', type: 'BIGINT', description: 'Patients waiting 12+ hours from decision to admit to admission', value: (r) => r.waited12hPlusFromDecisionToAdmit },
	{ name: 'pct_within_4h', type: 'DOUBLE', description: '% seen within 4 hours, all types, booked appointments excluded', value: (r) => pctWithin4Hours(r) }
];

type Point = { key: string; lat: number; lon: number };
const pointColumns = (key: string, what: string): ColumnSpec<Point>[] => [
	{ name: key, type: 'VARCHAR', description: what, value: (p) => p.key },
	{ name: 'latitude', type: 'DOUBLE', description: 'Centroid latitude (WGS84)', value: (p) => p.lat },
	{ name: 'longitude', type: 'DOUBLE', description: 'Centroid longitude (WGS84)', value: (p) => p.lon }
];

const describe = <R>(columns: ColumnSpec<R>[]) => Object.fromEntries(columns.map((c) => [c.name, c.description]));

export const TABLE_TEXT: Record<string, Text> = {
	rtt_summary: { title: 'Waiting times by provider, treatment and month', description: 'RTT week bands summed over commissioners, with median, 92nd and 95th percentiles and % within 18 weeks (one row per month × part × provider × treatment; ENG = England excluding non-English commissioners).', columns: Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.name, c.description])) },
	rtt_england: { title: 'England waiting times by month', description: 'The England rows (provider_code ENG: England excluding non-English commissioners) of rtt_summary, every month: small, for trends (e.g. the median wait of people still waiting, part Part_2, treatment C_999, month by month).', columns: Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.name, c.description])) },
	rtt_detail: { title: 'RTT per-commissioner detail', description: 'Every accepted row of the NHS England RTT full extract for one month: provider × commissioner × part × treatment, with the 105 week bands. C_999 rows are totals: never add them to the detail rows.', columns: { period: 'Month, YYYY-MM', part: 'RTT part', treatment_code: 'Treatment function code (C_999 = total row)', total: 'Sum of bands (Parts 1A/1B only)', unknown_clock_start: 'Patients with unknown clock start date', total_all: 'All pathways', ...Object.fromEntries(RTT_BAND_COLUMNS.map((c, k) => [c, k === 104 ? 'Pathways waiting more than 104 weeks' : `Pathways waiting more than ${k} and up to ${k + 1} weeks`])) } },
	providers: { title: 'Providers', description: 'Every provider with waiting-time data in the latest month, located by its hospital sites or headquarters postcode.', columns: describe(PROVIDER_COLUMNS) },
	sites: { title: 'Hospital sites', description: 'Sites from the NHS website hospital list, by provider.', columns: describe(SITE_COLUMNS) },
	postcode_sectors: { title: 'Postcode sector centroids', description: 'Mean position of the postcodes in each sector (e.g. LS1 4).', columns: describe(pointColumns('sector', 'Postcode sector')) },
	postcode_districts: { title: 'Postcode district centroids', description: 'Mean position of the postcodes in each district (e.g. LS1).', columns: describe(pointColumns('district', 'Postcode district')) },
	inpatient_survey: { title: 'CQC Adult Inpatient Survey: overall experience', description: 'Trust scores for the overall-experience question, with the survey’s own band against England.', columns: describe(SURVEY_COLUMNS) },
	ae_monthly: { title: 'A&E attendances and 4-hour performance', description: 'NHS England monthly A&E return by provider (national total row excluded).', columns: describe(AE_COLUMNS) }
};

export async function loadDatasetTables(connection: DuckDBConnection, datasets: OtherDatasets, providers: ProviderRecord[], centroids: Centroids): Promise<void> {
	await loadRows(connection, 'providers', PROVIDER_COLUMNS, providers);
	await loadRows(connection, 'sites', SITE_COLUMNS, providers.flatMap((p) => p.sites.map((s) => ({ ...s, provider: p.code }))));
	await loadRows(connection, 'inpatient_survey', SURVEY_COLUMNS, datasets.survey);
	await loadRows(connection, 'ae_monthly', AE_COLUMNS, datasets.ae);
	const points = (map: Map<string, [number, number]>) => [...map].map(([key, [lat, lon]]) => ({ key, lat, lon }));
	await loadRows(connection, 'postcode_sectors', pointColumns('sector', 'Postcode sector'), points(centroids.sectors));
	await loadRows(connection, 'postcode_districts', pointColumns('district', 'Postcode district'), points(centroids.districts));
}
