import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { buildCouncilData, councilValue, dfeNumberToCode, type CouncilSource } from './council.ts';
import { measureCsv, postcodeAreaFiles } from './council-output.ts';
import { councilMeasureById } from '../../src/lib/council/measures.ts';
import { generateAll } from '../sample/generate.ts';
import { DEMO_COUNCILS } from '../sample/councils.ts';
import { recogniseCouncilCsv } from '../readers/council/index.ts';

/** The demonstration's council CSVs, read by the real readers. */
function demoSources(): CouncilSource[] {
	const sources: CouncilSource[] = [];
	for (const [path, bytes] of generateAll(20260501)) {
		if (!path.startsWith('council/')) continue;
		const reader = recogniseCouncilCsv({ name: path, bytes });
		if (reader) sources.push({ file: path, result: reader.read(path, bytes) });
	}
	return sources;
}

describe('council build stage on the demonstration data', () => {
	const sources = demoSources();
	const data = buildCouncilData(sources);

	it('reads every demonstration council file with every row accepted', () => {
		expect(sources).toHaveLength(9);
		for (const { result } of sources) expect(result.report.rowsRejected).toBe(0);
		expect(data.problems).toEqual([]);
	});

	it('writes one file per measure, England from the national row, values computed from the parts', () => {
		expect(data.measures.map((m) => m.measure.id)).toEqual(['cin-rereferrals', 'cpp-subsequent', 'cla-placement-moves', 'sw-turnover', 'sw-agency', 'sw-vacancy']);
		for (const file of data.measures) {
			expect(file.england.map((v) => v.year)).toEqual(file.measure.years);
			for (const v of file.values) {
				if (v.suppressed) expect(v.value).toBeNull();
				else if (v.numerator !== null && v.denominator) expect(v.value).toBeCloseTo((100 * v.numerator) / v.denominator, 9);
				if (v.value !== null && v.published !== null) expect(Math.abs(v.value - v.published)).toBeLessThanOrEqual(file.measure.id === 'cla-placement-moves' ? 0.5 : 0.1 + 1e-9);
			}
		}
		// The one suppressed demo cell stays suppressed, never 0.
		expect(data.measures[0].values.filter((v) => v.suppressed)).toHaveLength(1);
	});

	it('lists every demonstration council with its type, region and measures', () => {
		const councils = data.councils.councils;
		expect(councils.map((c) => c.code).sort()).toEqual(DEMO_COUNCILS.map((c) => c.code).sort());
		const airedale = councils.find((c) => c.name === 'Airedale')!;
		expect(airedale).toMatchObject({ type: 'metropolitan', region: 'E12000003', replacedBy: null, predecessors: [] });
		expect(airedale.measures).toContain('cin-rereferrals');
		expect(councils.find((c) => c.type === 'district')!.measures).toEqual([]);
	});

	it('maps DfE statistical neighbours to ONS codes', () => {
		const toCode = dfeNumberToCode(sources);
		const upper = DEMO_COUNCILS.filter((c) => c.dfeCode);
		for (const c of upper) expect(toCode.get(c.dfeCode!)).toBe(c.code);
		for (const [code, peers] of Object.entries(data.councils.peers.dfe)) {
			expect(peers).toHaveLength(10);
			expect(peers).not.toContain(code);
		}
		expect(Object.keys(data.councils.peers['ons-global'])).toHaveLength(DEMO_COUNCILS.length);
	});

	it('fails loudly when two files give the same cell', () => {
		const twice = buildCouncilData([...sources, { ...sources[0], file: 'copy.csv' }]);
		expect(twice.problems[0]).toMatch(/^copy\.csv: cin-rereferrals for E\S+ in \d{4} is already read from /);
	});
});

describe('councilValue', () => {
	const cases = [
		['cin-rereferrals', { numerator: 25, denominator: 200, published: 12.5, suppressed: false }, 12.5],
		['cin-rereferrals', { numerator: null, denominator: 200, published: null, suppressed: true }, null],
		['cin-rereferrals', { numerator: 1, denominator: 0, published: null, suppressed: false }, null],
		// England's recycling rate is printed (Table_3) with no tonnages: the printed rate is the value.
		['household-recycling', { numerator: null, denominator: null, published: 41.7, suppressed: false }, 41.7],
		['household-recycling', { numerator: 25, denominator: 100, published: 24.9, suppressed: false }, 25],
		['fly-tipping-incidents', { numerator: 812, denominator: null, published: null, suppressed: false }, 812],
		['ascof-satisfaction', { numerator: null, denominator: null, published: 61.3, suppressed: false }, 61.3]
	] as const;
	it.each(cases)('%s %j → %s', (id, o, expected) => expect(councilValue(councilMeasureById(id)!, o)).toBe(expected));
});

describe('council outputs', () => {
	it('moves 2014 codes to today’s councils and drops a county once its district is a unitary', () => {
		const areas = postcodeAreaFiles(new Map([
			['TA1 1', { district: 'E07000190', county: 'E10000027', agree: 9, postcodes: 9 }], // Taunton Deane → Somerset (2023)
			['HP1 1', { district: 'E07000096', county: 'E10000015', agree: 5, postcodes: 6 }], // Dacorum, Hertfordshire: unchanged
			['IP1 1', { district: 'E07000205', county: 'E10000029', agree: 3, postcodes: 3 }] // Suffolk Coastal → East Suffolk, still in Suffolk
		]));
		expect(areas).toEqual([
			{ area: 'HP', sectors: { 'HP1 1': ['E07000096', 'E10000015'] } },
			{ area: 'IP', sectors: { 'IP1 1': ['E07000244', 'E10000029'] } },
			{ area: 'TA', sectors: { 'TA1 1': ['E06000066'] } }
		]);
	});

	it('writes RFC 4180, formula-safe CSV with England first', () => {
		const file = buildCouncilData(demoSources()).measures[0];
		const text = measureCsv(file, new Map([[file.values[0].code, '=Evil, "quoted"']]));
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('measure,code,name,year,numerator,denominator,value,suppressed,published');
		expect(lines[1]).toMatch(/^cin-rereferrals,E92000001,England,2021,/);
		expect(text).toContain(`,"'=Evil, ""quoted""",`);
		expect(strToU8(text).length).toBeGreaterThan(1000);
	});
});
