/**
 * The measures a national league table can be built on, and the choice as URL
 * query text (?measure=&treatment=&period=&area=&limits=&provider=, and for a council
 * measure &year=&council=&peers=). Pure: no fetching here; units.ts and
 * council.ts turn the site's files into league units.
 *
 * Council measures come from the one catalogue (src/lib/council/measures.ts):
 * every row that may be compared ('binomial' or 'peer-spread') is offered as
 * 'council:<id>'; raw counts ('none') never are.
 */
import { parseProviderCode } from '../state/provider-code.ts';
import type { Direction } from '../stats/funnel.ts';
import { COUNCIL_MEASURES, type MeasureDefinition } from '../council/measures.ts';
import { PEER_GROUPS, type PeerGroupId } from '../schema/council.ts';
import { LIMITS_MODES, type LimitsMode } from './compute.ts';

export type NhsMeasureId = 'rtt18' | 'over52' | 'ae4h' | 'survey';
export type MeasureId = NhsMeasureId | `council:${string}`;

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
	/** False for the survey score and the peer-spread council measures: no funnel. */
	proportion: boolean;
	source: string;
	/** Which group of the measure menu it sits in. */
	group: 'nhs' | 'council';
	/** The catalogue row, for council measures. */
	council?: MeasureDefinition;
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
		group: 'nhs',
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
		group: 'nhs',
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
		group: 'nhs',
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
		group: 'nhs',
		source: 'CQC Adult Inpatient Survey, overall experience question, with the CQC’s own bands.'
	}
];

/** A council catalogue row as a league measure. Nothing here is ranked on a raw count. */
export function councilLeagueMeasure(def: MeasureDefinition): Measure {
	return {
		id: `council:${def.id}`,
		label: def.title,
		of: def.description,
		valueHeading: def.title,
		nHeading: def.denominatorLabel ?? 'Count',
		// A measure with no better direction is still compared, never called better or worse.
		direction: def.better === 'lower' ? 'lower-is-better' : 'higher-is-better',
		byTreatment: false,
		periods: null,
		proportion: def.comparison === 'binomial',
		source: `${def.source.publisher}, ${def.source.title} (${def.source.licence}).`,
		group: 'council',
		council: def
	};
}

export const COUNCIL_LEAGUE_MEASURES: readonly Measure[] = COUNCIL_MEASURES.filter((m) => m.comparison !== 'none').map(councilLeagueMeasure);
export const ALL_MEASURES: readonly Measure[] = [...MEASURES, ...COUNCIL_LEAGUE_MEASURES];

export function measureById(id: string): Measure {
	return ALL_MEASURES.find((m) => m.id === id) ?? MEASURES[0];
}

/** The peer groups a council can be compared within, besides all England (''). */
export type LeaguePeers = Exclude<PeerGroupId, 'england'> | '';
export const LEAGUE_PEER_GROUPS = PEER_GROUPS.filter((g): g is Exclude<PeerGroupId, 'england'> => g !== 'england');

// ---------------------------------------------------------------- URL state

export interface LeagueQuery {
	measure: MeasureId;
	treatment: string;
	/** 'YYYY-MM' or '' for the latest. */
	period: string;
	/** '' for all England, else an area (ICB) code. */
	area: string;
	/** null (absent from the URL): adjusted limits when the units vary more than chance, else plain. */
	limits: LimitsMode | null;
	/** Council measures: the publisher's year label ('2022-23', '2025'), or '' for the latest. */
	year: string;
	/** Council measures: the council to highlight (an ONS code), or ''. */
	council: string;
	/** Council measures: the chosen council's peer group, or '' for all England. */
	peers: LeaguePeers;
	/** RTT and A&E measures: the provider (ODS code) whose trend over every month is open, or ''. */
	provider: string;
}

export const DEFAULT_QUERY: LeagueQuery = { measure: 'rtt18', treatment: 'C_999', period: '', area: '', limits: null, year: '', council: '', peers: '', provider: '' };

const COUNCIL_CODE = /^[EWSN]\d{8}$/;

/** A measure built month by month (RTT, A&E): each provider's trend over every month can be opened. */
export const hasMonthTrend = (measure: Measure) => measure.periods !== null;

/** Tolerant: anything unknown falls back to the default, and codes are checked by shape. */
export function parseLeagueQuery(params: URLSearchParams): LeagueQuery {
	const asked = params.get('measure') ?? '';
	const measure = ALL_MEASURES.some((m) => m.id === asked) ? (asked as MeasureId) : DEFAULT_QUERY.measure;
	const treatment = /^(C_\d{3}|X0\d)$/.test(params.get('treatment') ?? '') ? (params.get('treatment') as string) : DEFAULT_QUERY.treatment;
	const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '') ? (params.get('period') as string) : '';
	const area = /^[A-Z0-9]{2,6}$/.test(params.get('area') ?? '') ? (params.get('area') as string) : '';
	const limits = (LIMITS_MODES as readonly string[]).includes(params.get('limits') ?? '') ? (params.get('limits') as LimitsMode) : null;
	const year = /^\d{4}(-\d{2})?$/.test(params.get('year') ?? '') ? (params.get('year') as string) : '';
	const council = COUNCIL_CODE.test(params.get('council') ?? '') ? (params.get('council') as string) : '';
	const peers = council && (LEAGUE_PEER_GROUPS as readonly string[]).includes(params.get('peers') ?? '') ? (params.get('peers') as LeaguePeers) : '';
	const provider = (hasMonthTrend(measureById(measure)) && parseProviderCode(params.get('provider'))) || '';
	return { measure, treatment, period, area, limits, year, council, peers, provider };
}

/** Only what differs from the defaults and applies to the measure, in a fixed order. */
export function leagueQueryToString(query: LeagueQuery): string {
	const measure = measureById(query.measure);
	const params = new URLSearchParams();
	params.set('measure', query.measure);
	if (measure.byTreatment) params.set('treatment', query.treatment);
	if (query.period && measure.periods) params.set('period', query.period);
	if (query.area && measure.group === 'nhs') params.set('area', query.area);
	if (measure.group === 'council') {
		if (query.year) params.set('year', query.year);
		if (query.council) params.set('council', query.council);
		if (query.council && query.peers) params.set('peers', query.peers);
	}
	if (query.limits !== null && measure.proportion) params.set('limits', query.limits);
	if (query.provider && hasMonthTrend(measure)) params.set('provider', query.provider);
	return params.toString();
}
