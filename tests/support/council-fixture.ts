/**
 * A small, entirely fictional council dataset in the shape of src/lib/schema/council.ts,
 * for the council pages' unit tests. Names are made up
 * ("Fixture …"), codes sit in a range no real council uses (E0x8xxxxx), and postcodes in
 * areas Royal Mail does not use (ZA, ZB). Figures come from a seeded generator, with a few
 * councils placed far from their peers on purpose so every position can be seen:
 *   - Fixture Vale (E08800001): clearly better on household recycling, clearly worse on re-referrals;
 *   - Fixture Marsh (E08800002): no figure for repeat plans in the latest year (suppressed);
 *   - Old Fixture (E07800009): abolished in 2021, replaced by Fixture Downs.
 */
import { COUNCIL_MEASURES } from '../../src/lib/council/measures.ts';
import type { CouncilMeasure, CouncilMeasureFile, CouncilPostcodeAreaFile, CouncilRecord, CouncilsFile, CouncilType, CouncilValue, OfstedJudgement } from '../../src/lib/schema/council.ts';
import { seededRandom } from '../../src/lib/stats/seeded-random.ts';

interface FixtureCouncil {
	code: string;
	name: string;
	type: CouncilType;
	region: 'E12900001' | 'E12900002';
	dfeCode: string | null;
	county?: string;
}

const NORTH = 'E12900001';
const SOUTH = 'E12900002';
const REGION_NAMES: Record<string, string> = { [NORTH]: 'Fixture North', [SOUTH]: 'Fixture South' };

const COUNCILS: FixtureCouncil[] = [
	{ code: 'E08800001', name: 'Fixture Vale', type: 'metropolitan', region: NORTH, dfeCode: '901' },
	{ code: 'E08800002', name: 'Fixture Marsh', type: 'metropolitan', region: NORTH, dfeCode: '902' },
	{ code: 'E08800003', name: 'Fixture Heath', type: 'metropolitan', region: NORTH, dfeCode: '903' },
	{ code: 'E08800004', name: 'Fixture Moor', type: 'metropolitan', region: NORTH, dfeCode: '904' },
	{ code: 'E08800005', name: 'Fixture Dale', type: 'metropolitan', region: NORTH, dfeCode: '905' },
	{ code: 'E08800006', name: 'Fixture Fell', type: 'metropolitan', region: NORTH, dfeCode: '906' },
	{ code: 'E08800007', name: 'Fixture Beck', type: 'metropolitan', region: SOUTH, dfeCode: '907' },
	{ code: 'E08800008', name: 'Fixture Carr', type: 'metropolitan', region: SOUTH, dfeCode: '908' },
	{ code: 'E06800001', name: 'Fixture Port', type: 'unitary', region: SOUTH, dfeCode: '911' },
	{ code: 'E06800002', name: 'Fixture Sands', type: 'unitary', region: SOUTH, dfeCode: '912' },
	{ code: 'E06800003', name: 'Fixture Cliffs', type: 'unitary', region: NORTH, dfeCode: '913' },
	{ code: 'E06800004', name: 'Fixture Downs', type: 'unitary', region: SOUTH, dfeCode: '914' },
	{ code: 'E10800001', name: 'Fixtureshire', type: 'county', region: SOUTH, dfeCode: '921' },
	{ code: 'E07800001', name: 'Fixture Brook', type: 'district', region: SOUTH, dfeCode: null, county: 'E10800001' },
	{ code: 'E07800002', name: 'Fixture Hollow', type: 'district', region: SOUTH, dfeCode: null, county: 'E10800001' },
	{ code: 'E07800003', name: 'Fixture Ridge', type: 'district', region: SOUTH, dfeCode: null, county: 'E10800001' }
];

const ABOLISHED = { code: 'E07800009', name: 'Old Fixture', successor: 'E06800004', year: 2021 };

const MEASURE_IDS = ['household-recycling', 'fly-tipping-incidents', 'cin-rereferrals', 'cpp-subsequent'] as const;
const WASTE_YEARS = ['2019-20', '2020-21', '2021-22', '2022-23'];
const CHILDREN_YEARS = ['2022', '2023', '2024', '2025'];

export const FIXTURE_CODES = { better: 'E08800001', suppressed: 'E08800002', abolished: ABOLISHED.code, successor: ABOLISHED.successor, county: 'E10800001', district: 'E07800001' };
export const FIXTURE_POSTCODES = { metropolitan: 'ZA1 1AA', twoTier: 'ZB2 3DE', unknownSector: 'ZA9 9ZZ', unknownArea: 'ZC1 1AA' };

function catalogueRow(id: string): CouncilMeasure {
	const definition = COUNCIL_MEASURES.find((m) => m.id === id)!;
	const years = definition.service === 'waste' ? WASTE_YEARS : CHILDREN_YEARS;
	return { ...definition, source: { ...definition.source, file: 'fictional-fixture.csv' }, years, path: `council/${id}.json`, csv: `council/${id}.csv` };
}

function value(code: string, year: string, numerator: number | null, denominator: number | null, direct: number | null = null): CouncilValue {
	const v = direct ?? (numerator !== null && denominator ? (numerator / denominator) * 100 : null);
	return { code, year, numerator, denominator, value: v, suppressed: false, published: v === null ? null : Math.round(v * 10) / 10 };
}

