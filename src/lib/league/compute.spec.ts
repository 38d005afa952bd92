import { describe, expect, it } from 'vitest';
import { computeLeague, filterRows, formatRankInterval, sortRows, type LeagueUnit } from './compute.ts';
import { funnelLimits } from '../stats/funnel.ts';

const UNITS: LeagueUnit[] = [
	{ code: 'A', name: 'Alpha', area: 'N', successes: 800, trials: 1000 },
	{ code: 'B', name: 'Bravo', area: 'N', successes: 690, trials: 1000 },
	{ code: 'C', name: 'Charlie', area: 'S', successes: 7000, trials: 10000 },
	{ code: 'D', name: 'Delta', area: 'S', successes: 60, trials: 100 },
	{ code: 'E', name: 'Écho', area: 'S', successes: 3, trials: 5 },
	{ code: 'F', name: 'Foxtrot', area: 'N', successes: 0, trials: 0 }
];

describe('computeLeague', () => {
	const league = computeLeague(UNITS, { direction: 'higher-is-better', seed: 7, draws: 500 });
	it('pools the target from usable units', () => expect(league.target).toBeCloseTo((800 + 690 + 7000 + 60 + 3) / 12105, 12));
	it('leaves out units with no cases, saying why', () => expect(league.excluded).toEqual([{ code: 'F', name: 'Foxtrot', reason: 'no usable figures' }]));
	it('bands against exact limits', () => {
		const a = league.rows.find((r) => r.code === 'A')!;
		expect(a.limits).toEqual(funnelLimits(1000, league.target));
		expect(a.bandWords).toBe('Better than expected (99.8% limit)');
		expect(league.rows.find((r) => r.code === 'E')!.bandWords).toBe('Within expected range');
	});
	it('Wilson intervals for each value', () => {
		const a = league.rows.find((r) => r.code === 'A')!;
		expect(a.low).toBeCloseTo(0.7740, 3);
		expect(a.high).toBeCloseTo(0.8237, 3);
	});
	it('rows come in rank order with rank intervals (ties share a rank, then by name)', () => {
		expect(league.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 4]);
		expect(league.rows.map((r) => r.code)).toEqual(['A', 'C', 'B', 'D', 'E']);
		for (const r of league.rows) expect(r.rankLow).toBeLessThanOrEqual(r.rankHigh);
	});
	it('an area is ranked among itself, with England’s target and dispersion', () => {
		const north = computeLeague(UNITS, { direction: 'higher-is-better', include: (u) => u.area === 'N', draws: 200 });
		expect(north.rows.map((r) => r.code)).toEqual(['A', 'B']);
		expect(north.target).toBeCloseTo(league.target, 12);
		expect(north.overdispersion?.phi).toBeCloseTo(league.overdispersion!.phi, 12);
	});
	it('says which limits are drawn', () => {
		expect(league.limitsWords).toMatch(/^Plain exact binomial limits at 95% and 99.8%/);
		const widened = computeLeague(UNITS, { direction: 'higher-is-better', mode: 'random-effects', draws: 100 });
		expect(widened.limitsWords).toMatch(/additive random effect/);
		expect(widened.rows.find((r) => r.code === 'A')!.limits.upper95).toBeGreaterThan(league.rows.find((r) => r.code === 'A')!.limits.upper95);
	});
	it('auto: adjusted limits when the units vary more than chance, said in words', () => {
		expect(league.overdispersion!.overdispersed).toBe(true);
		const auto = computeLeague(UNITS, { direction: 'higher-is-better', mode: 'auto', unitWords: 'providers', draws: 100 });
		expect(auto.mode).toBe('random-effects');
		expect(auto.modeByDefault).toBe(true);
		expect(auto.limitsWords).toMatch(/^The providers vary more than chance alone would explain \(φ = [\d.]+, from 5 providers\), so the limits are widened as Spiegelhalter \(2005\) recommends: an additive random effect \(τ = [\d.]+ percentage points\) is allowed for, with limits at 95% and 99\.8%\./);
		expect(auto.rows.find((r) => r.code === 'A')!.limits).toEqual(computeLeague(UNITS, { direction: 'higher-is-better', mode: 'random-effects', draws: 100 }).rows.find((r) => r.code === 'A')!.limits);
	});
	it('auto: plain limits when the units vary no more than chance', () => {
		const calm: LeagueUnit[] = [
			{ code: 'P', name: 'P', successes: 500, trials: 1000 },
			{ code: 'Q', name: 'Q', successes: 510, trials: 1000 },
			{ code: 'R', name: 'R', successes: 495, trials: 1000 },
			{ code: 'S', name: 'S', successes: 49, trials: 100 }
		];
		const auto = computeLeague(calm, { direction: 'higher-is-better', mode: 'auto', draws: 50 });
		expect(auto.overdispersion!.overdispersed).toBe(false);
		expect(auto.mode).toBe('exact');
		expect(auto.limitsWords).toMatch(/^Plain exact binomial limits .* vary no more than chance/);
	});
	it('a chosen mode is kept whatever the test says', () => {
		const exact = computeLeague(UNITS, { direction: 'higher-is-better', mode: 'exact', draws: 50 });
		expect([exact.mode, exact.modeByDefault]).toEqual(['exact', false]);
	});
	it('honours a target and minimum n', () => {
		const l = computeLeague(UNITS, { direction: 'lower-is-better', target: 0.5, minimumN: 50, draws: 100 });
		expect(l.target).toBe(0.5);
		expect(l.excluded.map((e) => e.code)).toEqual(['E', 'F']);
		expect(l.rows.find((r) => r.code === 'A')!.bandWords).toBe('Worse than expected (99.8% limit)');
	});
});

