import { describe, expect, it } from 'vitest';
import { emptyBands } from '../../src/lib/stats/bands.ts';
import { summariseWaits, toWaitFigures } from '../../src/lib/stats/wait-summary.ts';
import { postcodeAreaFiles, treatmentTrendFiles, treatmentWaitFiles } from './patient-files.ts';
import { firstAnswerPeriods, trendMonths } from '../../src/lib/schema/site-data.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import { rowWiseTrendFiles, trendHistoryOf } from './trend-history.fixture.ts';
import { splitTrendFiles } from './trend-parts.ts';

/** The trend's parts as the build cuts them; none of these providers has a location, so one part each. */
const splitsOf = (patient: PatientFigures, periods: string[]) => splitTrendFiles(treatmentTrendFiles(trendHistoryOf(patient), periods), () => null);

const figures = (period: string, counts: Record<number, number>) => {
	const bands = emptyBands();
	for (const [k, v] of Object.entries(counts)) bands[Number(k)] = v;
	return toWaitFigures(period, summariseWaits(bands));
};

describe('treatmentWaitFiles', () => {
	it('writes one file per treatment, providers sorted, months oldest first', () => {
		const patient: PatientFigures = new Map([
			['C_130', { name: 'Ophthalmology Service', providers: new Map([['RZB', [figures('2026-04', { 3: 30 })]]]) }],
			['C_110', { name: 'Trauma and Orthopaedic Service', providers: new Map([
				['RZZ', [figures('2026-04', { 10: 40 }), figures('2026-01', { 20: 40 })]],
				['RZA', [figures('2026-01', { 1: 5 })]]
			]) }]
		]);
		const files = treatmentWaitFiles(patient, ['2026-01', '2026-04'], splitsOf(patient, ['2026-01', '2026-04']));
		expect(files.map((f) => f.treatment)).toEqual(['C_110', 'C_130']);
		expect(files[0].rows.map((r) => r.provider)).toEqual(['RZA', 'RZZ']);
		expect(files[0].rows[1].months.map((m) => [m.period, m.median])).toEqual([['2026-01', 20.5], ['2026-04', 10.5]]);
		// Five people are too few to say: counts stay, figures go.
		expect(files[0].rows[0].months[0]).toMatchObject({ pathways: 5, median: null, tooFew: true, within18: 5 });
		expect(files[1]).toMatchObject({ treatmentName: 'Ophthalmology Service', periods: ['2026-01', '2026-04'], trendParts: 1 });
		expect(files[0].rows.map((r) => r.trendPart)).toEqual([0, 0]);
	});
	it('refuses a provider the trend does not hold', () => {
		const patient: PatientFigures = new Map([['C_130', { name: 'Ophthalmology Service', providers: new Map([['RZB', [figures('2026-04', { 3: 30 })]]]) }]]);
		expect(() => treatmentWaitFiles(patient, ['2026-04'], new Map())).toThrow('No trend part holds RZB for C_130.');
	});
});

describe('firstAnswerPeriods: the latest, the month built before it, the same month a year earlier', () => {
	const cases: [string[], string[]][] = [
		[[], []],
		[['2026-04'], ['2026-04']],
		[['2026-04', '2026-01'], ['2026-01', '2026-04']],
		[['2025-03', '2025-04', '2025-05', '2026-02', '2026-03', '2026-04'], ['2025-04', '2026-03', '2026-04']],
		// The year-earlier month not built: only the two latest.
		[['2025-03', '2025-05', '2026-03', '2026-04'], ['2026-03', '2026-04']]
	];
	it.each(cases)('%j → %j', (periods, kept) => expect(firstAnswerPeriods(periods)).toEqual(kept));
});

