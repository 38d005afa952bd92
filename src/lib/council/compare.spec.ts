import { describe, expect, it } from 'vitest';
import type { CouncilComparison, CouncilMeasureFile, CouncilValue } from '../schema/council.ts';
import { funnelLimits } from '../stats/funnel.ts';
import { randomEffectsLimits } from '../stats/overdispersion.ts';
import { rankIntervals } from '../stats/rank-interval.ts';
import { councilStanding, englandDispersion, latestYear, rankIntervalOf, type Position } from './compare.ts';
import type { PeerGroup } from './peers.ts';

const cell = (code: string, year: string, numerator: number | null, denominator: number | null, value: number | null = numerator !== null && denominator ? (100 * numerator) / denominator : null, suppressed = false): CouncilValue =>
	({ code, year, numerator, denominator, value, suppressed, published: null });

function file(comparison: CouncilComparison, better: 'higher' | 'lower', values: CouncilValue[], england: CouncilValue[] = []): CouncilMeasureFile {
	return {
		measure: { id: 'm', title: 'M', description: '', service: 'waste', numeratorLabel: null, denominatorLabel: null, unit: 'percent', decimals: 1, better, comparison, coverage: '', types: ['metropolitan'], peerGroups: ['type'], source: { publisher: '', title: '', file: '', licence: '' }, years: ['2023', '2024'], path: '', csv: '' },
		england,
		values
	};
}
const group = (codes: string[]): (() => PeerGroup) => () => ({ group: 'type', codes, withData: codes, listed: null, notEnglish: 0 });

describe('peer-spread measures (Oflog’s median absolute deviation)', () => {
	// Peers 50, 40, 45, 60, 42, 47: median 46, MAD 4, robust SD 5.9304 (worked in stats/peer-spread.spec.ts).
	const peers = [50, 40, 45, 60, 42, 47];
	const cases: [number, 'higher' | 'lower', Position, number][] = [
		// value, better, position, rank among 7
		[46, 'higher', 'within', 4],
		[57.8, 'higher', 'within', 2],
		[58, 'higher', 'clearly-better', 2],
		[58, 'lower', 'clearly-worse', 6],
		[33, 'higher', 'clearly-worse', 7],
		[33, 'lower', 'clearly-better', 1]
	];
	for (const [value, better, position, rank] of cases) {
		it(`${value}, ${better} is better → ${position}, rank ${rank}`, () => {
			const values = [cell('X', '2024', null, null, value), ...peers.map((v, i) => cell(`P${i}`, '2024', null, null, v))];
			const s = councilStanding(file('peer-spread', better, values), 'X', group(peers.map((_, i) => `P${i}`)));
			expect(s).toMatchObject({ year: '2024', position, rank, rankOf: 7, rankLow: null, rankHigh: null, median: 46, min: 40, max: 60, peers: 6, binomial: null });
		});
	}
	it('fewer than 5 peers: too few to say, though the rank is shown', () => {
		const values = [cell('X', '2024', null, null, 90), ...[1, 2, 3, 4].map((v) => cell(`P${v}`, '2024', null, null, v))];
		expect(councilStanding(file('peer-spread', 'higher', values), 'X', group(['P1', 'P2', 'P3', 'P4']))).toMatchObject({ position: 'too-few', rank: 1, rankOf: 5 });
	});
});

