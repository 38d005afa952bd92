/**
 * Everything /council/[code] shows, computed once while prerendering: every measure the
 * council has, its trend, and its standing in each peer group the measure allows. The
 * page then switches peer groups from the URL without fetching anything, and without
 * DuckDB-WASM. Only this council's slice of the files is returned (the page's HTML
 * carries it), never whole measure files.
 */
import type { CouncilMeasure, CouncilMeasureFile, CouncilRecord, CouncilsFile, PeerGroupId } from '../schema/council.ts';
import { PEER_GROUPS } from '../schema/council.ts';
import { cellFor, councilStanding, usable, type Standing } from './compare.ts';
import { indexCouncils, namedCodes, peerCandidates, peerCountWords, resolvePeerGroup, successorsOf, type NamedCode } from './peers.ts';
import { shownValue } from './format.ts';

export interface TrendPoint {
	year: string;
	value: number | null;
	suppressed: boolean;
	england: number | null;
}

export interface MeasureStanding extends Standing {
	/** "14 of the 20 similar areas ONS lists have a figure for 2022-23 …" */
	peerWords: string;
}

export interface CouncilMeasureView {
	measure: CouncilMeasure;
	trend: TrendPoint[];
	/** Keyed by each peer group the measure allows. */
	standings: Partial<Record<PeerGroupId, MeasureStanding>>;
}

export interface PeerGroupView {
	id: PeerGroupId;
	/** English councils in the group (any measure); the page links each one. Empty for England (every council). */
	councils: NamedCode[];
	listed: number | null;
	notEnglish: number;
	/** Size of the group (for England, where the list itself is not shown). */
	size: number;
}

export interface CouncilPageData {
	council: CouncilRecord;
	successors: NamedCode[];
	/** Predecessors with a page of their own (a code re-issued before our files start has none: named, not linked). */
	predecessorPages: string[];
	groups: PeerGroupView[];
	measures: CouncilMeasureView[];
}

export function councilPageData(councils: CouncilsFile, files: readonly CouncilMeasureFile[], code: string): CouncilPageData | null {
	const index = indexCouncils(councils);
	const council = index.get(code);
	if (!council) return null;
	const mine = files.filter((f) => council.measures.includes(f.measure.id) || f.values.some((v) => v.code === code && (v.value !== null || v.suppressed)));
	const allowed = new Set(mine.flatMap((f) => f.measure.peerGroups));
	const groups: PeerGroupView[] = PEER_GROUPS.filter((g) => allowed.has(g)).map((g) => {
		const candidates = peerCandidates(councils, index, council, g);
		return { id: g, councils: g === 'england' ? [] : namedCodes(candidates.codes, index), listed: candidates.listed, notEnglish: candidates.notEnglish, size: candidates.codes.length };
	});
	const measures = mine.map((file): CouncilMeasureView => {
		const standings: CouncilMeasureView['standings'] = {};
		for (const g of file.measure.peerGroups) {
			let peerWords = '';
			const standing = councilStanding(file, code, (year) => {
				const group = resolvePeerGroup(councils, index, council, g, file.measure, (c) => usable(file.measure, cellFor(file, c, year)));
				peerWords = peerCountWords(group, year);
				return group;
			});
			standings[g] = { ...standing, peerWords };
		}
		return { measure: file.measure, trend: trendOf(file, code), standings };
	});
	const predecessorPages = council.predecessors.map((p) => p.code).filter((c) => index.has(c));
	return { council, successors: successorsOf(council, index), predecessorPages, groups, measures };
}

/** Every year the measure has, oldest first: the council's figure and England's. */
export function trendOf(file: CouncilMeasureFile, code: string): TrendPoint[] {
	return file.measure.years.map((year) => {
		const cell = cellFor(file, code, year);
		const england = file.england.find((e) => e.year === year) ?? null;
		return { year, value: cell?.suppressed ? null : shownValue(cell), suppressed: cell?.suppressed ?? false, england: shownValue(england) };
	}).filter((p, i, all) => p.value !== null || p.suppressed || all.slice(0, i).some((q) => q.value !== null));
}
