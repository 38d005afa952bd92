import { describe, expect, it } from 'vitest';
import { COUNCIL_MEASURES } from '../council/measures.ts';
import { COUNCIL_LEAGUE_MEASURES, DEFAULT_QUERY, leagueQueryToString, measureById, parseLeagueQuery, type LeagueQuery } from './measures.ts';

const q = (text: string) => parseLeagueQuery(new URLSearchParams(text));

describe('league query in the URL', () => {
	it('round-trips', () => {
		const query: LeagueQuery = { ...DEFAULT_QUERY, measure: 'over52', treatment: 'C_110', period: '2026-03', area: 'ZQA', limits: 'random-effects' };
		expect(parseLeagueQuery(new URLSearchParams(leagueQueryToString(query)))).toEqual(query);
		expect(leagueQueryToString(DEFAULT_QUERY)).toBe('measure=rtt18&treatment=C_999');
	});
	it('falls back on nonsense', () => {
		expect(q('measure=x&treatment=../../etc&period=2026&area=<b>&limits=no&year=20&council=E1&peers=cipfa')).toEqual(DEFAULT_QUERY);
	});
	it('leaves the treatment out where it does not apply', () => {
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'ae4h' })).toBe('measure=ae4h');
	});
	it('keeps the month for A&E, drops it for the survey (one year only)', () => {
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'ae4h', period: '2024-12' })).toBe('measure=ae4h&period=2024-12');
		expect(q('measure=ae4h&period=2024-12').period).toBe('2024-12');
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'survey', period: '2024-12' })).toBe('measure=survey');
	});
	it('no limits in the URL means "adjusted when over-dispersed"; a chosen mode, exact included, is kept', () => {
		expect(q('measure=rtt18').limits).toBeNull();
		expect(q('measure=rtt18&limits=exact').limits).toBe('exact');
		expect(leagueQueryToString({ ...DEFAULT_QUERY, limits: 'exact' })).toBe('measure=rtt18&treatment=C_999&limits=exact');
		// The survey and peer-spread measures draw no limits, so none is written.
		expect(leagueQueryToString({ ...DEFAULT_QUERY, measure: 'survey', limits: 'exact' })).toBe('measure=survey');
	});
});

describe('council measures in the league', () => {
	it('offers every comparable catalogue row, never a raw count', () => {
		const ids = COUNCIL_LEAGUE_MEASURES.map((m) => m.id);
		expect(ids).toContain('council:household-recycling');
		expect(ids).toContain('council:cin-rereferrals');
		for (const m of COUNCIL_MEASURES.filter((d) => d.comparison === 'none')) expect(ids).not.toContain(`council:${m.id}`);
		expect(ids).toHaveLength(COUNCIL_MEASURES.filter((d) => d.comparison !== 'none').length);
	});
	it('a funnel only for counts of people; tonnes and FTE posts are compared by their peers’ spread', () => {
		const cases: [string, boolean, 'higher-is-better' | 'lower-is-better'][] = [
			['council:household-recycling', false, 'higher-is-better'],
			['council:residual-waste-per-household', false, 'lower-is-better'],
			['council:cin-rereferrals', true, 'lower-is-better'],
			['council:sw-turnover', false, 'lower-is-better'],
			['council:ascof-home-91-days', true, 'higher-is-better']
		];
		for (const [id, proportion, direction] of cases) {
			const m = measureById(id);
			expect([m.id, m.group, m.proportion, m.direction]).toEqual([id, 'council', proportion, direction]);
		}
		expect(measureById('council:fly-tipping-incidents').id).toBe('rtt18');
	});
	it('round-trips year, council and peer group, and drops what the measure does not use', () => {
		const query: LeagueQuery = { ...DEFAULT_QUERY, measure: 'council:cin-rereferrals', year: '2025', council: 'E08000035', peers: 'dfe', limits: 'exact' };
		const text = leagueQueryToString(query);
		expect(text).toBe('measure=council%3Acin-rereferrals&year=2025&council=E08000035&peers=dfe&limits=exact');
		expect(parseLeagueQuery(new URLSearchParams(text))).toEqual({ ...query, treatment: 'C_999' });
		expect(leagueQueryToString({ ...query, measure: 'council:household-recycling', year: '2022-23', peers: 'ons-global', area: 'QOP' })).toBe(
			'measure=council%3Ahousehold-recycling&year=2022-23&council=E08000035&peers=ons-global'
		);
		// An NHS measure keeps none of the council choices.
		expect(leagueQueryToString({ ...query, measure: 'rtt18', limits: null })).toBe('measure=rtt18&treatment=C_999');
	});
	it('an RTT or A&E measure keeps the provider whose trend is open; the survey and council measures drop it; codes checked by shape', () => {
		const query: LeagueQuery = { ...DEFAULT_QUERY, measure: 'over52', treatment: 'C_110', period: '2025-04', provider: 'RR8' };
		const text = leagueQueryToString(query);
		expect(text).toBe('measure=over52&treatment=C_110&period=2025-04&provider=RR8');
		expect(parseLeagueQuery(new URLSearchParams(text))).toEqual(query);
		const ae: LeagueQuery = { ...DEFAULT_QUERY, measure: 'ae4h', period: '2025-02', provider: 'RR8' };
		expect(leagueQueryToString(ae)).toBe('measure=ae4h&period=2025-02&provider=RR8');
		expect(parseLeagueQuery(new URLSearchParams(leagueQueryToString(ae)))).toEqual(ae);
		expect(leagueQueryToString({ ...query, measure: 'survey' })).not.toContain('provider');
		expect(leagueQueryToString({ ...query, measure: 'council:household-recycling' })).not.toContain('provider');
		expect(q('measure=survey&provider=RR8').provider).toBe('');
		expect(q('measure=rtt18&provider=../x').provider).toBe('');
		expect(q('measure=rtt18&provider=rr8').provider).toBe('');
	});
	it('a peer group needs a council; "england" is all England, the default', () => {
		expect(q('measure=council:household-recycling&peers=ons-global').peers).toBe('');
		expect(q('measure=council:household-recycling&council=E06000001&peers=england').peers).toBe('');
		expect(q('measure=council:household-recycling&council=E06000001&peers=region')).toMatchObject({ council: 'E06000001', peers: 'region' });
		expect(q('measure=council:household-recycling&council=e06000001').council).toBe('');
		expect(q('measure=council:household-recycling&year=2022-2023').year).toBe('');
	});
});
