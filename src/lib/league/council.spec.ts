import { describe, expect, it } from 'vitest';
import { councilLeagueFixture } from '../../../tests/support/council-league-fixture.ts';
import type { CouncilMeasureFile, CouncilsFile, CouncilValue } from '../schema/council.ts';
import { councilMeasureById } from '../council/measures.ts';
import { chosenYear, comparePeers, councilUnits, englandProportion, formatCouncilValue, formatMadDistance, peerGroup, spreadWords } from './council.ts';

const { councils, measures } = councilLeagueFixture();
const cin = measures.find((m) => m.measure.id === 'cin-rereferrals')!;
const waste = measures.find((m) => m.measure.id === 'household-recycling')!;
const first = councils.councils[0];

/** A hand-worked case: five peers and a chosen council, values chosen so the median and MAD are whole numbers. */
function tiny(values: [string, number | null][], better: 'higher' | 'lower' = 'higher'): { file: CouncilMeasureFile; councils: CouncilsFile } {
	const def = councilMeasureById('household-recycling')!;
	const rows: CouncilValue[] = values.map(([code, value]) => ({ code, year: '2023', numerator: null, denominator: null, value, suppressed: value === null, published: null }));
	return {
		file: { measure: { ...def, better, source: { ...def.source, file: 'x' }, years: ['2023'], path: '', csv: '' }, england: [], values: rows },
		councils: { councils: values.map(([code]) => ({ code, name: `Council ${code}`, type: 'unitary', region: null, regionName: null, dfeCode: null, replacedBy: null, predecessors: [], measures: [], ofsted: null })), peers: { 'ons-global': {}, 'ons-economic': {}, 'ons-demographic': {}, dfe: {} }, measures: [] }
	};
}

describe('peer groups', () => {
	it('ONS lists: the council and its listed English peers; the others counted, not shown', () => {
		const group = peerGroup(councils, first.code, 'ons-global')!;
		expect(group.codes.has(first.code)).toBe(true);
		expect(group.codes.size).toBe(1 + councils.peers['ons-global'][first.code].length - 1);
		expect(group.leftOut).toBe(1);
		expect(group.words).toBe(`${first.name} and ONS similar areas (overall)`);
	});
	it('type and region from the council records', () => {
		const type = peerGroup(councils, first.code, 'type')!;
		for (const code of type.codes) expect(councils.councils.find((c) => c.code === code)!.type).toBe(first.type);
		const region = peerGroup(councils, first.code, 'region')!;
		for (const code of region.codes) expect(councils.councils.find((c) => c.code === code)!.region).toBe(first.region);
		expect(region.leftOut).toBe(0);
	});
	it('an unknown council has no group', () => expect(peerGroup(councils, 'E06000000', 'dfe')).toBeNull());
	it('year: the one asked for when the measure has it, else the latest', () => {
		expect(chosenYear('2024', ['2024', '2025'])).toBe('2024');
		expect(chosenYear('2019', ['2024', '2025'])).toBe('2025');
		expect(chosenYear('', [])).toBeNull();
	});
});

describe('binomial council measures', () => {
	it('counts become funnel units; suppressed cells are listed, never 0', () => {
		const { units, unusable } = councilUnits(cin, councils, '2025');
		expect(units.length + unusable.length).toBe(councils.councils.length);
		expect(unusable).toEqual([{ code: councils.councils[7].code, name: councils.councils[7].name, reason: 'suppressed by the publisher' }]);
		for (const u of units) expect(Number.isInteger(u.successes) && u.successes <= u.trials).toBe(true);
	});
	it('the centre line is England’s own row', () => {
		const e = cin.england.find((r) => r.year === '2025')!;
		expect(englandProportion(cin, '2025')).toBe(e.numerator! / e.denominator!);
		expect(englandProportion(waste, '2022-23')).toBeCloseTo(0.417, 12);
		expect(englandProportion(cin, '1999')).toBeNull();
	});
});

