/**
 * Properties that must hold for any waiting list, checked on seeded random
 * lists (repeatable: a failure names its seed).
 */
import { describe, expect, it } from 'vitest';
import { BAND_COUNT, emptyBands, sumBands } from './bands.ts';
import { percentileOrder, waitPercentile } from './percentile.ts';
import { randomInt, seededRandom, type Random } from './seeded-random.ts';
import { summariseWaits } from './wait-summary.ts';

/** A list shaped like real ones: a few clusters, gaps, sometimes a long tail into the top band. */
function randomBands(random: Random): number[] {
	const bands = emptyBands();
	const scale = [1, 10, 1000, 100_000][randomInt(random, 0, 3)];
	const clusters = randomInt(random, 0, 5);
	for (let c = 0; c < clusters; c++) {
		const centre = randomInt(random, 0, BAND_COUNT - 1);
		const width = randomInt(random, 0, 15);
		for (let k = Math.max(0, centre - width); k <= Math.min(BAND_COUNT - 1, centre + width); k++) {
			if (random() < 0.7) bands[k] += randomInt(random, 0, scale);
		}
	}
	return bands;
}

/** Split every band's count among `parts` lists at random (like commissioners of one provider). */
function randomPartition(random: Random, bands: number[], parts: number): number[][] {
	const lists = Array.from({ length: parts }, emptyBands);
	bands.forEach((count, k) => {
		let left = count;
		for (let p = 0; p < parts - 1; p++) {
			const share = randomInt(random, 0, left);
			lists[p][k] = share;
			left -= share;
		}
		lists[parts - 1][k] = left;
	});
	return lists;
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('percentiles never go down as q goes up', () => {
	it.each(SEEDS)('seed %i', (seed) => {
		const random = seededRandom(seed);
		const bands = randomBands(random);
		const qs = Array.from({ length: 12 }, () => random()).concat([0, 0.5, 0.92, 0.95, 1]).sort((a, b) => a - b);
		let previous = -1;
		for (const q of qs) {
			const value = percentileOrder(waitPercentile(bands, q));
			if (value === null) continue;
			expect(value).toBeGreaterThanOrEqual(previous);
			previous = value;
		}
	});
});

describe('splitting a list across commissioners and adding back changes nothing', () => {
	it.each(SEEDS)('seed %i', (seed) => {
		const random = seededRandom(seed);
		const bands = randomBands(random);
		const parts = randomPartition(random, bands, randomInt(random, 1, 8));
		const unknown = randomInt(random, 0, 50);
		expect(summariseWaits(sumBands(parts), unknown)).toEqual(summariseWaits(bands, unknown));
	});
});

describe('ranges contain their estimates', () => {
	it.each(SEEDS)('seed %i', (seed) => {
		const bands = randomBands(seededRandom(seed));
		const s = summariseWaits(bands);
		if (s.pathways === 0) {
			expect(s.medianInterval).toBeNull();
			return;
		}
		const range = s.pctWithin18Interval!;
		expect(s.pctWithin18!).toBeGreaterThanOrEqual(range.low);
		expect(s.pctWithin18!).toBeLessThanOrEqual(range.high);
		expect(range.low).toBeGreaterThanOrEqual(0);
		expect(range.high).toBeLessThanOrEqual(100);
		const median = percentileOrder(s.median)!;
		expect(percentileOrder(s.medianInterval!.low)!).toBeLessThanOrEqual(median);
		expect(percentileOrder(s.medianInterval!.high)!).toBeGreaterThanOrEqual(median);
	});
});

describe('counts add up', () => {
	it.each(SEEDS)('seed %i', (seed) => {
		const s = summariseWaits(randomBands(seededRandom(seed)));
		expect(s.within18 + s.over18).toBe(s.pathways);
		expect(s.over18).toBeGreaterThanOrEqual(s.over52);
		expect(s.over52).toBeGreaterThanOrEqual(s.over65);
		expect(s.over65).toBeGreaterThanOrEqual(s.over78);
		expect(s.over78).toBeGreaterThanOrEqual(s.over104);
	});
});
