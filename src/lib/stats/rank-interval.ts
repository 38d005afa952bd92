/**
 * How sure is a rank? Intervals for league-table positions by simulation
 * (as in Marshall & Spiegelhalter, "Reliability of league tables of in vitro
 * fertilisation clinics", BMJ 1998;316:1701, and Goldstein & Spiegelhalter
 * 1996): draw each unit's true rate from its posterior, rank the draws, repeat.
 *
 * Posterior: Beta(x + ½, n − x + ½), the Jeffreys prior. Each draw ranks every
 * unit (1 = best in the measure's direction); the 95% rank interval is the
 * 2.5th–97.5th percentile of a unit's simulated ranks. A seeded generator
 * makes the table the same on every visit and in every test.
 */
import { seededRandom, type Random } from './seeded-random.ts';
import type { Direction } from './funnel.ts';

export interface RankUnit {
	code: string;
	successes: number;
	trials: number;
}

export interface RankInterval {
	code: string;
	/** Rank of the observed proportion (1 = best; ties share the better rank). */
	rank: number;
	low: number;
	high: number;
}

export interface RankOptions {
	draws?: number;
	seed?: number;
	/** Central interval width, 0.95 by default. */
	level?: number;
}

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 20050401;

/** Standard normal by Box–Muller (one of the pair; simplicity over speed). */
export function normalDraw(random: Random): number {
	let u = 0;
	while (u === 0) u = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shapes below 1 by the boost x·U^(1/shape). */
export function gammaDraw(random: Random, shape: number): number {
	if (!(shape > 0)) throw new RangeError(`Shape must be positive, got ${shape}`);
	if (shape < 1) {
		let u = 0;
		while (u === 0) u = random();
		return gammaDraw(random, shape + 1) * u ** (1 / shape);
	}
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normalDraw(random);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = random();
		if (u < 1 - 0.0331 * x ** 4) return d * v;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
	}
}

export function betaDraw(random: Random, a: number, b: number): number {
	const x = gammaDraw(random, a);
	const y = gammaDraw(random, b);
	return x / (x + y);
}

/** Ranks with ties sharing the better (smaller) rank: 1, 2, 2, 4. */
export function competitionRanks(values: readonly number[], direction: Direction): number[] {
	const sign = direction === 'higher-is-better' ? -1 : 1;
	const order = values.map((v, i) => i).sort((a, b) => sign * (values[a] - values[b]));
	const ranks = new Array<number>(values.length);
	for (let i = 0; i < order.length; i++) {
		const prev = order[i - 1];
		ranks[order[i]] = i > 0 && values[order[i]] === values[prev] ? ranks[prev] : i + 1;
	}
	return ranks;
}

export function rankIntervals(units: readonly RankUnit[], direction: Direction, options: RankOptions = {}): RankInterval[] {
	const draws = options.draws ?? DEFAULT_DRAWS;
	const level = options.level ?? 0.95;
	const random = seededRandom(options.seed ?? DEFAULT_SEED);
	const k = units.length;
	for (const u of units) {
		if (!(u.trials > 0) || u.successes < 0 || u.successes > u.trials) throw new RangeError(`${u.code}: need 0 ≤ successes ≤ trials and trials > 0`);
	}
	const observed = competitionRanks(units.map((u) => u.successes / u.trials), direction);
	if (k === 0) return [];
	const sampled = units.map(() => new Uint32Array(draws));
	const theta = new Float64Array(k);
	const order = Array.from({ length: k }, (_, i) => i);
	const sign = direction === 'higher-is-better' ? -1 : 1;
	for (let d = 0; d < draws; d++) {
		for (let i = 0; i < k; i++) theta[i] = betaDraw(random, units[i].successes + 0.5, units[i].trials - units[i].successes + 0.5);
		order.sort((a, b) => sign * (theta[a] - theta[b]) || a - b);
		for (let r = 0; r < k; r++) sampled[order[r]][d] = r + 1;
	}
	const tail = (1 - level) / 2;
	return units.map((u, i) => {
		const ranks = sampled[i].sort();
		return {
			code: u.code,
			rank: observed[i],
			low: ranks[Math.floor(tail * (draws - 1))],
			high: ranks[Math.ceil((1 - tail) * (draws - 1))]
		};
	});
}
