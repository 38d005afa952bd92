/**
 * Where a council stands on one measure among its peers, in its latest year with a figure.
 * One measure at a time: there is never a combined score.
 *
 * - `binomial` (children, referrals): exact binomial funnel limits around the peers' pooled
 *   rate (Spiegelhalter 2005). Whether councils vary more than chance would give is checked
 *   across all English councils (the over-dispersion test of the NHS league tables), so a
 *   small peer group never sets its own yardstick; when they do, the limits are widened by
 *   the additive random effect τ² (DerSimonian–Laird), which keeps large councils from being
 *   flagged for differences no one would call real. Rank with a 95% interval by simulation.
 * - `peer-spread` (tonnes, FTE posts): distance from the peers' median in median absolute
 *   deviations, clear beyond ±2 robust z (Oflog's approach; see stats/peer-spread.ts). The
 *   rank is among peers, with no interval: these are not counts of independent events, so
 *   there is no chance model to draw ranks from.
 * - `none` (raw counts): shown, never compared or ranked.
 * "Clearly better/worse" only ever means beyond the 95% limits (binomial) or ±2 robust z.
 */
import type { CouncilMeasure, CouncilMeasureFile, CouncilValue } from '../schema/council.ts';
import { bandFor, funnelLimits, type Direction, type FunnelLimits } from '../stats/funnel.ts';
import { estimateOverdispersion, randomEffectsLimits, type Overdispersion } from '../stats/overdispersion.ts';
import { MIN_PEERS, median, peerSpread } from '../stats/peer-spread.ts';
import { competitionRanks, rankIntervals, type RankInterval, type RankUnit } from '../stats/rank-interval.ts';
import { shownValue } from './format.ts';
import type { PeerGroup } from './peers.ts';

export type Position = 'clearly-better' | 'clearly-worse' | 'within' | 'too-few' | 'not-compared' | 'no-figure';

export interface BinomialDetail {
	/** The peers' pooled rate (0–1) the limits are drawn around. */
	target: number;
	limits: FunnelLimits;
	/** φ across all English councils; null when it could not be estimated. */
	phi: number | null;
	overdispersed: boolean;
	/** English councils the over-dispersion check used. */
	estimatedFrom: number;
}

export interface Standing {
	year: string | null;
	value: CouncilValue | null;
	england: CouncilValue | null;
	peers: number;
	median: number | null;
	min: number | null;
	max: number | null;
	/** 1 = best in the measure's direction, among the council and its peers with figures. */
	rank: number | null;
	rankOf: number;
	rankLow: number | null;
	rankHigh: number | null;
	position: Position;
	/** Robust z for peer-spread measures. */
	robustZ: number | null;
	binomial: BinomialDetail | null;
}

export const direction = (measure: Pick<CouncilMeasure, 'better'>): Direction => (measure.better === 'lower' ? 'lower-is-better' : 'higher-is-better');

/** The council's latest year with a figure (a suppressed latest year is reported, never skipped silently). */
export function latestYear(file: CouncilMeasureFile, code: string): string | null {
	const has = (year: string) => {
		const cell = cellFor(file, code, year);
		return cell !== null && (cell.value !== null || cell.suppressed);
	};
	return [...file.measure.years].reverse().find(has) ?? null;
}

/** Each file's cells by year and code, built once: a page asks for hundreds of cells per measure. */
const cellIndex = new WeakMap<CouncilMeasureFile, Map<string, Map<string, CouncilValue>>>();
function cellsOfYear(file: CouncilMeasureFile, year: string): Map<string, CouncilValue> {
	let index = cellIndex.get(file);
	if (!index) {
		index = new Map();
		for (const v of file.values) {
			if (!index.has(v.year)) index.set(v.year, new Map());
			index.get(v.year)!.set(v.code, v);
		}
		cellIndex.set(file, index);
	}
	return index.get(year) ?? new Map();
}

export const cellFor = (file: CouncilMeasureFile, code: string, year: string): CouncilValue | null => cellsOfYear(file, year).get(code) ?? null;

const hasCounts = (v: CouncilValue | null): v is CouncilValue & { numerator: number; denominator: number } =>
	v !== null && v.numerator !== null && v.denominator !== null && v.denominator >= 1 && v.numerator >= 0 && v.numerator <= v.denominator && Number.isInteger(v.numerator) && Number.isInteger(v.denominator);

/** Has a figure this comparison can use. */
export function usable(measure: Pick<CouncilMeasure, 'comparison'>, cell: CouncilValue | null): boolean {
	if (measure.comparison === 'binomial') return hasCounts(cell);
	return cell !== null && !cell.suppressed && shownValue(cell) !== null;
}

/** φ and τ² across every English council with counts that year, around England's rate. */
const dispersionMemo = new WeakMap<CouncilMeasureFile, Map<string, { od: Overdispersion; p0: number } | null>>();
export function englandDispersion(file: CouncilMeasureFile, year: string): { od: Overdispersion; p0: number } | null {
	if (!dispersionMemo.has(file)) dispersionMemo.set(file, new Map());
	const memo = dispersionMemo.get(file)!;
	if (!memo.has(year)) memo.set(year, dispersionOf(file, year));
	return memo.get(year)!;
}