describe('a long history', () => {
	const periods = ['2025-03', '2025-04', '2025-05', '2026-02', '2026-03', '2026-04'];
	const patient: PatientFigures = new Map([['C_110', { name: 'Trauma and Orthopaedic Service', providers: new Map([
		['RZZ', periods.map((p, i) => figures(p, { [10 + i]: 40 }))],
		['RZA', [figures('2025-05', { 1: 50 })]] // stopped reporting: not in the first answer, still in the trend
	]) }]]);
	it('the waits file keeps full figures for the compared months only', () => {
		const [file] = treatmentWaitFiles(patient, periods, splitsOf(patient, periods));
		expect(file.periods).toEqual(['2025-04', '2026-03', '2026-04']);
		expect(file.rows.map((r) => [r.provider, r.months.map((m) => m.period)])).toEqual([['RZZ', ['2025-04', '2026-03', '2026-04']]]);
	});
	it('the trend file has every month, aligned, null where a provider has no figure', () => {
		const [trend] = treatmentTrendFiles(trendHistoryOf(patient), periods);
		expect(trend.periods).toEqual(periods);
		const rza = trend.rows.find((r) => r.provider === 'RZA')!;
		expect(rza.pathways).toEqual([null, null, 50, null, null, null]);
		expect(rza.tooFew).toEqual([false, false, false, false, false, false]);
		const rzz = trend.rows.find((r) => r.provider === 'RZZ')!;
		expect(rzz.median).toEqual([10.5, 11.5, 12.5, 13.5, 14.5, 15.5]);
		expect(rzz.within18).toEqual([40, 40, 40, 40, 40, 40]);
	});
	it('a month the history lacks is absent in the file, and the bytes are the row-wise reference\'s', () => {
		const wider = [...periods, '2026-05'];
		const [trend] = treatmentTrendFiles(trendHistoryOf(patient), wider);
		expect(trend.rows.find((r) => r.provider === 'RZZ')!.median.at(-1)).toBeNull();
		expect(trend.rows.find((r) => r.provider === 'RZZ')!.tooFew.at(-1)).toBe(false);
		expect(JSON.stringify(treatmentTrendFiles(trendHistoryOf(patient), wider))).toBe(JSON.stringify(rowWiseTrendFiles(patient, wider)));
		expect(JSON.stringify(treatmentTrendFiles(trendHistoryOf(patient), periods))).toBe(JSON.stringify(rowWiseTrendFiles(patient, periods)));
	});
	it('trendMonths gives back the figures the trend carries, as in the waits file', () => {
		const [trend] = treatmentTrendFiles(trendHistoryOf(patient), periods);
		const [file] = treatmentWaitFiles(patient, periods, splitsOf(patient, periods));
		const months = trendMonths(trend.periods, trend.rows.find((r) => r.provider === 'RZZ')!);
		expect(months.map((m) => m.period)).toEqual(periods);
		const full = file.rows[0].months.at(-1)!;
		const { period, pathways, unknownClockStart, median, medianLow, medianHigh, medianOver104, pctWithin18, within18, over52, tooFew } = full;
		expect(months.at(-1)).toEqual({ period, pathways, unknownClockStart, median, medianLow, medianHigh, medianOver104, pctWithin18, within18, over52, tooFew });
		expect(trendMonths(trend.periods, trend.rows.find((r) => r.provider === 'RZA')!).map((m) => m.period)).toEqual(['2025-05']);
	});
});

describe('postcodeAreaFiles', () => {
	it('splits centroids by area and rounds to 5 decimals (about a metre)', () => {
		const files = postcodeAreaFiles({
			sectors: new Map([['LS1 4', [53.7961234567, -1.5487654321]], ['B15 2', [52.46301, -1.91858]]]),
			districts: new Map([['LS1', [53.79, -1.55]], ['B15', [52.45, -1.93]], ['nonsense', [0, 0]]])
		});
		expect(files.map((f) => f.area)).toEqual(['B', 'LS']);
		expect(files[1]).toEqual({ area: 'LS', districts: { LS1: [53.79, -1.55] }, sectors: { 'LS1 4': [53.79612, -1.54877] } });
	});
});
