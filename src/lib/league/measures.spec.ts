import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, aeUnits, leagueQueryToString, parseLeagueQuery, rttUnits, surveyRows } from './measures.ts';
import type { ProviderRecord, TreatmentWaitsFile, WaitFigures } from '../schema/site-data.ts';
import { providerRecord, waitFigures } from '../schema/test-fixtures.ts';

const provider = (code: string, region: string, extra: Partial<ProviderRecord> = {}): ProviderRecord =>
	providerRecord(code, null, { name: `Trust ${code}`, region, treatments: [], ...extra });
const month = (period: string, pathways: number, pct: number | null, over52: number, tooFew = false): WaitFigures =>
	waitFigures({
		period, pathways, p92: 30, pctWithin18: pct, pctWithin18Low: null, pctWithin18High: null,
		within18: pct === null ? 0 : Math.round((pct / 100) * pathways), over52, tooFew
	});

describe('league query in the URL', () => {
	it('round-trips', () => {
		const q = { measure: 'over52' as const, treatment: 'C_110', period: '2026-03', area: 'ZQA', limits: 'random-effects' as const };
		expect(parseLeagueQuery(new URLSearchParams(leagueQueryToString(q)))).toEqual(q);
		expect(leagueQueryToString(DEFAULT_QUERY)).toBe('measure=rtt18&treatment=C_999');
	});
	it('falls back on nonsense', () => {
		expect(parseLeagueQuery(new URLSearchParams('measure=x&treatment=../../etc&period=2026&area=<b>&limits=no'))).toEqual(DEFAULT_QUERY);
	});
	it('leaves the treatment out where it does not apply', () => {
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'ae4h' })).toBe('measure=ae4h');
	});
});

describe('units from the site files', () => {
	const providers = [
		provider('P1', 'ZQA', { ae: { period: '2026-04', attendances: 1000, pctWithin4h: 75.5 }, survey: { year: 2024, score: 8.1, band: 5, respondents: 400 } }),
		provider('P2', 'ZQB', { ae: { period: '2026-03', attendances: 500, pctWithin4h: 60 }, survey: { year: 2024, score: 8.4, band: 4, respondents: 300 } }),
		provider('P3', 'ZQB', { ae: { period: '2026-04', attendances: 2000, pctWithin4h: 70 } })
	];
	const waits: TreatmentWaitsFile = {
		treatment: 'C_999', treatmentName: 'Total', periods: ['2026-03', '2026-04'],
		rows: [
			{ provider: 'P1', months: [month('2026-03', 100, 50, 1), month('2026-04', 1000, 74.1, 12)] },
			{ provider: 'P2', months: [month('2026-04', 10, null, 0, true)] },
			{ provider: 'P9', months: [month('2026-04', 200, 60, 3)] }
		]
	};
	it('rebuilds the under-18-week count from the rounded percentage', () => {
		const { units, tooFew } = rttUnits('rtt18', waits, providers, '2026-04');
		expect(units).toEqual([
			{ code: 'P1', name: 'Trust P1', area: 'ZQA', successes: 741, trials: 1000 },
			{ code: 'P9', name: 'P9', area: null, successes: 120, trials: 200 }
		]);
		expect(tooFew).toEqual([{ code: 'P2', name: 'Trust P2' }]);
	});
	it('counts over 52 weeks directly', () => {
		expect(rttUnits('over52', waits, providers, '2026-03').units).toEqual([{ code: 'P1', name: 'Trust P1', area: 'ZQA', successes: 1, trials: 100 }]);
	});
	it('A&E uses the most common latest month only', () => {
		const { units, period } = aeUnits(providers);
		expect(period).toBe('2026-04');
		expect(units.map((u) => [u.code, u.successes, u.trials])).toEqual([['P1', 755, 1000], ['P3', 1400, 2000]]);
	});
	it('survey rows by score', () => {
		expect(surveyRows(providers).map((r) => r.code)).toEqual(['P2', 'P1']);
	});
});