function dispersionOf(file: CouncilMeasureFile, year: string): { od: Overdispersion; p0: number } | null {
	const cells = [...cellsOfYear(file, year).values()].filter(hasCounts);
	const england = file.england.find((e) => e.year === year) ?? null;
	const p0 = hasCounts(england) ? england.numerator / england.denominator : cells.reduce((s, v) => s + v.numerator, 0) / cells.reduce((s, v) => s + v.denominator, 0);
	if (cells.length < 2 || !(p0 > 0 && p0 < 1)) return null;
	return { od: estimateOverdispersion(cells.map((v) => ({ value: v.numerator / v.denominator, n: v.denominator })), p0), p0 };
}

/**
 * Rank intervals for a set of councils, computed once per set. Every council in a group of
 * the same type, region or all England shares one set of units, and prerendering asks for
 * it once per council: simulating it again each time would take minutes. Units are put in
 * code order first, so the (seeded) answer does not depend on which council asked.
 */
const rankMemo = new Map<string, Map<string, RankInterval>>();
export function rankIntervalOf(key: string, units: readonly RankUnit[], code: string, dir: Direction): RankInterval {
	const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	const memoKey = `${key}|${dir}|${sorted.map((u) => `${u.code}:${u.successes}/${u.trials}`).join(',')}`;
	let found = rankMemo.get(memoKey);
	if (!found) {
		if (rankMemo.size > 20_000) rankMemo.clear();
		found = new Map(rankIntervals(sorted, dir).map((r) => [r.code, r]));
		rankMemo.set(memoKey, found);
	}
	return found.get(code)!;
}

function positionOf(side: 'better' | 'worse' | 'within'): Position {
	return side === 'better' ? 'clearly-better' : side === 'worse' ? 'clearly-worse' : 'within';
}

export function councilStanding(file: CouncilMeasureFile, code: string, peers: (year: string) => PeerGroup): Standing {
	const measure = file.measure;
	const year = latestYear(file, code);
	const value = year ? cellFor(file, code, year) : null;
	const england = year ? (file.england.find((e) => e.year === year) ?? null) : null;
	const empty: Standing = { year, value, england, peers: 0, median: null, min: null, max: null, rank: null, rankOf: 0, rankLow: null, rankHigh: null, position: 'no-figure', robustZ: null, binomial: null };
	if (!year || !value || value.suppressed || shownValue(value) === null) return empty;
	if (measure.comparison === 'none' || measure.better === null) return { ...empty, position: 'not-compared' };

	const group = peers(year);
	const peerCells = group.withData.map((c) => cellFor(file, c, year)).filter((cell) => usable(measure, cell)) as CouncilValue[];
	const peerValues = peerCells.map((c) => shownValue(c)!);
	const spreadStats = peerValues.length ? { median: median(peerValues), min: Math.min(...peerValues), max: Math.max(...peerValues) } : { median: null, min: null, max: null };
	const base = { ...empty, ...spreadStats, peers: peerCells.length, rankOf: peerCells.length + 1 };
	const dir = direction(measure);
	if (!usable(measure, value)) return { ...base, position: 'too-few' };

	if (measure.comparison === 'peer-spread') {
		const mine = shownValue(value)!;
		const spread = peerSpread(mine, peerValues);
		const rank = competitionRanks([mine, ...peerValues], dir)[0];
		const side = spread.position === 'within' ? 'within' : (spread.position === 'clearly-above') === (measure.better === 'higher') ? 'better' : 'worse';
		return { ...base, rank, robustZ: spread.robustZ, position: spread.position === 'too-few' ? 'too-few' : positionOf(side) };
	}

	// binomial
	if (peerCells.length < MIN_PEERS) return { ...base, position: 'too-few' };
	const units = [value, ...peerCells].map((c) => ({ code: c.code, successes: c.numerator!, trials: c.denominator! }));
	const peerN = peerCells.reduce((s, c) => s + c.denominator!, 0);
	const target = peerCells.reduce((s, c) => s + c.numerator!, 0) / peerN;
	const dispersion = englandDispersion(file, year);
	const overdispersed = dispersion?.od.overdispersed ?? false;
	const n = value.denominator!;
	const limits = target > 0 && target < 1 ? (overdispersed ? randomEffectsLimits(n, target, dispersion!.od.tau2) : funnelLimits(n, target)) : funnelLimits(n, target);
	const band = bandFor(value.numerator! / n, limits, dir);
	const side = band === 'better-95' || band === 'better-998' ? 'better' : band === 'worse-95' || band === 'worse-998' ? 'worse' : 'within';
	const ranks = rankIntervalOf(`${measure.id}|${year}`, units, code, dir);
	return {
		...base,
		rank: ranks.rank,
		rankLow: ranks.low,
		rankHigh: ranks.high,
		position: positionOf(side),
		binomial: { target, limits, phi: dispersion && Number.isFinite(dispersion.od.phi) ? dispersion.od.phi : null, overdispersed, estimatedFrom: dispersion?.od.k ?? 0 }
	};
}
