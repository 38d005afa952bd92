import { describe, expect, it } from 'vitest';
import { councilFixture, FIXTURE_CODES } from '../../../tests/support/council-fixture.ts';
import { councilPageData, trendOf } from './page-data.ts';

const fixture = councilFixture();
const page = (code: string) => councilPageData(fixture.councils, fixture.measures, code)!;

describe('councilPageData (the fictional fixture)', () => {
	it('an unknown code has no page', () => expect(councilPageData(fixture.councils, fixture.measures, 'E08999999')).toBeNull());

	it('Fixture Vale: every measure it has, in each peer group each measure allows', () => {
		const vale = page(FIXTURE_CODES.better);
		expect(vale.measures.map((m) => m.measure.id)).toEqual(['household-recycling', 'fly-tipping-incidents', 'cin-rereferrals', 'cpp-subsequent']);
		const recycling = vale.measures[0];
		expect(Object.keys(recycling.standings)).toEqual(recycling.measure.peerGroups);
		expect(recycling.standings['ons-global']).toMatchObject({ year: '2022-23', position: 'clearly-better', rank: 1 });
		expect(recycling.standings['ons-global']!.peerWords).toBe('14 of the 20 similar areas ONS lists have a figure for 2022-23 (6 are not in England).');
		const rereferrals = vale.measures[2];
		expect(rereferrals.standings.dfe).toMatchObject({ year: '2025', position: 'clearly-worse', rankOf: 11 });
		expect(rereferrals.standings.dfe!.rankLow).not.toBeNull();
		expect(vale.measures[1].standings.type!.position).toBe('not-compared');
	});

	it('lists the peer groups the page can choose, with each group’s councils (none listed for England)', () => {
		const vale = page(FIXTURE_CODES.better);
		expect(vale.groups.map((g) => g.id)).toEqual(['ons-global', 'ons-economic', 'ons-demographic', 'dfe', 'type', 'region', 'england']);
		const dfe = vale.groups.find((g) => g.id === 'dfe')!;
		expect(dfe).toMatchObject({ listed: 10, notEnglish: 0, size: 10 });
		expect(dfe.councils[0]).toEqual({ code: 'E06800001', name: 'Fixture Port' });
		expect(vale.groups.find((g) => g.id === 'england')).toMatchObject({ councils: [], size: 15 });
	});

	it('a suppressed latest year says so, and is not compared', () => {
		const marsh = page(FIXTURE_CODES.suppressed);
		const repeat = marsh.measures.find((m) => m.measure.id === 'cpp-subsequent')!;
		expect(repeat.standings.dfe).toMatchObject({ year: '2025', position: 'no-figure' });
		expect(repeat.trend.at(-1)).toEqual({ year: '2025', value: null, suppressed: true, england: repeat.trend.at(-1)!.england });
	});

	it('an abolished council names its successor and keeps its history', () => {
		const old = page(FIXTURE_CODES.abolished);
		expect(old.successors).toEqual([{ code: FIXTURE_CODES.successor, name: 'Fixture Downs' }]);
		const recycling = old.measures.find((m) => m.measure.id === 'household-recycling')!;
		expect(recycling.trend.map((p) => p.year)).toEqual(['2019-20', '2020-21', '2021-22', '2022-23']);
		expect(recycling.trend.filter((p) => p.value !== null).map((p) => p.year)).toEqual(['2019-20', '2020-21']);
		expect(recycling.standings.type!.year).toBe('2020-21');
	});
});

describe('predecessors', () => {
	it('links a predecessor that has a page, and only names one that has none', () => {
		expect(page(FIXTURE_CODES.successor).predecessorPages).toEqual([FIXTURE_CODES.abolished]);
		// A code re-issued before the files start (Gateshead's E08000020 → E08000037) has no record of its own.
		const councils = {
			...fixture.councils,
			councils: fixture.councils.councils.filter((c) => c.code !== FIXTURE_CODES.abolished)
		};
		const successor = councilPageData(councils, fixture.measures, FIXTURE_CODES.successor)!;
		expect(successor.council.predecessors.map((p) => p.code)).toEqual([FIXTURE_CODES.abolished]);
		expect(successor.predecessorPages).toEqual([]);
	});
});

describe('trendOf', () => {
	it('starts at the council’s first figure and carries England beside it', () => {
		const recycling = fixture.measures[0];
		const trend = trendOf(recycling, FIXTURE_CODES.successor); // figures only from 2021-22
		expect(trend.map((p) => p.year)).toEqual(['2021-22', '2022-23']);
		for (const p of trend) expect(p.england).toBe(recycling.england.find((e) => e.year === p.year)!.published);
	});
});