function measureValues(id: (typeof MEASURE_IDS)[number], councils: FixtureCouncil[], seed: number): CouncilValue[] {
	const random = seededRandom(seed);
	const measure = catalogueRow(id);
	const rows: CouncilValue[] = [];
	const covered = [...councils.filter((c) => measure.types.includes(c.type)).map((c) => c.code)];
	if (measure.service === 'waste') covered.push(ABOLISHED.code);
	for (const code of covered.sort()) {
		for (const [y, year] of measure.years.entries()) {
			if (code === ABOLISHED.code && y >= 2) continue; // abolished in 2021: figures stop
			if (code === ABOLISHED.successor && measure.service === 'waste' && y < 2) continue;
			const noise = random() - 0.5;
			if (id === 'household-recycling') {
				const rate = code === FIXTURE_CODES.better ? 0.62 : 0.42 + noise * 0.06 + y * 0.005;
				const tonnes = Math.round(60_000 + random() * 90_000);
				rows.push(value(code, year, Math.round(tonnes * rate), tonnes));
			} else if (id === 'fly-tipping-incidents') {
				const incidents = Math.round(800 + random() * 6000);
				rows.push(value(code, year, incidents, null, incidents));
			} else {
				const referrals = Math.round(1500 + random() * 5000);
				const base = id === 'cin-rereferrals' ? 0.21 : 0.23;
				const rate = code === FIXTURE_CODES.better && id === 'cin-rereferrals' ? 0.34 : base + noise * 0.03;
				if (code === FIXTURE_CODES.suppressed && id === 'cpp-subsequent' && y === measure.years.length - 1) {
					rows.push({ code, year, numerator: null, denominator: null, value: null, suppressed: true, published: null });
				} else rows.push(value(code, year, Math.round(referrals * rate), referrals));
			}
		}
	}
	return rows;
}

function englandRows(id: string, values: CouncilValue[], years: string[]): CouncilValue[] {
	return years.map((year) => {
		const rows = values.filter((v) => v.year === year && v.numerator !== null);
		const numerator = rows.reduce((s, v) => s + (v.numerator ?? 0), 0);
		if (id === 'fly-tipping-incidents') return value('E92000001', year, numerator, null, numerator);
		const denominator = rows.reduce((s, v) => s + (v.denominator ?? 0), 0);
		return value('E92000001', year, numerator, denominator);
	});
}

const OFSTED: OfstedJudgement = { overall: 'Good', date: '2024-03-15', history: [{ overall: 'Requires improvement to be good', date: '2019-11-02' }] };

export interface CouncilFixture {
	councils: CouncilsFile;
	measures: CouncilMeasureFile[];
	postcodes: CouncilPostcodeAreaFile[];
}

export function councilFixture(): CouncilFixture {
	const measures: CouncilMeasureFile[] = MEASURE_IDS.map((id, i) => {
		const measure = catalogueRow(id);
		const values = measureValues(id, COUNCILS, 20260712 + i);
		return { measure, england: englandRows(id, values, measure.years), values };
	});
	const measuresOf = (code: string) => measures.filter((m) => m.values.some((v) => v.code === code && v.value !== null)).map((m) => m.measure.id);
	const records: CouncilRecord[] = COUNCILS.map((c) => ({
		code: c.code,
		name: c.name,
		type: c.type,
		region: c.region,
		regionName: REGION_NAMES[c.region],
		dfeCode: c.dfeCode,
		replacedBy: null,
		predecessors: c.code === ABOLISHED.successor ? [{ code: ABOLISHED.code, name: ABOLISHED.name, year: ABOLISHED.year }] : [],
		measures: measuresOf(c.code),
		ofsted: c.dfeCode ? (c.code === FIXTURE_CODES.suppressed ? null : OFSTED) : null
	}));
	records.push({
		code: ABOLISHED.code,
		name: ABOLISHED.name,
		type: 'district',
		region: SOUTH,
		regionName: REGION_NAMES[SOUTH],
		dfeCode: null,
		replacedBy: { codes: [ABOLISHED.successor], year: ABOLISHED.year },
		predecessors: [],
		measures: measuresOf(ABOLISHED.code),
		ofsted: null
	});
	records.sort((a, b) => a.code.localeCompare(b.code));
	// ONS lists name 20 areas, some of them Welsh or Scottish; DfE lists name 10.
	const outside = ['W06000001', 'W06000002', 'S12000033', 'S12000034', 'N09000001', 'W06000003', 'S12000035', 'W06000004', 'S12000036', 'W06000005'];
	const placeCodes = records.filter((r) => r.type !== 'county' && r.replacedBy === null).map((r) => r.code);
	const upperCodes = records.filter((r) => r.dfeCode !== null).map((r) => r.code);
	const onsList = (code: string, shift: number) => [...placeCodes.filter((c) => c !== code).slice(shift), ...outside].slice(0, 20);
	const peers: CouncilsFile['peers'] = { 'ons-global': {}, 'ons-economic': {}, 'ons-demographic': {}, dfe: {} };
	for (const code of placeCodes) {
		peers['ons-global'][code] = onsList(code, 0);
		peers['ons-economic'][code] = onsList(code, 1);
		peers['ons-demographic'][code] = onsList(code, 2);
	}
	for (const code of upperCodes) peers.dfe[code] = upperCodes.filter((c) => c !== code).slice(0, 10);
	const postcodes: CouncilPostcodeAreaFile[] = [
		{ area: 'ZA', sectors: { 'ZA1 1': [FIXTURE_CODES.better], 'ZA1 2': [FIXTURE_CODES.better], 'ZA2 1': ['E08800002'], 'ZA3 1': ['E06800001'] } },
		// Code-Point's 2014 code for the abolished district stays in the file; the page follows it to the successor.
		{ area: 'ZB', sectors: { 'ZB2 3': [FIXTURE_CODES.district, FIXTURE_CODES.county], 'ZB4 1': [ABOLISHED.code] } }
	];
	return { councils: { councils: records, peers, measures: measures.map((m) => m.measure) }, measures, postcodes };
}
