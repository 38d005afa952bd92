/**
 * Output of `npm run summarise`: one record per group, as RFC 4180 CSV or JSON.
 *
 * Like the site, percentiles and percentages are left empty when a group has
 * too few pathways (MIN_PATHWAYS) and a percentile in the open top band is
 * empty with an "over 104" flag, never a made-up number of weeks. Counts are
 * always given.
 */
import type { WaitPercentile } from '../../src/lib/stats/percentile.ts';
import type { GroupSummary } from './groups.ts';

export interface SummaryRecord {
	code: string;
	name: string | null;
	treatment_code: string;
	treatment_name: string | null;
	pathways: number;
	unknown_clock_start: number;
	total_all: number;
	median_weeks: number | null;
	p92_weeks: number | null;
	p95_weeks: number | null;
	pct_within_18: number | null;
	pct_within_18_low: number | null;
	pct_within_18_high: number | null;
	over_52: number;
	over_104: number;
	flags: string[];
}

export const COLUMNS: readonly (keyof SummaryRecord)[] = [
	'code', 'name', 'treatment_code', 'treatment_name', 'pathways', 'unknown_clock_start', 'total_all',
	'median_weeks', 'p92_weeks', 'p95_weeks', 'pct_within_18', 'pct_within_18_low', 'pct_within_18_high',
	'over_52', 'over_104', 'flags'
];

/** Two decimals: enough to compare with NHS England's figures (which print one) without float noise. */
const round2 = (value: number) => Math.round(value * 100) / 100;

function weeks(value: WaitPercentile, show: boolean): number | null {
	return show && value.kind === 'weeks' ? round2(value.weeks) : null;
}

export function toRecord(group: GroupSummary): SummaryRecord {
	const s = group.summary;
	const show = !s.tooFew;
	const flags: string[] = [];
	if (s.tooFew) flags.push('too_few');
	if (show) {
		for (const [name, value] of [['median', s.median], ['p92', s.p92], ['p95', s.p95]] as const) {
			if (value.kind === 'over104') flags.push(`${name}_over_104`);
		}
	}
	return {
		code: group.code,
		name: group.name,
		treatment_code: group.treatmentCode,
		treatment_name: group.treatmentName,
		pathways: s.pathways,
		unknown_clock_start: s.unknownClockStart,
		total_all: group.totalAll,
		median_weeks: weeks(s.median, show),
		p92_weeks: weeks(s.p92, show),
		p95_weeks: weeks(s.p95, show),
		pct_within_18: show && s.pctWithin18 !== null ? round2(s.pctWithin18) : null,
		pct_within_18_low: show && s.pctWithin18Interval ? round2(s.pctWithin18Interval.low) : null,
		pct_within_18_high: show && s.pctWithin18Interval ? round2(s.pctWithin18Interval.high) : null,
		over_52: s.over52,
		over_104: s.over104,
		flags
	};
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double any quote. */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header line plus one line per record, CRLF-terminated as RFC 4180 specifies. */
export function toCsv(records: SummaryRecord[]): string {
	const lines = [COLUMNS.join(',')];
	for (const record of records) {
		lines.push(COLUMNS.map((column) => {
			const value = record[column];
			return csvField(Array.isArray(value) ? value.join(';') : value);
		}).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

export function toJson(records: SummaryRecord[]): string {
	return `${JSON.stringify(records, null, 2)}\n`;
}
