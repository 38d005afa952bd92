/**
 * From the council files (schema/council.ts) to what a league shows: the
 * councils a peer group holds, funnel units for measures that count people
 * ('binomial'), and each council's distance from its peers' median for rates
 * that are not independent trials ('peer-spread': tonnes, FTE posts). Pure:
 * council-load.ts does the fetching.
 *
 * One measure at a time, with its own peer group, direction and uncertainty:
 * there is no combined score anywhere here, by design.
 */
import type { CouncilMeasure, CouncilMeasureFile, CouncilsFile, CouncilValue } from '../schema/council.ts';
import { CLEAR_Z, MAD_TO_SD, MIN_PEERS, median, medianAbsoluteDeviation, peerSpread, type PeerSpread } from '../stats/peer-spread.ts';
import type { LeagueUnit } from './compute.ts';
import { indexCouncils, peerCandidates } from '../council/peers.ts';
import type { LeaguePeers } from './measures.ts';

export const PEER_GROUP_WORDS: Record<Exclude<LeaguePeers, ''>, string> = {
	'ons-global': 'ONS similar areas (overall)',
	'ons-economic': 'ONS similar areas (economic)',
	'ons-demographic': 'ONS similar areas (demographic)',
	dfe: 'DfE statistical neighbours',
	type: 'councils of the same type',
	region: 'councils in the same region'
};

export interface PeerGroup {
	/** Councils in the group, the chosen one included. */
	codes: Set<string>;
	/** Peers the list names that are not English councils in the data (Welsh, Scottish, abolished), left out. */
	leftOut: number;
	/** 'Leeds and its ONS similar areas (overall)'. */
	words: string;
}

/**
 * The chosen council and its peers; null when the council is unknown. The members are the
 * council page's own (council/peers.ts), so a league and a council's page compare the same
 * councils: codes a published list names that have since been abolished lead to their successors.
 */
export function peerGroup(councils: CouncilsFile, focus: string, group: Exclude<LeaguePeers, ''>): PeerGroup | null {
	const index = indexCouncils(councils);
	const chosen = index.get(focus);
	if (!chosen) return null;
	const candidates = peerCandidates(councils, index, chosen, group);
	return { codes: new Set([focus, ...candidates.codes]), leftOut: candidates.notEnglish, words: `${chosen.name} and ${PEER_GROUP_WORDS[group]}` };
}

/** The measure's years, newest asked-for or latest. */
export function chosenYear(asked: string, years: readonly string[]): string | null {
	return asked && years.includes(asked) ? asked : (years.at(-1) ?? null);
}

export interface Unusable {
	code: string;
	name: string;
	reason: string;
}

const nameOf = (councils: CouncilsFile) => {
	const names = new Map(councils.councils.map((c) => [c.code, c.name]));
	return (code: string) => names.get(code) ?? code;
};

function unusableReason(v: CouncilValue): string {
	return v.suppressed ? 'suppressed by the publisher' : 'no figure';
}

/**
 * Funnel units for a 'binomial' measure in one year: numerator over
 * denominator, both whole counts. Suppressed cells are listed, never read as 0.
 */
export function councilUnits(file: CouncilMeasureFile, councils: CouncilsFile, year: string): { units: LeagueUnit[]; unusable: Unusable[] } {
	const name = nameOf(councils);
	const units: LeagueUnit[] = [];
	const unusable: Unusable[] = [];
	for (const v of file.values) {
		if (v.year !== year) continue;
		const { numerator: x, denominator: n } = v;
		if (v.suppressed || x === null || n === null || !Number.isInteger(x) || !Number.isInteger(n) || n <= 0 || x < 0 || x > n) {
			unusable.push({ code: v.code, name: name(v.code), reason: unusableReason(v) });
			continue;
		}
		units.push({ code: v.code, name: name(v.code), area: null, successes: x, trials: n });
	}
	return { units, unusable };
}

/** England's own proportion for the year (the file's national row), for the funnel's centre line; null when it has none. */
export function englandProportion(file: CouncilMeasureFile, year: string): number | null {
	const row = file.england.find((e) => e.year === year);
	if (!row || row.suppressed) return null;
	if (row.numerator !== null && row.denominator !== null && row.denominator > 0) return row.numerator / row.denominator;
	if (row.value !== null && file.measure.unit === 'percent') return row.value / 100;
	return null;
}

// ------------------------------------------------------------------ peer spread

export type SpreadVerdict = 'better' | 'worse' | 'within' | 'too-few';

