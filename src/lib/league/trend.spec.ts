import { describe, expect, it } from 'vitest';
import { comparisonPeriod, leagueTrend, TREND_ORDER, TREND_WORDS } from './trend.ts';

describe('leagueTrend', () => {
	// Wilson 95%: 700/1000 → 67.1–72.8%, 800/1000 → 77.4–82.4% (apart); 21/30 and 24/30 overlap.
	const cases: [string, [number, number] | null, [number, number], 'higher-is-better' | 'lower-is-better', string][] = [
		['up, higher is better', [700, 1000], [800, 1000], 'higher-is-better', 'Better'],
		['down, higher is better', [800, 1000], [700, 1000], 'higher-is-better', 'Worse'],
		['up, lower is better (more people over 52 weeks)', [700, 1000], [800, 1000], 'lower-is-better', 'Worse'],
		['down, lower is better', [800, 1000], [700, 1000], 'lower-is-better', 'Better'],
		['ranges overlap', [21, 30], [24, 30], 'higher-is-better', 'No clear change'],
		['no earlier figure', null, [24, 30], 'higher-is-better', 'No earlier figure'],
		['earlier month had no cases', [0, 0], [24, 30], 'higher-is-better', 'No earlier figure']
	];
	for (const [name, earlier, now, direction, words] of cases) {
		it(name, () => {
			const trend = leagueTrend(earlier && { successes: earlier[0], trials: earlier[1] }, { successes: now[0], trials: now[1] }, direction);
			expect(trend.words).toBe(words);
			expect(TREND_WORDS[trend.kind]).toBe(words);
		});
	}
	it('keeps the earlier value', () => expect(leagueTrend({ successes: 700, trials: 1000 }, { successes: 800, trials: 1000 }, 'higher-is-better').earlierValue).toBe(0.7));
	it('orders better first and "no earlier figure" last', () => expect(TREND_ORDER).toEqual(['better', 'no-clear-change', 'worse', 'no-earlier']));
});

describe('comparisonPeriod', () => {
	const ae = ['2021-04', '2021-05', '2022-04', '2022-05', '2026-02'];
	const cases: [string, readonly string[], 'year-then-month' | 'previous-built', string | null][] = [
		['2022-05', ae, 'year-then-month', '2021-05'],
		['2021-05', ae, 'year-then-month', '2021-04'],
		['2021-04', ae, 'year-then-month', null],
		['2026-02', ae, 'year-then-month', null],
		['2026-04', ['2026-01', '2026-04'], 'previous-built', '2026-01'],
		['2026-01', ['2026-01', '2026-04'], 'previous-built', null],
		['2026-04', ['2026-04', '2026-02', '2026-03'], 'previous-built', '2026-03'],
		['', ['2026-04'], 'previous-built', null]
	];
	for (const [period, built, rule, expected] of cases) it(`${period || '(none)'} by ${rule}`, () => expect(comparisonPeriod(period, built, rule)).toBe(expected));
});
