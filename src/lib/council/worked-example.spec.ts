import { describe, expect, it } from 'vitest';
import { councilWorkedExample } from './worked-example.ts';

describe('the council worked example on /about/methods (figures worked by hand)', () => {
	const { recycling, referrals } = councilWorkedExample();
	it('recycling: median, MAD and robust z', () => {
		// Peers sorted: 38.4 41.0 42.6 44.1 45.3 47.9 52.8 → median 44.1.
		expect(recycling.spread.median).toBe(44.1);
		// |d| = 5.7 3.1 1.5 0 1.2 3.8 8.7 → sorted 0 1.2 1.5 3.1 3.8 5.7 8.7 → MAD 3.1.
		expect(recycling.mad).toBeCloseTo(3.1, 10);
		// 1.4826 × 3.1 = 4.596; (55.6 − 44.1) / 4.596 = 2.50: beyond 2, clearly better (higher is better).
		expect(recycling.robustSd).toBeCloseTo(4.596, 3);
		expect(recycling.spread.robustZ).toBeCloseTo(2.502, 3);
		expect(recycling.standing).toMatchObject({ position: 'clearly-better', rank: 1, rankOf: 8, rankLow: null, median: 44.1, min: 38.4, max: 52.8 });
	});
	it('a binomial funnel on tonnes would flag almost any difference', () => {
		// 150,000 "trials" at 44.1%: the 95% limits are about ±0.25 percentage points.
		expect(recycling.naive.upper95 - 0.441).toBeLessThan(0.003);
		expect(0.441 - recycling.naive.lower95).toBeLessThan(0.003);
	});
	it('re-referrals: 620 of 2,400 against the peers’ combined 3,920 of 18,400', () => {
		expect(referrals.rate).toBeCloseTo(0.2583, 4);
		expect(referrals.standing.binomial!.target).toBeCloseTo(3920 / 18400, 12);
		// 25.8% is above the upper 95% limit around 21.3% for 2,400 referrals (about 22.9%); lower is better.
		expect(referrals.standing.binomial!.limits.upper95).toBeGreaterThan(0.225);
		expect(referrals.standing.binomial!.limits.upper95).toBeLessThan(0.235);
		expect(referrals.standing.position).toBe('clearly-worse');
		expect(referrals.standing.rank).toBe(9);
		expect(referrals.standing.rankLow).toBeLessThanOrEqual(9);
	});
});
