import { beforeEach, describe, expect, it, vi } from 'vitest';
import { councilLeagueFixture } from '../../../tests/support/council-league-fixture.ts';
import { clearPatientDataCache } from '../data/patient-data.ts';
import { loadLeague } from './load.ts';
import { DEFAULT_QUERY, type LeagueQuery } from './measures.ts';

const { councils, measures } = councilLeagueFixture();
const FILES: Record<string, unknown> = {
	'/data/council/councils.json': councils,
	...Object.fromEntries(measures.map((m) => [`/data/${m.measure.path}`, m]))
};
let files = FILES;
const fetcher = vi.fn(async (url: string) => (url in files ? new Response(JSON.stringify(files[url])) : new Response('', { status: 404 })));
const DATA = { periods: ['2026-04'], latestPeriod: '2026-04', aePeriods: [] };
const load = (query: Partial<LeagueQuery>) => loadLeague({ ...DEFAULT_QUERY, ...query }, DATA, fetcher as unknown as typeof fetch);
const leeds = councils.councils[3];

beforeEach(() => {
	clearPatientDataCache();
	fetcher.mockClear();
	files = FILES;
});

describe('council leagues', () => {
	it('a binomial measure is a funnel league over all England, around England’s own figure, with adjusted limits when over-dispersed', async () => {
		const l = await load({ measure: 'council:cin-rereferrals' });
		if (l.kind !== 'proportion' || !l.council) throw new Error(l.kind);
		const england = measures[0].england.find((e) => e.year === '2025')!;
		expect(l.title).toBe('Children’s social care re-referrals, England, 2025');
		expect(l.league.target).toBe(england.numerator! / england.denominator!);
		expect(l.league.rows).toHaveLength(councils.councils.length - 1);
		expect(l.league.excluded).toEqual([{ code: councils.councils[7].code, name: councils.councils[7].name, reason: 'suppressed by the publisher' }]);
		expect(l.league.direction).toBe('lower-is-better');
		expect(l.league.overdispersion!.overdispersed).toBe(true);
		expect([l.league.mode, l.league.modeByDefault]).toEqual(['random-effects', true]);
		expect(l.league.limitsWords).toMatch(/^The councils vary more than chance alone would explain/);
		expect(l.council.years).toEqual(['2024', '2025']);
		expect(l.council.councils.map((c) => c.name)).toEqual([...councils.councils.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
		// Lazy: the hospital list and the other council measures are never fetched.
		expect(fetcher.mock.calls.map(([url]) => url).sort()).toEqual(['/data/council/cin-rereferrals.json', '/data/council/councils.json']);
	});
	it('a chosen council’s peer group: only those councils ranked, limits still from all England', async () => {
		const all = await load({ measure: 'council:cin-rereferrals', year: '2024', limits: 'exact' });
		const l = await load({ measure: 'council:cin-rereferrals', year: '2024', council: leeds.code, peers: 'dfe', limits: 'exact' });
		if (l.kind !== 'proportion' || all.kind !== 'proportion' || !l.council) throw new Error(l.kind);
		expect(l.title).toBe(`Children’s social care re-referrals, ${leeds.name} and DfE statistical neighbours, 2024`);
		expect(l.league.rows.map((r) => r.code).sort()).toEqual([leeds.code, ...councils.peers.dfe[leeds.code]].sort());
		expect(l.league.target).toBe(all.league.target);
		expect(l.league.overdispersion!.phi).toBe(all.league.overdispersion!.phi);
		expect(l.council.focus).toEqual({ code: leeds.code, name: leeds.name });
		// The fixture's high re-referrer is outside the limits: worse, since lower is better.
		expect(l.league.rows.find((r) => r.code === leeds.code)!.band).toMatch(/^worse/);
	});
	it('a peer-spread measure is a peer comparison, never a funnel; Welsh peers are counted out', async () => {
		const focus = councils.councils[5];
		const l = await load({ measure: 'council:household-recycling', council: focus.code, peers: 'ons-global' });
		if (l.kind !== 'peer-spread') throw new Error(l.kind);
		expect(l.title).toBe(`Household waste recycled, ${focus.name} and ONS similar areas (overall), 2022-23`);
		expect(l.comparison.focus).toBe(focus.code);
		expect(l.council.leftOut).toBe(1);
		expect(l.note).toMatch(/1 listed peer is not an English council in these figures and is left out\./);
		expect(l.note).toMatch(/no funnel/);
		expect(l.comparison.rows.find((r) => r.code === focus.code)!.verdict).toBe('worse');
	});
	it('a peer group the measure does not offer, or an unknown council, falls back to all England', async () => {
		const dfe = await load({ measure: 'council:household-recycling', council: leeds.code, peers: 'dfe' });
		expect(dfe.council).toMatchObject({ peers: '', scopeWords: 'all England', focus: { code: leeds.code } });
		const unknown = await load({ measure: 'council:household-recycling', council: 'E06000000', peers: 'region' });
		expect(unknown.council).toMatchObject({ peers: '', focus: null });
	});
	it('says so when the site has no council files', async () => {
		files = {};
		const l = await load({ measure: 'council:household-recycling' });
		expect(l).toMatchObject({ kind: 'empty', message: 'This site was built without council figures for this measure.' });
	});
});
