/**
 * TEST-ONLY: fictional council files in the shape of src/lib/schema/council.ts,
 * for the league's unit specs. Every name and figure is made up and deterministic (seeded).
 */
import { councilMeasureById } from '../../src/lib/council/measures.ts';
import { COUNCIL_FILES, type CouncilMeasure, type CouncilMeasureFile, type CouncilRecord, type CouncilsFile, type CouncilType, type CouncilValue } from '../../src/lib/schema/council.ts';
import { seededRandom } from '../../src/lib/stats/seeded-random.ts';

const NAMES = [
	'Ashby Vale', 'Brackenmoor', 'Calderholt', 'Dunmore', 'Eastwick Sands', 'Fennimore', 'Glasswater', 'Harrowdene', 'Ivybridge Fields', 'Juniper Hill',
	'Kestrel Downs', 'Larkspur', 'Millbeck', 'Northfold', 'Oakhurst', 'Pennock', 'Quarrington', 'Rushmere', 'Saltcote', 'Thornbury Marsh',
	'Upperby', 'Vellacott', 'Wexcombe', 'Yarrowby', 'Zennor Bay', 'Ambridge Heath', 'Beckfoot', 'Coldharbour'
];
const TYPES: CouncilType[] = ['unitary', 'metropolitan', 'london', 'county'];
const REGIONS: [string, string][] = [['E12000001', 'North East (fictional)'], ['E12000007', 'London (fictional)'], ['E12000009', 'South West (fictional)']];
/** A Welsh code in the peer lists: the page must leave it out and count it. */
const WELSH_PEER = 'W06000099';

export interface CouncilLeagueFixture {
	councils: CouncilsFile;
	measures: CouncilMeasureFile[];
}

function code(i: number): string {
	const prefix = { unitary: 'E06', metropolitan: 'E08', london: 'E09', county: 'E10', district: 'E07' }[TYPES[i % TYPES.length]];
	return `${prefix}${990001 + i}`;
}

function measure(id: string, years: string[]): CouncilMeasure {
	const def = councilMeasureById(id);
	if (!def) throw new Error(`No catalogue row ${id}`);
	return { ...def, source: { ...def.source, file: 'fictional.csv' }, years, path: COUNCIL_FILES.measure.replace('{measure}', id), csv: COUNCIL_FILES.measureCsv.replace('{measure}', id) };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function councilLeagueFixture(): CouncilLeagueFixture {
	const random = seededRandom(1212);
	const records: CouncilRecord[] = NAMES.map((name, i) => {
		const [region, regionName] = REGIONS[i % REGIONS.length];
		return { code: code(i), name, type: TYPES[i % TYPES.length], region, regionName, dfeCode: String(900 + i), replacedBy: null, predecessors: [], measures: [], ofsted: null };
	});
	const codes = records.map((r) => r.code);
	const around = (i: number, count: number) => Array.from({ length: count }, (_, k) => codes[(i + 1 + k * 3) % codes.length]).filter((c) => c !== codes[i]);
	const onsList = Object.fromEntries(codes.map((c, i) => [c, [...around(i, 9), WELSH_PEER]]));
	const councils: CouncilsFile = {
		councils: records,
		peers: {
			'ons-global': onsList,
			'ons-economic': Object.fromEntries(codes.map((c, i) => [c, around(i + 2, 9)])),
			'ons-demographic': Object.fromEntries(codes.map((c, i) => [c, around(i + 4, 9)])),
			dfe: Object.fromEntries(codes.map((c, i) => [c, around(i + 1, 7)]))
		},
		measures: []
	};

	// Re-referrals: counts of referrals (binomial), with real spread between councils and one suppressed cell.
	const cinYears = ['2024', '2025'];
	const cinValues: CouncilValue[] = [];
	for (const [i, c] of codes.entries()) {
		for (const year of cinYears) {
			const referrals = 300 + Math.floor(random() * 6000);
			const rate = 0.12 + random() * 0.16 + (i === 3 ? 0.12 : 0);
			const rereferrals = Math.round(referrals * rate);
			const suppressed = i === 7 && year === '2025';
			cinValues.push({ code: c, year, numerator: suppressed ? null : rereferrals, denominator: suppressed ? null : referrals, value: suppressed ? null : round1((100 * rereferrals) / referrals), suppressed, published: null });
		}
	}
	const cinEngland = cinYears.map((year): CouncilValue => {
		const rows = cinValues.filter((v) => v.year === year && !v.suppressed);
		const x = rows.reduce((s, v) => s + v.numerator!, 0) + 4000;
		const n = rows.reduce((s, v) => s + v.denominator!, 0) + 20000;
		return { code: 'E92000001', year, numerator: x, denominator: n, value: round1((100 * x) / n), suppressed: false, published: null };
	});

	// Recycling: tonnes (peer-spread), one council far below the rest.
	const wasteYears = ['2021-22', '2022-23'];
	const wasteValues: CouncilValue[] = [];
	for (const [i, c] of codes.entries()) {
		for (const year of wasteYears) {
			const household = 40000 + Math.floor(random() * 120000);
			const share = i === 5 ? 0.18 : 0.36 + random() * 0.14;
			const recycled = Math.round(household * share);
			const missing = i === 11 && year === '2022-23';
			wasteValues.push({ code: c, year, numerator: missing ? null : recycled, denominator: missing ? null : household, value: missing ? null : round1((100 * recycled) / household), suppressed: false, published: null });
		}
	}
	const wasteEngland = wasteYears.map((year): CouncilValue => ({ code: 'E92000001', year, numerator: null, denominator: null, value: 41.7, suppressed: false, published: 41.7 }));

	const measures: CouncilMeasureFile[] = [
		{ measure: measure('cin-rereferrals', cinYears), england: cinEngland, values: cinValues },
		{ measure: measure('household-recycling', wasteYears), england: wasteEngland, values: wasteValues }
	];
	councils.measures = measures.map((m) => m.measure);
	for (const r of records) r.measures = measures.filter((m) => m.values.some((v) => v.code === r.code && v.value !== null)).map((m) => m.measure.id);
	return { councils, measures };
}