describe('change column', () => {
	const withEarlier: LeagueUnit[] = [
		{ code: 'A', name: 'Alpha', successes: 800, trials: 1000, earlier: { successes: 700, trials: 1000 } },
		{ code: 'B', name: 'Bravo', successes: 700, trials: 1000, earlier: { successes: 800, trials: 1000 } },
		{ code: 'C', name: 'Charlie', successes: 24, trials: 30, earlier: { successes: 21, trials: 30 } },
		{ code: 'D', name: 'Delta', successes: 60, trials: 100, earlier: null }
	];
	it('is absent unless asked for', () => {
		const league = computeLeague(withEarlier, { direction: 'higher-is-better', draws: 50 });
		expect(league.trend).toBeNull();
		expect(league.rows.every((r) => r.trend === null)).toBe(true);
	});
	it('says better, worse, no clear change or no earlier figure, by the direction of the measure', () => {
		const up = computeLeague(withEarlier, { direction: 'higher-is-better', draws: 50, trend: { since: 'April 2025' } });
		expect(up.trend).toEqual({ since: 'April 2025' });
		const words = (l: typeof up) => Object.fromEntries(l.rows.map((r) => [r.code, r.trend!.words]));
		expect(words(up)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change', D: 'No earlier figure' });
		const down = computeLeague(withEarlier, { direction: 'lower-is-better', draws: 50, trend: { since: null } });
		expect(words(down)).toEqual({ A: 'Worse', B: 'Better', C: 'No clear change', D: 'No earlier figure' });
	});
	it('sorts better first, "no earlier figure" last', () => {
		const league = computeLeague(withEarlier, { direction: 'higher-is-better', draws: 50, trend: { since: 'April 2025' } });
		expect(sortRows(league.rows, 'trend').map((r) => r.code)).toEqual(['A', 'C', 'B', 'D']);
		expect(sortRows(league.rows, 'trend', false).map((r) => r.code)[0]).toBe('D');
	});
});

describe('table helpers', () => {
	const rows = computeLeague(UNITS, { direction: 'higher-is-better', draws: 100 }).rows;
	it('sorts by any column', () => {
		expect(sortRows(rows, 'n', false).map((r) => r.code)[0]).toBe('C');
		expect(sortRows(rows, 'name').map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
	});
	it('searches names and codes ignoring accents and case', () => {
		expect(filterRows(rows, 'echo').map((r) => r.code)).toEqual(['E']);
		expect(filterRows(rows, ' CHARL ').map((r) => r.code)).toEqual(['C']);
	});
	it('rank intervals in words', () => {
		expect(formatRankInterval({ rankLow: 2, rankHigh: 2 })).toBe('2');
		expect(formatRankInterval({ rankLow: 2, rankHigh: 9 })).toBe('2–9');
	});
});
