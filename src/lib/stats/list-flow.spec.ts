import { describe, expect, it } from 'vitest';
import { clearancePace, earlierMonth, listChange, listSize, treatmentsStarted } from './list-flow.ts';
import { waitFigures } from '../schema/test-fixtures.ts';

const treated = (pathways: number, unknownClockStart = 0) => ({
	pathways, unknownClockStart, median: null, p92: null, medianOver104: false, p92Over104: false, tooFew: pathways < 20
});

describe('treatmentsStarted', () => {
	const cases: [string, Parameters<typeof treatmentsStarted>[0], number | null][] = [
		['files built before the figures: unknown', {}, null],
		['admitted + not admitted, unknown clock starts included', { admitted: treated(100, 2), nonAdmitted: treated(300, 5) }, 407],
		['a part with no rows counts as none', { admitted: null, nonAdmitted: treated(50) }, 50],
		['both parts empty: none treated', { admitted: null, nonAdmitted: null }, 0]
	];
	for (const [name, w, expected] of cases) it(name, () => expect(treatmentsStarted(w)).toBe(expected));
});

describe('clearancePace', () => {
	// 1,000 on the list, 400 treated: 2.5 months; range 1000/(400 ± 1.96·20) = 2.28 … 2.77.
	it('a steady list: months with its 95% range', () => {
		const pace = clearancePace(1000, 400);
		expect(pace.kind).toBe('months');
		if (pace.kind !== 'months') return;
		expect(pace.months).toBe(2.5);
		expect(pace.low).toBeCloseTo(1000 / 439.2, 10);
		expect(pace.high).toBeCloseTo(1000 / 360.8, 10);
	});
	const cases: [string, number, number | null, string][] = [
		['no figures', 1000, null, 'none'],
		['no one treated', 1000, 0, 'none'],
		['empty list', 0, 100, 'none'],
		// 97 treated: (97 + 19.30)/(97 − 19.30) = 1.497 → shown; 96: 115.20/76.80 = 1.5001 → not.
		['97 treated: range factor just under 1.5, shown', 500, 97, 'months'],
		['96 treated: too uncertain', 500, 96, 'too uncertain'],
		['3 treated: too uncertain', 500, 3, 'too uncertain']
	];
	for (const [name, list, t, kind] of cases) it(name, () => expect(clearancePace(list, t).kind).toBe(kind));
});

describe('listChange', () => {
	const at = (period: string, pathways: number, unknownClockStart = 0) => waitFigures({ period, pathways, unknownClockStart });
	const cases: [string, number, number, string, number][] = [
		// noise = 1.96·√(1000 + 1200) = 91.9 → 200 is beyond it.
		['grew beyond noise', 1000, 1200, 'grew', 200],
		['shrank beyond noise', 10000, 9000, 'shrank', -1000],
		// 1.96·√(1000 + 1050) = 88.7 → 50 is within.
		['within noise', 1000, 1050, 'about the same', 50]
	];
	for (const [name, before, after, direction, change] of cases) {
		it(name, () => expect(listChange(at('2026-01', before), at('2026-04', after))).toMatchObject({ since: '2026-01', before, after, direction, change }));
	}
	it('counts unknown clock starts in the list', () => expect(listSize(at('2026-01', 10, 3))).toBe(13));
	it('no earlier month: null', () => expect(listChange(null, at('2026-04', 5))).toBeNull());
	it('percentage of the earlier list', () => expect(listChange(at('2026-01', 1000), at('2026-04', 1200))!.pct).toBe(20));
});

describe('earlierMonth', () => {
	const m = (period: string) => ({ period });
	const cases: [string, string[], string, string | null][] = [
		['a year earlier when built', ['2025-04', '2026-01', '2026-04'], '2026-04', '2025-04'],
		['else the latest earlier month', ['2026-01', '2026-03', '2026-04'], '2026-04', '2026-03'],
		['only one month: none', ['2026-04'], '2026-04', null]
	];
	for (const [name, periods, latest, expected] of cases) {
		it(name, () => expect(earlierMonth(periods.map(m), m(latest))?.period ?? null).toBe(expected));
	}
});
