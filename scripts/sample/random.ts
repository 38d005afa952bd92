/**
 * Seeded pseudo-random numbers for the demonstration data generator.
 * Never Math.random or the clock: the same seed always gives the same bytes.
 */
import { seededRandom, type Random } from '../../src/lib/stats/seeded-random.ts';

/** Hash a string to 32 bits (xmur3-style), used to derive independent streams. */
export function hashString(text: string): number {
	let h = 1779033703 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	h = Math.imul(h ^ (h >>> 16), 2246822507);
	h = Math.imul(h ^ (h >>> 13), 3266489909);
	return (h ^= h >>> 16) >>> 0;
}

export class Rng {
	private readonly random: Random;

	constructor(seed: number) {
		this.random = seededRandom(seed);
	}

	/** A separate stream for one purpose, so adding draws elsewhere never shifts this one. */
	static for(seed: number, label: string): Rng {
		return new Rng(hashString(`${seed}:${label}`));
	}

	/** mulberry32: uniform in [0, 1). */
	next(): number {
		return this.random();
	}

	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Integer in [lo, hi] inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Standard normal (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		let u = this.next();
		while (u <= 1e-12) u = this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median and spread (sd of the log). */
	logNormal(median: number, sdLog: number): number {
		return median * Math.exp(this.normal(0, sdLog));
	}

	/** Poisson count: exact (Knuth) for small means, rounded normal for large ones. */
	poisson(mean: number): number {
		if (mean <= 0) return 0;
		if (mean < 30) {
			const limit = Math.exp(-mean);
			let k = 0;
			let p = this.next();
			while (p > limit) {
				k++;
				p *= this.next();
			}
			return k;
		}
		return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
	}

	/** Binomial(n, p): exact for small n, normal approximation clipped to [0, n] otherwise. */
	binomial(n: number, p: number): number {
		if (n <= 0 || p <= 0) return 0;
		if (p >= 1) return n;
		if (n < 40) {
			let k = 0;
			for (let i = 0; i < n; i++) if (this.next() < p) k++;
			return k;
		}
		const k = Math.round(this.normal(n * p, Math.sqrt(n * p * (1 - p))));
		return Math.min(n, Math.max(0, k));
	}

	/** Fisher–Yates shuffle of a copy. */
	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}
}
