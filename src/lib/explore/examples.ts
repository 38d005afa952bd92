/**
 * Example queries that answer questions journalists ask, written against the
 * tables the manifest lists (an example whose tables are missing is left out).
 * A question about the latest month names that month's own table
 * (rtt_summary_YYYY_MM), so running it fetches one month, not every month.
 */
import type { Manifest } from '$lib/schema/site-data';

export interface ExampleQuery {
	id: string;
	title: string;
	question: string;
	sql: string;
	tables: string[];
}

export function exampleQueries(manifest: Pick<Manifest, 'tables' | 'latestPeriod'>): ExampleQuery[] {
	const have = new Set(manifest.tables.map((t) => t.name));
	const latest = manifest.latestPeriod;
	const latestDetail = latest ? `rtt_detail_${latest.replace('-', '_')}` : null;
	// Without a latest month there is no month table either, and these examples are left out below.
	const summary = latest ? `rtt_summary_${latest.replace('-', '_')}` : 'rtt_summary_latest';
	const examples: ExampleQuery[] = [
		{
			id: 'over-52-orthopaedics',
			title: 'Trusts with the most people waiting over 52 weeks for trauma and orthopaedics',
			question: `Which providers had the most people waiting more than a year for trauma and orthopaedics in the latest month${latest ? ` (${latest})` : ''}?`,
			tables: [summary],
			sql: `SELECT provider_code, provider_name, over_52, pathways,
  round(100.0 * over_52 / nullif(pathways, 0), 1) AS pct_over_52,
  median_weeks
FROM ${summary}
WHERE part = 'Part_2'
  AND treatment_code = 'C_110'
  AND provider_code <> 'ENG'
ORDER BY over_52 DESC
LIMIT 20`
		},
		{
			id: 'treated-this-month',
			title: 'Waits of people treated this month beside the waiting list, by provider',
			question: `For eye treatment in the latest month${latest ? ` (${latest})` : ''}, how long had the people admitted or seen in clinic waited, beside how long those still waiting have waited?`,
			tables: [summary],
			sql: `SELECT provider_code, any_value(provider_name) AS provider_name,
  max(CASE WHEN part = 'Part_1A' THEN median_weeks END) AS admitted_median_weeks,
  max(CASE WHEN part = 'Part_1B' THEN median_weeks END) AS clinic_median_weeks,
  max(CASE WHEN part = 'Part_2' THEN median_weeks END) AS waiting_median_weeks,
  sum(CASE WHEN part IN ('Part_1A', 'Part_1B') THEN pathways + unknown_clock_start END) AS treatments_started,
  max(CASE WHEN part = 'Part_2' THEN pathways + unknown_clock_start END) AS on_the_list
FROM ${summary}
WHERE treatment_code = 'C_130'
  AND provider_code <> 'ENG'
GROUP BY provider_code
ORDER BY on_the_list DESC NULLS LAST
LIMIT 20`
		},
		{
			id: 'england-median',
			title: 'England’s median wait by month',
			question: 'How has the median wait of people still waiting in England changed month by month, over every month the site holds? (Charted as a line.)',
			tables: ['rtt_england'],
			// rtt_england holds one row per month × part × treatment, so no GROUP BY is needed for all treatments (C_999).
			sql: `SELECT period AS month, median_weeks, p92_weeks, pct_within_18, pathways, over_52
FROM rtt_england
WHERE part = 'Part_2'
  AND treatment_code = 'C_999'
ORDER BY month`
		},
		{
			id: 'near-sector',
			title: 'Providers nearest a postcode sector',
			question: 'Which hospitals are within 25 miles of the LS1 4 postcode sector (central Leeds), and how long are their waits?',
			tables: ['providers', 'postcode_sectors', summary],
			sql: `WITH here AS (
  SELECT latitude, longitude FROM postcode_sectors WHERE sector = 'LS1 4'
), distances AS (
  SELECT p.code, p.name,
    3958.8 * 2 * asin(sqrt(
      pow(sin(radians(p.latitude - here.latitude) / 2), 2)
      + cos(radians(here.latitude)) * cos(radians(p.latitude))
      * pow(sin(radians(p.longitude - here.longitude) / 2), 2))) AS miles
  FROM providers p, here
  WHERE p.latitude IS NOT NULL
)
SELECT d.code, d.name, round(d.miles, 1) AS miles, s.median_weeks, s.pct_within_18
FROM distances d
LEFT JOIN ${summary} s
  ON s.provider_code = d.code
  AND s.part = 'Part_2' AND s.treatment_code = 'C_999'
WHERE d.miles <= 25
ORDER BY d.miles`
		},
		{
			id: 'ae-4-hour',
			title: 'A&E: share seen within 4 hours, by month',
			// The site's own definition (pctWithin4Hours in scripts/readers/ae.ts, the league's A&E measure):
			// Type 1 + Type 2 + other departments, booked appointments left out.
			question: 'What share of A&E attendances were seen within 4 hours each month, across every reporting organisation? Counted as everywhere on this site: Type 1, Type 2 and other departments, with booked appointments left out (NHS England’s headline figure includes them).',
			tables: ['ae_monthly'],
			sql: `SELECT period,
  sum(attendances_type1 + attendances_type2 + attendances_other) AS attendances,
  round(100 * (1 - sum(over_4h_type1 + over_4h_type2 + over_4h_other)
    / sum(attendances_type1 + attendances_type2 + attendances_other)), 1) AS pct_within_4h,
  sum(waited_12h_plus_from_decision) AS waited_12h_from_decision
FROM ae_monthly
GROUP BY period
ORDER BY period`
		},
		{
			id: 'waits-vs-survey',
			title: 'Waits against patient experience',
			question: 'Do trusts with longer waits score worse in the CQC inpatient survey? (Try a scatter chart.)',
			tables: [summary, 'providers'],
			sql: `SELECT p.code, p.name, s.median_weeks, s.pct_within_18,
  p.survey_overall_score, p.survey_year
FROM ${summary} s
JOIN providers p ON p.code = s.provider_code
WHERE s.part = 'Part_2'
  AND s.treatment_code = 'C_999'
  AND p.survey_overall_score IS NOT NULL
ORDER BY s.median_weeks DESC`
		},
		{
			id: 'treatments-longest',
			title: 'Treatments with the longest median waits in England',
			question: 'For which treatments do people wait longest in England?',
			tables: [summary],
			sql: `SELECT treatment_code, treatment_name, pathways, median_weeks, p92_weeks, over_52
FROM ${summary}
WHERE provider_code = 'ENG' AND part = 'Part_2'
  AND treatment_code <> 'C_999'
ORDER BY median_weeks DESC NULLS LAST`
		}
	];
	if (latestDetail && have.has(latestDetail)) {
		examples.push({
			id: 'commissioners',
			title: 'Who pays for the patients waiting longest (per-commissioner detail)',
			question: 'Which commissioners have the most patients waiting over 52 weeks in the latest month? This loads the per-commissioner detail table (several megabytes).',
			tables: [latestDetail],
			sql: `SELECT commissioner_code, commissioner_name,
  sum(${Array.from({ length: 53 }, (_, i) => `band_${String(52 + i).padStart(3, '0')}`).filter((_, i) => i < 53).join(' + ')}) AS over_52
FROM ${latestDetail}
WHERE part = 'Part_2' AND treatment_code = 'C_999'
GROUP BY ALL
ORDER BY over_52 DESC
LIMIT 20`
		});
	}
	return examples.filter((e) => e.tables.every((t) => have.has(t)));
}
