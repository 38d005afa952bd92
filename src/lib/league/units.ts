/**
 * From the site's published files to league units: RTT from the
 * waits-<treatment>.json files (or, for older months, league/rtt-<month>.json), A&E from one month's league/ae-<month>.json,
 * the survey from providers.json; each unit carries its earlier figure for the
 * change column. And the areas (ICBs) a league can be narrowed to, by name.
 * Pure: load.ts does the fetching.
 */
import type { AeMonthFile, LeagueMonthFigures, ProviderRecord } from '../schema/site-data.ts';
import type { Count } from '../stats/change.ts';
import type { LeagueUnit } from './compute.ts';

export interface SurveyRow {
	code: string;
	name: string;
	area: string | null;
	score: number;
	band: number;
	respondents: number;
	year: number;
}

export interface Area {
	code: string;
	name: string;
}

/** Providers' months, from a waits file (the months the first answer compares) and any month's league file. */
export interface RttMonths {
	rows: readonly { provider: string; months: readonly LeagueMonthFigures[] }[];
}

/** Successes for an RTT month: people under 18 weeks, or over 52 weeks; null when too few to say. */
export function rttCount(measure: 'rtt18' | 'over52', month: LeagueMonthFigures | undefined): Count | null {
	if (!month || month.tooFew || month.pathways <= 0 || (measure === 'rtt18' && month.pctWithin18 === null)) return null;
	const successes = measure === 'over52' ? month.over52 : month.within18;
	return { successes: Math.min(month.pathways, Math.max(0, successes)), trials: month.pathways };
}

/** RTT units for a period, each with its figure in `earlierPeriod` when given. */
export function rttUnits(
	measure: 'rtt18' | 'over52',
	waits: RttMonths,
	providers: readonly ProviderRecord[],
	period: string,
	earlierPeriod: string | null = null
): { units: LeagueUnit[]; tooFew: { code: string; name: string }[] } {
	const byCode = new Map(providers.map((p) => [p.code, p]));
	const units: LeagueUnit[] = [];
	const tooFew: { code: string; name: string }[] = [];
	for (const row of waits.rows) {
		const month = row.months.find((m) => m.period === period);
		if (!month) continue;
		const provider = byCode.get(row.provider);
		const name = provider?.name ?? row.provider;
		const count = rttCount(measure, month);
		if (!count) {
			tooFew.push({ code: row.provider, name });
			continue;
		}
		const earlier = earlierPeriod ? rttCount(measure, row.months.find((m) => m.period === earlierPeriod)) : null;
		units.push({ code: row.provider, name, area: provider?.region ?? null, ...count, earlier });
	}
	return { units, tooFew };
}

/**
 * A&E units for one month, with exact counts: the providers in NHS England's
 * return that have a major (Type 1) A&E department, with their attendances of
 * every type, as NHS England's headline per trust counts them. Urgent
 * treatment centres and walk-in services on their own see a different case mix
 * (nearly all within 4 hours), so they are not a fair peer group for a funnel.
 * Areas come from the provider's RTT record; one with no waiting-list figures has none.
 */
export function aeUnits(month: AeMonthFile, earlier: AeMonthFile | null, providers: readonly ProviderRecord[]): LeagueUnit[] {
	const byCode = new Map(providers.map((p) => [p.code, p]));
	const before = new Map((earlier?.rows ?? []).map((r) => [r.code, r]));
	return month.rows
		.filter((r) => r.attendances > 0 && r.type1Attendances > 0)
		.map((r) => {
			const e = before.get(r.code);
			return {
				code: r.code,
				name: byCode.get(r.code)?.name ?? r.name,
				area: byCode.get(r.code)?.region ?? null,
				successes: r.within4h,
				trials: r.attendances,
				earlier: e && e.attendances > 0 ? { successes: e.within4h, trials: e.attendances } : null
			};
		});
}

export function surveyRows(providers: readonly ProviderRecord[]): SurveyRow[] {
	return providers
		.filter((p) => p.survey && Number.isFinite(p.survey.score))
		.map((p) => ({ code: p.code, name: p.name, area: p.region, score: p.survey!.score, band: p.survey!.band, respondents: p.survey!.respondents, year: p.survey!.year }))
		.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/** Every area (ICB) with a provider, by name; the code stands in for a name the data lacks. */
export function areasOf(providers: readonly ProviderRecord[]): Area[] {
	const areas = new Map<string, string>();
	for (const p of providers) if (p.region && !areas.get(p.region)) areas.set(p.region, p.regionName ?? '');
	return [...areas]
		.map(([code, name]) => ({ code, name: name || code }))
		.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
}

/** 'NHS Essex Integrated Care Board (D7T5G)'; just the code when there is no name. */
export function areaLabel(area: Area): string {
	return area.name === area.code ? area.code : `${area.name} (${area.code})`;
}