export interface PeerSpreadRow {
	code: string;
	name: string;
	value: number;
	spread: PeerSpread;
	verdict: SpreadVerdict;
	/** 'Clearly higher than its peers (better)'. */
	words: string;
	/** 1 = best, by the measure's direction; ties share a rank. */
	rank: number;
}

export interface PeerComparison {
	measure: CouncilMeasure;
	year: string;
	rows: PeerSpreadRow[];
	/** The reference the rows are compared with: every council shown except the chosen one. */
	reference: { peers: number; median: number; mad: number; low: number; high: number } | null;
	focus: string | null;
	unusable: Unusable[];
	england: number | null;
}

export function verdictOf(position: PeerSpread['position'], better: CouncilMeasure['better']): SpreadVerdict {
	if (position === 'too-few') return 'too-few';
	if (position === 'within') return 'within';
	if (better === null) return 'within';
	return (position === 'clearly-above') === (better === 'higher') ? 'better' : 'worse';
}

export function spreadWords(position: PeerSpread['position'], better: CouncilMeasure['better']): string {
	const verdict = verdictOf(position, better);
	switch (position) {
		case 'too-few':
			return `Too few peers to say (fewer than ${MIN_PEERS})`;
		case 'within':
			return 'Within the usual range of its peers';
		default: {
			const side = position === 'clearly-above' ? 'Clearly higher' : 'Clearly lower';
			return verdict === 'within' ? `${side} than its peers` : `${side} than its peers (${verdict})`;
		}
	}
}

/**
 * Every council in `codes` with a value for the year, each compared with the
 * same reference: the median and median absolute deviation of all of them
 * except the chosen council (so the chosen council never moves its own
 * goalposts). The band drawn is median ± 2 × 1.4826 × MAD.
 */
export function comparePeers(file: CouncilMeasureFile, councils: CouncilsFile, year: string, codes: Set<string> | null, focus: string | null): PeerComparison {
	const name = nameOf(councils);
	const better = file.measure.better;
	const usable: { code: string; value: number }[] = [];
	const unusable: Unusable[] = [];
	for (const v of file.values) {
		if (v.year !== year || (codes && !codes.has(v.code))) continue;
		if (v.suppressed || v.value === null || !Number.isFinite(v.value)) unusable.push({ code: v.code, name: name(v.code), reason: unusableReason(v) });
		else usable.push({ code: v.code, value: v.value });
	}
	const referenceValues = usable.filter((u) => u.code !== focus).map((u) => u.value);
	const reference = referenceValues.length === 0
		? null
		: (() => {
				const m = median(referenceValues);
				const mad = medianAbsoluteDeviation(referenceValues);
				const half = CLEAR_Z * MAD_TO_SD * mad;
				return { peers: referenceValues.length, median: m, mad, low: m - half, high: m + half };
			})();
	const sign = better === 'lower' ? 1 : -1;
	const ordered = [...usable].sort((a, b) => sign * (a.value - b.value) || name(a.code).localeCompare(name(b.code)));
	const rows = ordered.map((u): PeerSpreadRow => {
		const spread = peerSpread(u.value, referenceValues);
		const rank = 1 + ordered.filter((o) => sign * (o.value - u.value) < 0).length;
		return { code: u.code, name: name(u.code), value: u.value, spread, verdict: verdictOf(spread.position, better), words: spreadWords(spread.position, better), rank };
	});
	const englandRow = file.england.find((e) => e.year === year && !e.suppressed);
	return { measure: file.measure, year, rows, reference, focus: focus && usable.some((u) => u.code === focus) ? focus : null, unusable, england: englandRow?.value ?? null };
}

/** A value in the measure's own unit: '41.2%', '512.3 kg', '3.4 per 1,000'. */
export function formatCouncilValue(value: number, measure: Pick<CouncilMeasure, 'unit' | 'decimals'>): string {
	const text = value.toLocaleString('en-GB', { minimumFractionDigits: measure.decimals, maximumFractionDigits: measure.decimals });
	switch (measure.unit) {
		case 'percent':
			return `${text}%`;
		case 'kg-per-household':
			return `${text} kg`;
		case 'per-1000':
			return `${text} per 1,000`;
		default:
			return text;
	}
}

/** '+2.3' / '−1.0' MADs from the median; '–' when the peers do not vary. */
export function formatMadDistance(distance: number | null): string {
	if (distance === null || !Number.isFinite(distance)) return '–';
	const rounded = Math.round(distance * 10) / 10;
	return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`;
}
