/**
 * A council measure's league, from the site's council files: councils.json
 * (names, types, regions, peer lists) and the one council/<measure>.json the
 * user chose, fetched only then. 'binomial' measures become a funnel league
 * (computeLeague, the same as the NHS's); 'peer-spread' ones a peer comparison.
 */
import { COUNCIL_FILES, type CouncilMeasureFile, type CouncilsFile } from '../schema/council.ts';
import { loadPatientJson, type Fetcher } from '../data/patient-data.ts';
import { computeLeague, type League } from './compute.ts';
import type { LeaguePeers, LeagueQuery, Measure } from './measures.ts';
import { chosenYear, comparePeers, councilUnits, englandProportion, peerGroup, type PeerComparison, type Unusable } from './council.ts';

export interface CouncilOption {
	code: string;
	name: string;
}

/** What the form needs to offer for a council measure, and what the league was drawn for. */
export interface CouncilChoice {
	years: string[];
	year: string | null;
	/** Councils with a value for the measure in any year, by name. */
	councils: CouncilOption[];
	peerGroups: Exclude<LeaguePeers, ''>[];
	focus: CouncilOption | null;
	peers: LeaguePeers;
	/** 'all England' or 'Leeds and its DfE statistical neighbours'. */
	scopeWords: string;
	/** Peers listed that are not in the data (Welsh, Scottish, abolished), left out. */
	leftOut: number;
	unusable: Unusable[];
}

export type CouncilLeague =
	| { kind: 'proportion'; measure: Measure; league: League; title: string; note: string; period: string; council: CouncilChoice }
	| { kind: 'peer-spread'; measure: Measure; comparison: PeerComparison; title: string; note: string; council: CouncilChoice }
	| { kind: 'empty'; measure: Measure; title: string; message: string; council: CouncilChoice | null };

export function loadCouncilMeasure(id: string, fetcher?: Fetcher): Promise<CouncilMeasureFile | null> {
	// Ids come from the catalogue (measureById), never from the URL's text directly.
	if (!/^[a-z0-9-]+$/.test(id)) return Promise.resolve(null);
	return loadPatientJson<CouncilMeasureFile>(COUNCIL_FILES.measure.replace('{measure}', id), fetcher);
}

export async function loadCouncilLeague(query: LeagueQuery, measure: Measure, fetcher?: Fetcher): Promise<CouncilLeague> {
	const def = measure.council!;
	const [councils, file] = await Promise.all([loadPatientJson<CouncilsFile>(COUNCIL_FILES.councils, fetcher), loadCouncilMeasure(def.id, fetcher)]);
	if (!councils || !file) {
		return { kind: 'empty', measure, title: def.title, message: 'This site was built without council figures for this measure.', council: null };
	}
	const names = new Map(councils.councils.map((c) => [c.code, c.name]));
	const withValues = new Set(file.values.filter((v) => v.value !== null).map((v) => v.code));
	const options = [...withValues].map((code) => ({ code, name: names.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
	const years = file.measure.years;
	const year = chosenYear(query.year, years);
	const focus = options.find((o) => o.code === query.council) ?? null;
	const peerGroups = def.peerGroups.filter((g): g is Exclude<LeaguePeers, ''> => g !== 'england');
	const peers: LeaguePeers = focus && (peerGroups as string[]).includes(query.peers) ? query.peers : '';
	const group = focus && peers ? peerGroup(councils, focus.code, peers) : null;
	const scopeWords = group?.words ?? 'all England';
	const choice: CouncilChoice = { years, year, councils: options, peerGroups, focus, peers: group ? peers : '', scopeWords, leftOut: group?.leftOut ?? 0, unusable: [] };
	const title = `${def.title}, ${scopeWords === 'all England' ? 'England' : scopeWords}${year ? `, ${year}` : ''}`;
	if (!year) return { kind: 'empty', measure, title, message: 'No years of figures for this measure.', council: choice };

	const inScope = (code: string) => !group || group.codes.has(code);
	const source = `${measure.source} ${def.coverage}.`;
	const leftOutWords = choice.leftOut > 0 ? ` ${choice.leftOut} listed ${choice.leftOut === 1 ? 'peer is' : 'peers are'} not an English council in these figures and ${choice.leftOut === 1 ? 'is' : 'are'} left out.` : '';

	if (def.comparison === 'binomial') {
		const { units, unusable } = councilUnits(file, councils, year);
		choice.unusable = unusable.filter((u) => inScope(u.code));
		const target = englandProportion(file, year) ?? undefined;
		const league = computeLeague(units, {
			direction: measure.direction, mode: query.limits ?? 'auto', unitWords: 'councils', target, include: (u) => inScope(u.code)
		});
		league.excluded.push(...choice.unusable);
		if (league.rows.length === 0) return { kind: 'empty', measure, title, message: 'No councils with figures for this choice.', council: choice };
		const centre = target === undefined ? 'all councils pooled' : 'England’s own figure';
		const note = `${source} ${def.numeratorLabel} out of ${def.denominatorLabel?.toLowerCase()}, ${year}. Centre line: ${centre}; the limits and the over-dispersion come from every council in England.${leftOutWords}`;
		return { kind: 'proportion', measure, league, title, note, period: year, council: choice };
	}

	const comparison = comparePeers(file, councils, year, group?.codes ?? null, focus?.code ?? null);
	choice.unusable = comparison.unusable;
	if (comparison.rows.length === 0) return { kind: 'empty', measure, title, message: 'No councils with figures for this choice.', council: choice };
	const against = focus ? `every council shown except ${focus.name}` : 'every council shown';
	const note = `${source} ${year}. Tonnes and posts are not counts of independent people, so there is no funnel: each council is compared with the median of ${against}, in median absolute deviations (MAD), as Oflog does.${leftOutWords}`;
	return { kind: 'peer-spread', measure, comparison, title, note, council: choice };
}
