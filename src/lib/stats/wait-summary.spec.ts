import { describe, expect, it } from 'vitest';
import { bandsFromCounts, emptyBands } from './bands.ts';
import { MIN_PATHWAYS, summariseWaits, toTreatedWaits, toWaitFigures } from './wait-summary.ts';

describe('summariseWaits, worked by hand', () => {
	it('unknown clock starts only: nothing to say, but the count is kept', () => {
		const s = summariseWaits(emptyBands(), 12);
		expect(s).toMatchObject({
			pathways: 0, unknownClockStart: 12, median: { kind: 'none' }, p92: { kind: 'none' },
			medianInterval: null, within18: 0, pctWithin18: null, pctWithin18Interval: null, over52: 0, tooFew: true
		});
	});
	// 40 pathways: 20 in band 5, 10 in band 17, 6 in band 30, 4 in band 60.
	// Median T = 20 = C_5 → 6 weeks. 92nd T = 36.8 → band 60? C_30 = 36 → 60 + 0.8/4 = 60.2.
	// 95th T = 38 → 60 + 2/4 = 60.5. Within 18 = 30 → 75%.
	const bands = bandsFromCounts({ 5: 20, 17: 10, 30: 6, 60: 4 });
	const s = summariseWaits(bands, 3);
	const cases: [string, unknown, unknown][] = [
		['pathways', s.pathways, 40],
		['unknown', s.unknownClockStart, 3],
		['median on the edge of band 5', s.median, { kind: 'weeks', weeks: 6 }],
		['within 18', s.within18, 30],
		['% within 18', s.pctWithin18, 75],
		['over 18', s.over18, 10],
		['over 52', s.over52, 4],
		['over 65', s.over65, 0],
		['over 104', s.over104, 0],
		['not too few', s.tooFew, false]
	];
	for (const [name, got, expected] of cases) it(name, () => expect(got).toEqual(expected));
	it('92nd and 95th', () => {
		expect(s.p92.kind === 'weeks' && s.p92.weeks).toBeCloseTo(60.2, 10);
		expect(s.p95.kind === 'weeks' && s.p95.weeks).toBeCloseTo(60.5, 10);
	});
	it('% within 18 range is the Wilson range in percent', () => {
		expect(s.pctWithin18Interval!.low).toBeLessThan(75);
		expect(s.pctWithin18Interval!.high).toBeGreaterThan(75);
	});
});

describe('MIN_PATHWAYS', () => {
	const cases: [number, boolean][] = [[0, true], [1, true], [MIN_PATHWAYS - 1, true], [MIN_PATHWAYS, false], [1000, false]];
	for (const [n, tooFew] of cases) {
		it(`${n} pathways → tooFew ${tooFew}`, () => expect(summariseWaits(bandsFromCounts({ 3: n })).tooFew).toBe(tooFew));
	}
	it('is 20, NHS England’s own threshold', () => expect(MIN_PATHWAYS).toBe(20));
});

describe('toWaitFigures', () => {
	it('rounds weeks and percentages to 1 decimal', () => {
		// 30 pathways: 10 in band 2, 20 in band 19. Median T = 15 → 19 + 5/20 = 19.25 → 19.3 (half away from zero).
		// % within 18 = 10/30 = 33.333… → 33.3.
		const figures = toWaitFigures('2026-04', summariseWaits(bandsFromCounts({ 2: 10, 19: 20 }), 1));
		expect(figures).toMatchObject({
			period: '2026-04', pathways: 30, unknownClockStart: 1, median: 19.3, medianOver104: false,
			pctWithin18: 33.3, over52: 0, tooFew: false
		});
		expect(figures.pctWithin18Low).toBeLessThan(33.3);
		expect(figures.pctWithin18High).toBeGreaterThan(33.3);
		for (const x of [figures.p92, figures.pctWithin18Low, figures.pctWithin18High]) {
			expect(Math.round(x! * 10) / 10).toBe(x);
		}
	});
	it('hides percentiles and percentages when too few, but keeps counts', () => {
		const figures = toWaitFigures('2026-04', summariseWaits(bandsFromCounts({ 2: 5, 60: 3 })));
		expect(figures).toEqual({
			period: '2026-04', pathways: 8, unknownClockStart: 0, median: null, medianLow: null, medianHigh: null, p92: null, medianOver104: false,
			p92Over104: false, pctWithin18: null, pctWithin18Low: null, pctWithin18High: null, within18: 5, over52: 3, tooFew: true
		});
	});
	it('a percentile in the top band is null with its flag set, never Infinity', () => {
		const figures = toWaitFigures('2026-04', summariseWaits(bandsFromCounts({ 10: 20, 104: 30 })));
		expect(figures).toMatchObject({ median: null, medianOver104: true, p92: null, p92Over104: true, over52: 30 });
	});
	it('all in band 0', () => {
		const figures = toWaitFigures('2026-04', summariseWaits(bandsFromCounts({ 0: 100 })));
		expect(figures).toMatchObject({ median: 0.5, p92: 0.9, pctWithin18: 100, pctWithin18High: 100 });
	});
});

describe('toTreatedWaits: the figures for people treated in a month', () => {
	const cases: [string, Record<number, number>, number, Partial<ReturnType<typeof toTreatedWaits>>][] = [
		// Same hand-worked bands as above: median 6, 92nd 60.2.
		['enough pathways', { 5: 20, 17: 10, 30: 6, 60: 4 }, 3, { pathways: 40, unknownClockStart: 3, median: 6, p92: 60.2, tooFew: false, medianOver104: false }],
		['too few: counts kept, percentiles hidden', { 5: MIN_PATHWAYS - 1 }, 0, { pathways: MIN_PATHWAYS - 1, median: null, p92: null, tooFew: true }],
		['median in the open top band', { 104: 30 }, 0, { median: null, medianOver104: true, p92: null, p92Over104: true }]
	];
	for (const [name, counts, unknown, expected] of cases) {
		it(name, () => expect(toTreatedWaits(summariseWaits(bandsFromCounts(counts), unknown))).toMatchObject(expected));
	}
});
