import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { WaitFigures } from '../../src/lib/schema/site-data.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import { meanwhile, mergePatientFigures, monthPatientFigures, type MonthPatientFigures } from './rtt-month.ts';

const figures = (period: string, pathways: number): WaitFigures => ({
	period, pathways, unknownClockStart: 0, median: 10, medianLow: 9, medianHigh: 11, p92: 40, medianOver104: false, p92Over104: false,
	pctWithin18: 60, pctWithin18Low: 59, pctWithin18High: 61, within18: Math.round(pathways * 0.6), over52: 1, tooFew: false,
	admitted: null, nonAdmitted: null, referrals: 5
});

/** One month as the month build keeps it: treatment → providers → that month's figures. */
function month(period: string, treatments: [string, string, [string, number][]][]): { period: string; patient: MonthPatientFigures } {
	return { period, patient: treatments.map(([treatment, name, providers]) => ({ treatment, name, providers: providers.map(([p, n]) => [p, figures(period, n)]) })) };
}

const flatten = (merged: PatientFigures) =>
	[...merged].map(([treatment, { name, providers }]) => [treatment, name, [...providers].map(([p, months]) => [p, months.map((m) => `${m.period}:${m.pathways}`)])]);

describe('mergePatientFigures', () => {
	const cases: [string, ReturnType<typeof month>[], unknown][] = [
		['one month', [month('2026-04', [['C_110', 'Trauma', [['RAA', 100]]]])], [['C_110', 'Trauma', [['RAA', ['2026-04:100']]]]]],
		[
			'months given out of order come out oldest first',
			[month('2026-04', [['C_110', 'Trauma', [['RAA', 120]]]]), month('2026-02', [['C_110', 'Trauma', [['RAA', 100]]]])],
			[['C_110', 'Trauma', [['RAA', ['2026-02:100', '2026-04:120']]]]]
		],
		[
			'a provider in one month only keeps that month; a treatment is named by its first month',
			[month('2026-02', [['C_999', 'Total', [['RAA', 5], ['RBB', 7]]]]), month('2026-03', [['C_999', 'Total (renamed)', [['RAA', 6]]]])],
			[['C_999', 'Total', [['RAA', ['2026-02:5', '2026-03:6']], ['RBB', ['2026-02:7']]]]]
		],
		['no months', [], []]
	];
	for (const [name, months, expected] of cases) it(name, () => expect(flatten(mergePatientFigures(months))).toEqual(expected));
});

describe('monthPatientFigures', () => {
	it('is undone by mergePatientFigures, through JSON as the cache keeps it', () => {
		const patient: PatientFigures = new Map([['C_110', { name: 'Trauma', providers: new Map([['RAA', [figures('2026-04', 100)]], ['RBB', [figures('2026-04', 3)]]]) }]]);
		const kept = JSON.parse(JSON.stringify(monthPatientFigures(patient))) as MonthPatientFigures;
		expect(mergePatientFigures([{ period: '2026-04', patient: kept }])).toEqual(patient);
	});
});

describe('meanwhile', () => {
	let instance: DuckDBInstance;
	beforeAll(async () => {
		instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		await connection.run('CREATE TABLE shared AS SELECT range AS n FROM range(1000)');
	});
	afterAll(() => instance?.closeSync());

	const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	// Each case: whether the side work fails, whether the main work fails, and what comes out.
	const cases: [string, boolean, boolean, string][] = [
		['both done: both results', false, false, 'both'],
		['the side work fails while the main work runs: its error, once the main work is done', true, false, 'side failed'],
		['the main work fails: its error, once the side work is done', false, true, 'main failed'],
		['both fail: the main work\'s error', true, true, 'main failed']
	];
	for (const [name, sideFails, mainFails, expected] of cases) {
		it(name, async () => {
			const finished: string[] = [];
			const run = meanwhile(
				instance,
				async (side) => {
					const [{ n }] = (await side.runAndReadAll('SELECT sum(n)::INTEGER AS n FROM shared')).getRowObjectsJS();
					// The side work ends last, so each case shows that it is waited for.
					await pause(50);
					if (sideFails) throw new Error('side failed');
					finished.push('side');
					return n;
				},
				async () => {
					finished.push('main');
					if (mainFails) throw new Error('main failed');
					return 'main';
				}
			);
			if (expected === 'both') await expect(run).resolves.toEqual([499500, 'main']);
			else await expect(run).rejects.toThrow(expected);
			// Nothing is left running when it returns or throws.
			expect(finished).toEqual(sideFails ? ['main'] : ['main', 'side']);
		});
	}
});