describe('binomial measures (exact funnel limits, over-dispersion checked across England)', () => {
	const peerCounts = [200, 210, 220, 190, 200, 210]; // of 1,000 each: pooled 1,230 / 6,000 = 20.5%
	const peers = peerCounts.map((x, i) => cell(`P${i}`, '2024', x, 1000));
	const codes = peers.map((p) => p.code);
	const cases: [number, 'higher' | 'lower', Position][] = [
		[205, 'lower', 'within'],
		[300, 'lower', 'clearly-worse'],
		[300, 'higher', 'clearly-better'],
		[150, 'lower', 'clearly-better']
	];
	for (const [x, better, position] of cases) {
		it(`${x} of 1,000 against 20.5%, ${better} is better → ${position}`, () => {
			// 30 more English councils at the peers' rate: one outlier does not make England over-dispersed.
			const steady = Array.from({ length: 30 }, (_, i) => cell(`S${i}`, '2024', 205, 1000));
			const f = file('binomial', better, [cell('X', '2024', x, 1000), ...peers, ...steady]);
			const s = councilStanding(f, 'X', group(codes));
			expect(s.position).toBe(position);
			expect(s.binomial!.target).toBeCloseTo(0.205, 12);
			expect(s.binomial!.overdispersed).toBe(false);
			expect(s.binomial!.limits).toEqual(funnelLimits(1000, 1230 / 6000));
			// The simulation runs over the units in code order (P0 … P5, X), whichever council asks.
			const units = [...peerCounts.map((c, i) => ({ code: `P${i}`, successes: c, trials: 1000 })), { code: 'X', successes: x, trials: 1000 }];
			const ranks = rankIntervals(units, better === 'lower' ? 'lower-is-better' : 'higher-is-better').at(-1)!;
			expect([s.rank, s.rankLow, s.rankHigh, s.rankOf]).toEqual([ranks.rank, ranks.low, ranks.high, 7]);
		});
	}

	it('when England’s councils vary beyond chance, the limits widen by τ² and a modest gap is no longer “clear”', () => {
		// 20 other English councils spread from 10% to 39.5% (10,000 each): far more than chance gives.
		const others = Array.from({ length: 20 }, (_, i) => cell(`O${i}`, '2024', 1000 + i * 155, 10_000));
		const f = file('binomial', 'lower', [cell('X', '2024', 2600, 10_000), ...peers, ...others]);
		const od = englandDispersion(f, '2024')!;
		expect(od.od.overdispersed).toBe(true);
		const s = councilStanding(f, 'X', group(codes));
		expect(s.binomial!.limits).toEqual(randomEffectsLimits(10_000, 0.205, od.od.tau2));
		// 26% against 20.5% is beyond the exact limits for 10,000 …
		expect(0.26).toBeGreaterThan(funnelLimits(10_000, 0.205).upper95);
		// … but within the widened ones.
		expect(s.position).toBe('within');
	});

	it('uses England’s own row as the centre of the over-dispersion check', () => {
		const f = file('binomial', 'lower', [cell('X', '2024', 205, 1000), ...peers], [cell('E92000001', '2024', 300, 1000)]);
		expect(englandDispersion(f, '2024')!.p0).toBe(0.3);
	});
	it('without counts a binomial measure cannot be compared', () => {
		const f = file('binomial', 'lower', [cell('X', '2024', null, null, 20), ...peers]);
		expect(councilStanding(f, 'X', group(codes)).position).toBe('too-few');
	});
});

describe('years, suppression and counts', () => {
	it('the latest year is the council’s own latest, and a suppressed latest year says no figure (never 0)', () => {
		const f = file('peer-spread', 'higher', [cell('X', '2023', null, null, 40), cell('X', '2024', null, null, null, true)]);
		expect(latestYear(f, 'X')).toBe('2024');
		expect(councilStanding(f, 'X', group([]))).toMatchObject({ year: '2024', position: 'no-figure', rank: null });
	});
	it('a council with no figures at all', () => {
		expect(councilStanding(file('peer-spread', 'higher', []), 'X', group([]))).toMatchObject({ year: null, position: 'no-figure' });
	});
	it('a count is shown but never compared or ranked', () => {
		const f = file('none', 'lower', [cell('X', '2024', 500, null, 500), cell('P', '2024', 10, null, 10)]);
		expect(councilStanding(f, 'X', group(['P']))).toMatchObject({ position: 'not-compared', rank: null, median: null });
	});
});

describe('rankIntervalOf', () => {
	const units = [
		{ code: 'B', successes: 30, trials: 100 },
		{ code: 'A', successes: 20, trials: 100 },
		{ code: 'C', successes: 25, trials: 100 }
	];
	it('gives each council the interval of one simulation of the whole set, whatever the order asked in', () => {
		const all = rankIntervals([...units].sort((a, b) => a.code.localeCompare(b.code)), 'lower-is-better');
		for (const code of ['A', 'B', 'C']) {
			expect(rankIntervalOf('m|2025', units, code, 'lower-is-better')).toEqual(all.find((r) => r.code === code));
			expect(rankIntervalOf('m|2025', [...units].reverse(), code, 'lower-is-better')).toEqual(all.find((r) => r.code === code));
		}
	});
	it('a different direction is a different simulation', () => {
		expect(rankIntervalOf('m|2025', units, 'A', 'higher-is-better').rank).toBe(3);
		expect(rankIntervalOf('m|2025', units, 'A', 'lower-is-better').rank).toBe(1);
	});
});
