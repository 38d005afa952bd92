import { describe, expect, it } from 'vitest';
import { councilFixture, FIXTURE_CODES, FIXTURE_POSTCODES } from '../../../tests/support/council-fixture.ts';
import { normalisePostcode } from '../geo/postcode.ts';
import { councilsForPostcode, findCouncilByName } from './find.ts';
import { indexCouncils } from './peers.ts';

const fixture = councilFixture();
const index = indexCouncils(fixture.councils);
const areas = new Map(fixture.postcodes.map((a) => [a.area, a]));

describe('findCouncilByName', () => {
	const cases: [string, string | string[] | null][] = [
		// typed, one code | several codes (in order) | none
		['Fixture Vale', FIXTURE_CODES.better],
		['  fixture   VALE ', FIXTURE_CODES.better],
		['E08800001', FIXTURE_CODES.better],
		['e08800001', FIXTURE_CODES.better],
		['vale', FIXTURE_CODES.better],
		['Fixtureshire', FIXTURE_CODES.county],
		['Old Fixture', FIXTURE_CODES.abolished], // an exact name finds an abolished council (its page says so)
		['fixture m', ['E08800004', 'E08800002']], // Fixture Marsh, Fixture Moor: by name
		['Nowhere', null],
		['', null],
		['<script>', null]
	];
	for (const [text, expected] of cases) {
		it(JSON.stringify(text), () => {
			const found = findCouncilByName(text, fixture.councils.councils);
			if (expected === null) expect(found.kind).toBe('none');
			else if (typeof expected === 'string') expect(found.kind === 'one' && found.council.code).toBe(expected);
			else expect(found.kind === 'several' && found.councils.map((c) => c.code).sort()).toEqual([...expected].sort());
		});
	}
	it('partial matches leave out abolished councils', () => {
		const found = findCouncilByName('fixture', fixture.councils.councils, 100);
		expect(found.kind === 'several' && found.councils.some((c) => c.replacedBy)).toBe(false);
	});
});

describe('councilsForPostcode', () => {
	const cases: [string, string[]][] = [
		[FIXTURE_POSTCODES.metropolitan, [FIXTURE_CODES.better]],
		['ZA1', [FIXTURE_CODES.better]], // a district whose sectors all lie in one council
		[FIXTURE_POSTCODES.twoTier, [FIXTURE_CODES.district, FIXTURE_CODES.county]], // district and county
		['ZB4 1AA', [FIXTURE_CODES.successor]], // Code-Point's abolished code → today's council
		[FIXTURE_POSTCODES.unknownSector, []],
		[FIXTURE_POSTCODES.unknownArea, []]
	];
	for (const [text, expected] of cases) {
		it(`${text} → ${expected.join(', ') || 'unknown'}`, () => {
			const postcode = normalisePostcode(text)!;
			const found = councilsForPostcode(postcode, areas.get(postcode.area) ?? null, index);
			const codes = found.kind === 'one' ? [found.council.code] : found.kind === 'several' ? found.councils.map((c) => c.code) : [];
			expect(codes).toEqual(expected);
		});
	}
	it('a sector named like an Object property is not found', () => {
		const postcode = { kind: 'sector', postcode: 'ZA1 1', sector: 'constructor', district: 'ZA1', area: 'ZA' } as const;
		expect(councilsForPostcode(postcode, areas.get('ZA')!, index).kind).toBe('unknown');
	});
});
