/**
 * A fair league table for a proportion: every unit's value with a Wilson 95%
 * interval, its band against exact (or over-dispersion-adjusted) funnel limits
 * around a target, and a 95% interval for its rank. Pure: the /league page,
 * /league/custom, /embed/league and scripts/league.ts all call this.
 *
 * The target (centre line) and the over-dispersion estimate come from every
 * unit given (all England), even when only one area is shown, so choosing an
 * area never moves the goalposts.
 */
import { BAND_ORDER, BAND_WORDS, bandFor, funnelLimits, type Band, type Direction, type FunnelLimits } from '../stats/funnel.ts';
import { estimateOverdispersion, multiplicativeLimits, randomEffectsLimits, type Overdispersion } from '../stats/overdispersion.ts';
import { wilsonInterval } from '../stats/proportion.ts';
import { rankIntervals, DEFAULT_DRAWS, DEFAULT_SEED } from '../stats/rank-interval.ts';
import type { Count } from '../stats/change.ts';
import { leagueTrend, TREND_ORDER, type LeagueTrend } from './trend.ts';

export type LimitsMode = 'exact' | 'multiplicative' | 'random-effects';
export const LIMITS_MODES: readonly LimitsMode[] = ['exact', 'multiplicative', 'random-effects'];
/**
 * 'auto' follows Spiegelhalter (2005, Qual Saf Health Care 14:347): when the
 * over-dispersion test says the units vary more than chance, draw limits that
 * allow for it. The additive random effect is the one used: with units from a
 * few hundred to a few hundred thousand cases, a multiplicative φ of 100 or
 * more would make the small units' limits absurdly wide.
 */
export type LimitsChoice = LimitsMode | 'auto';
export const ADJUSTED_DEFAULT: LimitsMode = 'random-effects';

export interface LeagueUnit {
	code: string;
	name: string;
	/** Area the unit belongs to (ICB code for providers), for filtering. */
	area?: string | null;
	successes: number;
	trials: number;
	/** The same unit in the earlier period, for the change column; null or absent when it had no figure. */
	earlier?: Count | null;
}

export interface LeagueRow {
	code: string;
	name: string;
	area: string | null;
	successes: number;
	n: number;
	/** Proportion 0–1. */
	value: number;
	low: number;
	high: number;
	limits: FunnelLimits;
	band: Band;
	bandWords: string;
	rank: number;
	rankLow: number;
	rankHigh: number;
	/** Change against the earlier period; null when the league has no change column. */
	trend: LeagueTrend | null;
}

export interface LeagueOptions {
	direction: Direction;
	/** 'exact' when not given. */
	mode?: LimitsChoice;
	/** What the units are, for the sentence about limits ('providers', 'councils'); 'units' when not given. */
	unitWords?: string;
	/** Target proportion; the pooled proportion of all units when not given. */
	target?: number;
	/** Which units to show (ranked among themselves); all when not given. */
	include?: (unit: LeagueUnit) => boolean;
	/** Units below this many cases are left out (listed in `excluded`). */
	minimumN?: number;
	draws?: number;
	seed?: number;
	/** Give this for a change column: the earlier period in words ('April 2025'), or null when none is built. */
	trend?: { since: string | null };
}

export interface League {
	rows: LeagueRow[];
	excluded: { code: string; name: string; reason: string }[];
	direction: Direction;
	mode: LimitsMode;
	/** True when the mode was not chosen but followed from the over-dispersion test ('auto'). */
	modeByDefault: boolean;
	target: number;
	/** Units the target and over-dispersion were estimated from. */
	estimatedFrom: number;
	overdispersion: Overdispersion | null;
	/** Limits at any n, with the mode in force. */
	limitsAt: (n: number) => FunnelLimits;
	/** One sentence saying which limits are drawn and why. */
	limitsWords: string;
	bandCounts: Record<Band, number>;
	/** The change column's earlier period; null when the league has no change column. */
	trend: { since: string | null } | null;
}

export function limitsFunction(mode: LimitsMode, target: number, od: Overdispersion | null): (n: number) => FunnelLimits {
	if (mode === 'multiplicative' && od && Number.isFinite(od.phi)) return (n) => multiplicativeLimits(n, target, od.phi);
	if (mode === 'random-effects' && od) return (n) => randomEffectsLimits(n, target, od.tau2);
	return (n) => funnelLimits(n, target);
}

export function describeLimits(mode: LimitsMode, od: Overdispersion | null, options: { byDefault?: boolean; unitWords?: string } = {}): string {
	const phi = od && Number.isFinite(od.phi) ? od.phi.toFixed(2) : null;
	const units = options.unitWords ?? 'units';
	const tau = od ? (Math.sqrt(od.tau2) * 100).toFixed(2) : '–';
	if (options.byDefault && mode !== 'exact' && od && phi) {
		const how = mode === 'random-effects' ? `an additive random effect (τ = ${tau} percentage points)` : `a multiplicative factor (φ = ${phi})`;
		return `The ${units} vary more than chance alone would explain (φ = ${phi}, from ${od.k} ${units}), so the limits are widened as Spiegelhalter (2005) recommends: ${how} is allowed for, with limits at 95% and 99.8%. Plain limits, for chance alone, would put many more outside.`;
	}
	const dispersion = od && phi
		? od.overdispersed
			? ` The ${units} vary more than chance alone would explain (over-dispersion φ = ${phi}, from ${od.k} ${units}), so the plain limits flag many of them; the adjusted limits allow for that.`
			: ` The ${units} vary no more than chance would explain (φ = ${phi}), so the plain limits are appropriate.`
		: '';
	switch (mode) {
		case 'multiplicative':
			return `Limits widened for over-dispersion by a multiplicative factor (φ = ${phi ?? '–'}; Spiegelhalter 2005), at 95% and 99.8%.${dispersion}`;
		case 'random-effects':
			return `Limits widened for over-dispersion with an additive random effect (τ = ${tau} percentage points; Spiegelhalter 2005), at 95% and 99.8%.${dispersion}`;
		default:
			return `Plain exact binomial limits at 95% and 99.8% (Spiegelhalter 2005), no allowance for over-dispersion.${dispersion}`;
	}
}

