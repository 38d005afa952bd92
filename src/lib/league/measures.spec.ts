import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, leagueQueryToString, parseLeagueQuery } from './measures.ts';

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
	it('keeps the month for A&E, drops it for the survey (one year only)', () => {
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'ae4h', period: '2024-12' })).toBe('measure=ae4h&period=2024-12');
		expect(parseLeagueQuery(new URLSearchParams('measure=ae4h&period=2024-12')).period).toBe('2024-12');
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'survey', period: '2024-12' })).toBe('measure=survey');
	});
});