describe('peer spread', () => {
	// Peers 10, 12, 14, 16, 18: median 14, MAD 2; band 14 ± 2 × 1.4826 × 2 = 8.0696 … 19.9304.
	const peers: [string, number | null][] = [['E06000001', 10], ['E06000002', 12], ['E06000003', 14], ['E06000004', 16], ['E06000005', 18]];
	const cases: [string, number, string, 'better' | 'worse' | 'within'][] = [
		['far above', 30, 'Clearly higher than its peers (better)', 'better'],
		['just inside', 19.9, 'Within the usual range of its peers', 'within'],
		['far below', 2, 'Clearly lower than its peers (worse)', 'worse']
	];
	for (const [label, value, words, verdict] of cases) {
		it(`${label}: ${value}`, () => {
			const t = tiny([...peers, ['E06000009', value]]);
			const c = comparePeers(t.file, t.councils, '2023', null, 'E06000009');
			expect(c.reference).toEqual({ peers: 5, median: 14, mad: 2, low: 14 - 2 * 1.4826 * 2, high: 14 + 2 * 1.4826 * 2 });
			const row = c.rows.find((r) => r.code === 'E06000009')!;
			expect([row.words, row.verdict]).toEqual([words, verdict]);
			expect(row.spread.madDistance).toBeCloseTo((value - 14) / 2, 12);
		});
	}
	it('lower is better flips the verdict, not the position', () => {
		const t = tiny([...peers, ['E06000009', 30]], 'lower');
		const row = comparePeers(t.file, t.councils, '2023', null, 'E06000009').rows.find((r) => r.code === 'E06000009')!;
		expect([row.words, row.verdict, row.rank]).toEqual(['Clearly higher than its peers (worse)', 'worse', 6]);
	});
	it('ranks best first by the direction; a missing value is listed, not ranked', () => {
		const t = tiny([...peers, ['E06000009', null]]);
		const c = comparePeers(t.file, t.councils, '2023', null, null);
		expect(c.rows.map((r) => r.value)).toEqual([18, 16, 14, 12, 10]);
		expect(c.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
		expect(c.unusable.map((u) => u.code)).toEqual(['E06000009']);
		expect(c.focus).toBeNull();
	});
	it('fewer than five peers: nothing is said', () => {
		const t = tiny([...peers.slice(0, 3), ['E06000009', 40]]);
		expect(comparePeers(t.file, t.councils, '2023', null, 'E06000009').rows[0].words).toBe('Too few peers to say (fewer than 5)');
	});
	it('a peer group narrows the councils compared', () => {
		const group = peerGroup(councils, first.code, 'ons-global')!;
		const c = comparePeers(waste, councils, '2022-23', group.codes, first.code);
		expect(c.rows.length).toBe(group.codes.size);
		expect(c.reference!.peers).toBe(group.codes.size - 1);
		expect(c.focus).toBe(first.code);
	});
	it('words with no better direction', () => expect(spreadWords('clearly-above', null)).toBe('Clearly higher than its peers'));
});

describe('formatting', () => {
	const cases: [number, Parameters<typeof formatCouncilValue>[1], string][] = [
		[41.25, { unit: 'percent', decimals: 1 }, '41.3%'],
		[1512.34, { unit: 'kg-per-household', decimals: 1 }, '1,512.3 kg'],
		[3.4, { unit: 'per-1000', decimals: 1 }, '3.4 per 1,000'],
		[1200, { unit: 'count', decimals: 0 }, '1,200']
	];
	for (const [value, unit, text] of cases) it(text, () => expect(formatCouncilValue(value, unit)).toBe(text));
	it('MAD distances', () => {
		expect([formatMadDistance(2.34), formatMadDistance(-1), formatMadDistance(0), formatMadDistance(null)]).toEqual(['+2.3', '−1.0', '0.0', '–']);
	});
});