/** The limits an 'auto' choice stands for, given the over-dispersion test. */
export function resolveLimits(choice: LimitsChoice, od: Overdispersion | null): LimitsMode {
	if (choice !== 'auto') return choice;
	return od?.overdispersed ? ADJUSTED_DEFAULT : 'exact';
}

export function computeLeague(units: readonly LeagueUnit[], options: LeagueOptions): League {
	const minimumN = Math.max(1, options.minimumN ?? 1);
	const excluded: League['excluded'] = [];
	const usable: LeagueUnit[] = [];
	for (const u of units) {
		if (!(u.trials >= minimumN) || !Number.isFinite(u.successes) || u.successes < 0 || u.successes > u.trials) {
			excluded.push({ code: u.code, name: u.name, reason: u.trials > 0 && u.trials < minimumN ? `fewer than ${minimumN} cases` : 'no usable figures' });
		} else usable.push(u);
	}
	const pooledX = usable.reduce((s, u) => s + u.successes, 0);
	const pooledN = usable.reduce((s, u) => s + u.trials, 0);
	const target = options.target ?? (pooledN > 0 ? pooledX / pooledN : 0.5);
	const od = usable.length >= 2 && target > 0 && target < 1
		? estimateOverdispersion(usable.map((u) => ({ value: u.successes / u.trials, n: u.trials })), target)
		: null;
	const choice = options.mode ?? 'exact';
	const mode = resolveLimits(choice, od);
	const limitsAt = limitsFunction(mode, target, od);
	const shown = options.include ? usable.filter(options.include) : usable;
	const ranks = rankIntervals(shown.map((u) => ({ code: u.code, successes: u.successes, trials: u.trials })), options.direction, {
		draws: options.draws ?? DEFAULT_DRAWS,
		seed: options.seed ?? DEFAULT_SEED
	});
	const bandCounts = Object.fromEntries(BAND_ORDER.map((b) => [b, 0])) as Record<Band, number>;
	const rows = shown.map((u, i): LeagueRow => {
		const value = u.successes / u.trials;
		const wilson = wilsonInterval(u.successes, u.trials)!;
		const limits = limitsAt(u.trials);
		const band = bandFor(value, limits, options.direction);
		bandCounts[band]++;
		return {
			code: u.code,
			name: u.name,
			area: u.area ?? null,
			successes: u.successes,
			n: u.trials,
			value,
			low: wilson.low,
			high: wilson.high,
			limits,
			band,
			bandWords: BAND_WORDS[band],
			rank: ranks[i].rank,
			rankLow: ranks[i].low,
			rankHigh: ranks[i].high,
			trend: options.trend ? leagueTrend(u.earlier, u, options.direction) : null
		};
	});
	rows.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
	return {
		rows,
		excluded,
		direction: options.direction,
		mode,
		modeByDefault: choice === 'auto',
		target,
		estimatedFrom: usable.length,
		overdispersion: od,
		limitsAt,
		limitsWords: describeLimits(mode, od, { byDefault: choice === 'auto', unitWords: options.unitWords }),
		bandCounts,
		trend: options.trend ?? null
	};
}

// ------------------------------------------------------------------ sorting

export type SortKey = 'rank' | 'name' | 'value' | 'n' | 'band' | 'trend';

export function sortRows(rows: readonly LeagueRow[], key: SortKey, ascending = true): LeagueRow[] {
	const compare: Record<SortKey, (a: LeagueRow, b: LeagueRow) => number> = {
		rank: (a, b) => a.rank - b.rank,
		name: (a, b) => a.name.localeCompare(b.name),
		value: (a, b) => a.value - b.value,
		n: (a, b) => a.n - b.n,
		band: (a, b) => BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band),
		trend: (a, b) => trendIndex(a) - trendIndex(b)
	};
	const sign = ascending ? 1 : -1;
	return [...rows].sort((a, b) => sign * compare[key](a, b) || a.rank - b.rank || a.code.localeCompare(b.code));
}

const trendIndex = (row: LeagueRow) => (row.trend ? TREND_ORDER.indexOf(row.trend.kind) : TREND_ORDER.length);

/** Case- and accent-insensitive match on name or code (league rows, peer rows). */
export function filterRows<T extends { name: string; code: string }>(rows: readonly T[], text: string): T[] {
	const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
	const needle = fold(text.trim());
	if (needle === '') return [...rows];
	return rows.filter((r) => fold(r.name).includes(needle) || fold(r.code).includes(needle));
}

/** "74.1%" for a 0–1 proportion. */
export function formatPercent(value: number, digits = 1): string {
	return `${(value * 100).toFixed(digits)}%`;
}

export function formatRankInterval(row: Pick<LeagueRow, 'rankLow' | 'rankHigh'>): string {
	return row.rankLow === row.rankHigh ? `${row.rankLow}` : `${row.rankLow}–${row.rankHigh}`;
}
