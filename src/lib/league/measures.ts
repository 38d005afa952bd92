/**
 * The measures a national league table can be built on, and the choice as URL
 * query text (?measure=&treatment=&period=&area=&limits=). Pure: no fetching
 * here; units.ts turns the site's files into league units.
 */
import type { Direction } from '../stats/funnel.ts';
import { LIMITS_MODES, type LimitsMode } from './compute.ts';

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
	/** Which months it can be shown for: RTT months, A&E months, or none (the survey's one year). */
	periods: 'rtt' | 'ae' | null;
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
		periods: 'rtt',
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
		periods: 'rtt',
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
		periods: 'ae',
		proportion: true,
		source: 'NHS England, A&E attendances and emergency admissions (all types; booked appointments not counted).'
	},
	{
		id: 'survey',
		label: 'Inpatient survey: overall experience',
		of: 'overall experience score out of 10',
		valueHeading: 'Overall score (out of 10)',
		nHeading: 'Respondents',
		direction: 'higher-is-better',
		byTreatment: false,
		periods: null,
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
	if (query.period && measureById(query.measure).periods) params.set('period', query.period);
	if (query.area) params.set('area', query.area);
	if (query.limits !== 'exact') params.set('limits', query.limits);
	return params.toString();
}
