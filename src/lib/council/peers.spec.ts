import { describe, expect, it } from 'vitest';
import { councilFixture, FIXTURE_CODES } from '../../../tests/support/council-fixture.ts';
import { currentCodes, groupForMeasure, indexCouncils, peerCandidates, peerCountWords, resolvePeerGroup, successorsOf, type PeerGroup } from './peers.ts';
import type { PeerGroupId } from '../schema/council.ts';

const { councils } = councilFixture();
const index = indexCouncils(councils);
const vale = index.get(FIXTURE_CODES.better)!;

describe('peerCandidates', () => {
	const cases: [PeerGroupId, string[] | null, { size: number; listed: number | null; notEnglish: number }][] = [
		// group, measure types (null = any), expected
		// ONS list: 20 named, 14 English (the 10 outside England fill it up to 20 after the 14 other place councils … minus the abolished one)
		['ons-global', null, { size: 14, listed: 20, notEnglish: 6 }],
		['dfe', null, { size: 10, listed: 10, notEnglish: 0 }],
		['type', null, { size: 7, listed: null, notEnglish: 0 }], // the 7 other metropolitan boroughs
		['region', null, { size: 6, listed: null, notEnglish: 0 }], // Fixture North: 5 metropolitan + 1 unitary
		['england', null, { size: 15, listed: null, notEnglish: 0 }], // every current council but itself
		['england', ['county', 'unitary', 'metropolitan', 'london'], { size: 12, listed: null, notEnglish: 0 }]
	];
	for (const [group, types, expected] of cases) {
		it(`${group} ${types ? `(${types.join(', ')})` : ''}`, () => {
			const c = peerCandidates(councils, index, vale, group, types);
			expect({ size: c.codes.length, listed: c.listed, notEnglish: c.notEnglish }).toEqual(expected);
			expect(c.codes).not.toContain(vale.code);
			for (const code of c.codes) expect(index.get(code)!.replacedBy).toBeNull();
		});
	}

	it('a council with no published list gets an empty list, counted as 0 listed', () => {
		const county = index.get(FIXTURE_CODES.county)!;
		expect(peerCandidates(councils, index, county, 'ons-global')).toEqual({ group: 'ons-global', codes: [], listed: 0, notEnglish: 0 });
	});

	it('an abolished council in a list is followed to its successor, once', () => {
		const file = { ...councils, peers: { ...councils.peers, 'ons-global': { [vale.code]: [FIXTURE_CODES.abolished, FIXTURE_CODES.successor, 'W06000001'] } } };
		expect(peerCandidates(file, index, vale, 'ons-global')).toEqual({ group: 'ons-global', codes: [FIXTURE_CODES.successor], listed: 3, notEnglish: 1 });
	});
});

describe('currentCodes and successors', () => {
	const cases: [string, string[]][] = [
		[FIXTURE_CODES.better, [FIXTURE_CODES.better]],
		[FIXTURE_CODES.abolished, [FIXTURE_CODES.successor]],
		['E99999999', ['E99999999']]
	];
	for (const [code, expected] of cases) it(code, () => expect(currentCodes(code, index)).toEqual(expected));
	it('a loop of replacements ends', () => {
		const loop = indexCouncils({ ...councils, councils: [{ ...vale, code: 'A', replacedBy: { codes: ['B'], year: 2020 } }, { ...vale, code: 'B', replacedBy: { codes: ['A'], year: 2021 } }] });
		expect(currentCodes('A', loop)).toEqual(['A']);
	});
	it('names the successors of an abolished council', () => {
		expect(successorsOf(index.get(FIXTURE_CODES.abolished)!, index)).toEqual([{ code: FIXTURE_CODES.successor, name: 'Fixture Downs' }]);
		expect(successorsOf(vale, index)).toEqual([]);
	});
});

describe('resolvePeerGroup and its words', () => {
	it('keeps only councils with a figure, and says how many of the listed have one', () => {
		const withFigure = new Set(['E08800002', 'E08800003', 'E06800001']);
		const group = resolvePeerGroup(councils, index, vale, 'ons-global', { types: ['metropolitan', 'unitary', 'district', 'london'] }, (c) => withFigure.has(c));
		expect(group.withData).toEqual(['E06800001', 'E08800002', 'E08800003']); // the list's order
		expect(peerCountWords(group, '2022-23')).toBe('3 of the 20 similar areas ONS lists have a figure for 2022-23 (6 are not in England; 11 English councils have no figure).');
	});
	const words: [PeerGroup, string][] = [
		[{ group: 'dfe', codes: ['a', 'b'], withData: ['a', 'b'], listed: 10, notEnglish: 0 }, '2 of the 10 statistical neighbours DfE lists have a figure for 2025.'],
		[{ group: 'dfe', codes: ['a'], withData: [], listed: 10, notEnglish: 1 }, '0 of the 10 statistical neighbours DfE lists have a figure for 2025 (1 is not in England; 1 English council has no figure).'],
		[{ group: 'ons-economic', codes: [], withData: [], listed: 0, notEnglish: 0 }, 'There is no published list of ONS similar areas (economic) for this council.'],
		[{ group: 'type', codes: ['a', 'b', 'c'], withData: ['a', 'b'], listed: null, notEnglish: 0 }, '2 councils of the same type have a figure for 2025 (1 has none).'],
		[{ group: 'england', codes: ['a'], withData: ['a'], listed: null, notEnglish: 0 }, '1 English council has a figure for 2025.']
	];
	for (const [group, expected] of words) it(expected, () => expect(peerCountWords(group, '2025')).toBe(expected));
});

describe('groupForMeasure', () => {
	const cases: [PeerGroupId[], PeerGroupId, PeerGroupId][] = [
		[['dfe', 'type', 'region', 'england'], 'dfe', 'dfe'],
		[['dfe', 'type', 'region', 'england'], 'ons-global', 'dfe'],
		[['ons-global', 'type'], 'dfe', 'ons-global'],
		[['ons-global', 'type'], 'type', 'type']
	];
	for (const [groups, chosen, expected] of cases) it(`${chosen} in ${groups.join(',')} → ${expected}`, () => expect(groupForMeasure({ peerGroups: groups }, chosen)).toBe(expected));
});
