/**
 * `data/league/rtt-<YYYY-MM>.json`: what a waiting-list league needs of one month, for every
 * treatment. The waits files keep only the months a patient's first answer compares; a league
 * of any other month reads this file (and the comparison month's), so what it fetches does not
 * grow with the months built, as the treatment's whole trend would. Written by each month's own
 * build (scripts/build/league-month.ts), so a month already built is not written again.
 *
 * Column-wise, like a month's trend: per treatment, its providers and one array per figure.
 */
import type { WaitFigures } from './first-answer.ts';

/** Where each RTT month's league figures are, relative to static/data (the manifest's `files.rttMonth`). */
export const RTT_MONTH_FILE = 'league/rtt-{period}.json';

export function rttMonthPath(period: string): string {
	return RTT_MONTH_FILE.replace('{period}', period);
}

/** The figures a league takes from a provider's month (units.ts, rttCount): a column each in the file. */
export const LEAGUE_MONTH_FIELDS = ['tooFew', 'pathways', 'pctWithin18', 'within18', 'over52'] as const;
export type LeagueMonthField = (typeof LEAGUE_MONTH_FIELDS)[number];

export type LeagueMonthFigures = Pick<WaitFigures, 'period' | LeagueMonthField>;

/** One treatment's providers, and for each field one value per provider, in the same order. */
export type LeagueMonthTreatment = { treatment: string; providers: string[] } & { [F in LeagueMonthField]: WaitFigures[F][] };

export interface RttLeagueMonthFile {
	period: string;
	treatments: LeagueMonthTreatment[];
}

/** One treatment's rows of a month file, each provider with that one month (as a waits file's rows have theirs). */
export function leagueMonthRows(file: RttLeagueMonthFile, treatment: string): { provider: string; months: LeagueMonthFigures[] }[] {
	const t = file.treatments.find((x) => x.treatment === treatment);
	if (!t) return [];
	return t.providers.map((provider, j) => ({
		provider,
		months: [{ period: file.period, ...Object.fromEntries(LEAGUE_MONTH_FIELDS.map((field) => [field, t[field][j]])) } as LeagueMonthFigures]
	}));
}
