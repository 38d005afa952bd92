/**
 * The measures a national league table can be built on, the choice as URL
 * query text (?measure=&treatment=&period=&area=&limits=), and the step from
 * the site's published files to league units. Pure: no fetching here.
 */
import type { ProviderRecord, TreatmentWaitsFile } from '../schema/site-data.ts';
import type { Direction } from '../stats/funnel.ts';
import { LIMITS_MODES, type LeagueUnit, type LimitsMode } from './compute.ts';

export type MeasureId = 'rtt18' | 'over52' | 'ae4h' | 'survey';

export interface Measure {
	id: MeasureId;
	label: string;
	/** What the value is a proportion of, in words. */
	of: string;
	/** Column heading for the value. */
	valueHeading: string;
	/** What n counts. */
	nHeading: string;
	direction: Direction;
	/** True when the measure uses the RTT treatment choice. */
	byTreatment: boolean;
	/** False for the survey score: a mean, not a proportion, so no funnel. */
	proportion: boolean;
	source: string;
}

export const MEASURES: readonly Measure[] = [
	{
		id: 'rtt18',
		label: 'Waiting under 18 weeks (RTT)',
		of: 'people waiting who had waited under 18 weeks',
		valueHeading: 'Waiting under 18 weeks',
		nHeading: 'People waiting',
		direction: 'higher-is-better',
		byTreatment: true,
		proportion: true,
		source: 'NHS England, Referral to Treatment waiting times (incomplete pathways).'
	},
	{
		id: 'over52',
		label: 'Waiting over 52 weeks (RTT)',
		of: 'people waiting who had waited over 52 weeks',
		valueHeading: 'Waiting over 52 weeks',
		nHeading: 'People waiting',
		direction: 'lower-is-better',
		byTreatment: true,
		proportion: true,
		source: 'NHS England, Referral to Treatment waiting times (incomplete pathways).'
	},
	{
		id: 'ae4h',
		label: 'A&E: seen within 4 hours',
		of: 'A&E attendances seen within 4 hours',
		valueHeading: 'Seen within 4 hours',
		nHeading: 'Attendances',
		direction: 'higher-is-better',
		byTreatment: false,
		proportion: true,
		source: 'NHS England, A&E attendances and emergency admissions (all types, latest month).'
	},
	{
		id: 'survey',
		label: 'Inpatient survey: overall experience',
		of: 'overall experience score out of 10',
		valueHeading: 'Overall score (out of 10)',
		nHeading: 'Respondents',
		direction: 'higher-is-better',
		byTreatment: false,
		proportion: false,
		source: 'CQC Adult Inpatient Survey, overall experience question, with the CQC’s own bands.'
	}
];

export function measureById(id: string): Measure {
	return MEASURES.find((m) => m.id === id) ?? MEASURES[0];
}

// ---------------------------------------------------------------- URL state

export interface LeagueQuery {
	measure: MeasureId;
	treatment: string;
	/** 'YYYY-MM' or '' for the latest. */
	period: string;
	/** '' for all England, else an area (ICB) code. */
	area: string;
	limits: LimitsMode;
}

export const DEFAULT_QUERY: LeagueQuery = { measure: 'rtt18', treatment: 'C_999', period: '', area: '', limits: 'exact' };

/** Tolerant: anything unknown falls back to the default, and codes are checked by shape. */
export function parseLeagueQuery(params: URLSearchParams): LeagueQuery {
	const measure = MEASURES.some((m) => m.id === params.get('measure')) ? (params.get('measure') as MeasureId) : DEFAULT_QUERY.measure;
	const treatment = /^(C_\d{3}|X0\d)$/.test(params.get('treatment') ?? '') ? (params.get('treatment') as string) : DEFAULT_QUERY.treatment;
	const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '') ? (params.get('period') as string) : '';
	const area = /^[A-Z0-9]{2,6}$/.test(params.get('area') ?? '') ? (params.get('area') as string) : '';
	const limits = (LIMITS_MODES as readonly string[]).includes(params.get('limits') ?? '') ? (params.get('limits') as LimitsMode) : 'exact';
	return { measure, treatment, period, area, limits };
}

/** Only what differs from the defaults, in a fixed order. */
export function leagueQueryToString(query: LeagueQuery): string {
	const params = new URLSearchParams();
	params.set('measure', query.measure);
	if (measureById(query.measure).byTreatment) params.set('treatment', query.treatment);
	if (query.period) params.set('period', query.period);
	if (query.area) params.set('area', query.area);
	if (query.limits !== 'exact') params.set('limits', query.limits);
	return params.toString();
}

// ------------------------------------------------------------- data → units

export interface SurveyRow {
	code: string;
	name: string;
	area: string | null;
	score: number;
	band: number;
	respondents: number;
	year: number;
}

/** RTT units for a period: successes are people under 18 weeks, or over 52 weeks. */
export function rttUnits(
	measure: 'rtt18' | 'over52',
	waits: TreatmentWaitsFile,
	providers: readonly ProviderRecord[],
	period: string
): { units: LeagueUnit[]; tooFew: { code: string; name: string }[] } {
	const byCode = new Map(providers.map((p) => [p.code, p]));
	const units: LeagueUnit[] = [];
	const tooFew: { code: string; name: string }[] = [];
	for (const row of waits.rows) {
		const month = row.months.find((m) => m.period === period);
		if (!month) continue;
		const provider = byCode.get(row.provider);
		const name = provider?.name ?? row.provider;
		if (month.tooFew || month.pathways <= 0 || (measure === 'rtt18' && month.pctWithin18 === null)) {
			tooFew.push({ code: row.provider, name });
			continue;
		}
		const successes = measure === 'over52' ? month.over52 : month.within18;
		units.push({ code: row.provider, name, area: provider?.region ?? null, successes: Math.min(month.pathways, Math.max(0, successes)), trials: month.pathways });
	}
	return { units, tooFew };
}

/** A&E units from the latest month on each provider record. */
export function aeUnits(providers: readonly ProviderRecord[]): { units: LeagueUnit[]; period: string | null } {
	const units: LeagueUnit[] = [];
	const periods = new Map<string, number>();
	for (const p of providers) {
		if (!p.ae || !(p.ae.attendances > 0)) continue;
		periods.set(p.ae.period, (periods.get(p.ae.period) ?? 0) + 1);
		units.push({ code: p.code, name: p.name, area: p.region, successes: Math.round((p.ae.pctWithin4h / 100) * p.ae.attendances), trials: p.ae.attendances });
	}
	const period = [...periods].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0] ?? null;
	return { units: units.filter((u) => providers.find((p) => p.code === u.code)?.ae?.period === period), period };
}

export function surveyRows(providers: readonly ProviderRecord[]): SurveyRow[] {
	return providers
		.filter((p) => p.survey && Number.isFinite(p.survey.score))
		.map((p) => ({ code: p.code, name: p.name, area: p.region, score: p.survey!.score, band: p.survey!.band, respondents: p.survey!.respondents, year: p.survey!.year }))
		.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

export function areasOf(providers: readonly ProviderRecord[]): string[] {
	return [...new Set(providers.map((p) => p.region).filter((r): r is string => !!r))].sort();
}
