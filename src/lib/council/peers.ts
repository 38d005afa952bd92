/**
 * Which councils a council is compared with. Four kinds of group:
 * - published lists (ONS similar areas, 20 each; DfE statistical neighbours, 10 each),
 *   most similar first. ONS lists can name Welsh, Scottish or Northern Irish areas: our
 *   figures are England's only, so those are left out and counted, never silently dropped;
 * - every council of the same type, or in the same region, or in England.
 * A peer must be an English council with a figure for the measure in the year compared.
 * Codes abolished since a list was made are followed to the councils that replaced them.
 */
import type { CouncilMeasure, CouncilRecord, CouncilsFile, PeerGroupId } from '../schema/council.ts';

export const PEER_GROUP_LABELS: Record<PeerGroupId, string> = {
	'ons-global': 'ONS similar areas (overall)',
	'ons-economic': 'ONS similar areas (economic)',
	'ons-demographic': 'ONS similar areas (demographic)',
	dfe: 'DfE statistical neighbours',
	type: 'Councils of the same type',
	region: 'Councils in the same region',
	england: 'All English councils'
};

export type ListedGroupId = keyof CouncilsFile['peers'];
const LISTED: readonly PeerGroupId[] = ['ons-global', 'ons-economic', 'ons-demographic', 'dfe'];
export const isListedGroup = (group: PeerGroupId): group is ListedGroupId => LISTED.includes(group);

export interface PeerCandidates {
	group: PeerGroupId;
	/** English councils in the group, self excluded; list order for published lists, else by name. */
	codes: string[];
	/** How many areas the published list names (20, 10); null for type, region and England. */
	listed: number | null;
	/** Listed areas that are not English councils (Welsh, Scottish, Northern Irish). */
	notEnglish: number;
}

export interface PeerGroup extends PeerCandidates {
	/** Candidates with a figure for the year. */
	withData: string[];
}

export type CouncilIndex = Map<string, CouncilRecord>;
export const indexCouncils = (file: CouncilsFile): CouncilIndex => new Map(file.councils.map((c) => [c.code, c]));

/** Today's council(s) for a code: itself, or its successors if it was abolished (followed through later reorganisations). */
export function currentCodes(code: string, index: ReadonlyMap<string, Pick<CouncilRecord, 'replacedBy'>>, seen = new Set<string>()): string[] {
	const record = index.get(code);
	if (!record?.replacedBy || seen.has(code)) return [code];
	seen.add(code);
	return [...new Set(record.replacedBy.codes.flatMap((c) => currentCodes(c, index, seen)))];
}

/** One collator for every sort: String.localeCompare builds one per call, which made prerendering every council page take half a minute. */
const collator = new Intl.Collator('en-GB');
const byName = (index: CouncilIndex) => (a: string, b: string) => collator.compare(index.get(a)?.name ?? a, index.get(b)?.name ?? b);

/** The group's English councils for `council`, whatever the measure. */
export function peerCandidates(file: CouncilsFile, index: CouncilIndex, council: CouncilRecord, group: PeerGroupId, types: readonly string[] | null = null): PeerCandidates {
	if (isListedGroup(group)) {
		const list = file.peers[group]?.[council.code] ?? [];
		const english = list.filter((c) => index.has(c));
		const codes = [...new Set(english.flatMap((c) => currentCodes(c, index)))].filter((c) => c !== council.code && (types === null || types.includes(index.get(c)!.type)));
		return { group, codes, listed: list.length, notEnglish: list.length - english.length };
	}
	const codes = file.councils
		.filter((c) => c.code !== council.code && c.replacedBy === null && (types === null || types.includes(c.type)))
		.filter((c) => (group === 'type' ? c.type === council.type : group === 'region' ? c.region !== null && c.region === council.region : true))
		.map((c) => c.code)
		.sort(byName(index));
	return { group, codes, listed: null, notEnglish: 0 };
}

/** The group for one measure: only councils of the types the measure covers, with a figure that year. */
export function resolvePeerGroup(
	file: CouncilsFile,
	index: CouncilIndex,
	council: CouncilRecord,
	group: PeerGroupId,
	measure: Pick<CouncilMeasure, 'types'>,
	hasFigure: (code: string) => boolean
): PeerGroup {
	const candidates = peerCandidates(file, index, council, group, measure.types);
	return { ...candidates, withData: candidates.codes.filter(hasFigure) };
}

/** The group a measure is compared in: the chosen one when it suits the measure, else the measure's first. */
export function groupForMeasure(measure: Pick<CouncilMeasure, 'peerGroups'>, chosen: PeerGroupId): PeerGroupId {
	return measure.peerGroups.includes(chosen) ? chosen : measure.peerGroups[0];
}

/** "14 of the 20 ONS similar areas have a figure for 2022-23 (4 are not in England; 2 have no figure)." */
export function peerCountWords(peers: PeerGroup, year: string): string {
	const label = PEER_GROUP_LABELS[peers.group];
	const missing = peers.codes.length - peers.withData.length;
	if (peers.listed !== null) {
		if (peers.listed === 0) return `There is no published list of ${label} for this council.`;
		const notes = [
			peers.notEnglish > 0 ? `${peers.notEnglish} ${peers.notEnglish === 1 ? 'is' : 'are'} not in England` : null,
			missing > 0 ? `${missing} English ${missing === 1 ? 'council has' : 'councils have'} no figure` : null
		].filter((n) => n !== null);
		const listedWhat = peers.group === 'dfe' ? 'statistical neighbours DfE lists' : 'similar areas ONS lists';
		return `${peers.withData.length} of the ${peers.listed} ${listedWhat} have a figure for ${year}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
	}
	const plural = peers.group === 'england' ? 'English councils' : label.toLowerCase();
	const noun = peers.withData.length === 1 ? plural.replace('councils', 'council') : plural;
	return `${peers.withData.length} ${noun} ${peers.withData.length === 1 ? 'has' : 'have'} a figure for ${year}${missing > 0 ? ` (${missing} ${missing === 1 ? 'has' : 'have'} none)` : ''}.`;
}

export interface NamedCode {
	code: string;
	name: string;
}

const named = (index: CouncilIndex) => (code: string): NamedCode => ({ code, name: index.get(code)?.name ?? code });

/** An abolished council's successors, named (empty for a council that still exists). */
export function successorsOf(council: CouncilRecord, index: CouncilIndex): NamedCode[] {
	return council.replacedBy ? council.replacedBy.codes.map(named(index)) : [];
}

/** Councils in a group, named, for the page's list of links. */
export function namedCodes(codes: readonly string[], index: CouncilIndex): NamedCode[] {
	return codes.map(named(index));
}
