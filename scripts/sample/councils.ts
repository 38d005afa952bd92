/**
 * The made-up councils of the demonstration data: counties with districts, unitaries,
 * metropolitan districts and London boroughs, each serving some of the demonstration's
 * postcode districts (scripts/sample/places.ts). Codes sit in ONS-shaped ranges no real
 * council uses (E0x9xxxxx); DfE numbers are 951 onwards, which DfE does not use.
 * Region codes are the real E12 regions: regions are not councils.
 */
import type { CouncilType } from '../../src/lib/schema/council.ts';
import type { DemoCouncil } from './demo-councils-types.ts';

export type { DemoCouncil };

const REGION_NAMES: Record<string, string> = {
	E12000001: 'North East',
	E12000002: 'North West',
	E12000003: 'Yorkshire and The Humber',
	E12000004: 'East Midlands',
	E12000005: 'West Midlands',
	E12000006: 'East of England',
	E12000007: 'London',
	E12000008: 'South East',
	E12000009: 'South West'
};

const PREFIX: Record<CouncilType, string> = { unitary: 'E069', district: 'E079', metropolitan: 'E089', london: 'E099', county: 'E109' };

/** [name, type, region, county name or null, postcode districts served] */
type Row = [string, CouncilType, string, string | null, string[]];

const ROWS: Row[] = [
	['Airedale', 'metropolitan', 'E12000003', null, ['LS1', 'LS2', 'LS6', 'LS7', 'LS9']],
	['Wharfe Bridge', 'metropolitan', 'E12000003', null, ['BD1', 'BD9']],
	['Don Valley', 'metropolitan', 'E12000003', null, ['S1', 'S10', 'S5']],
	['Irwell', 'metropolitan', 'E12000002', null, ['M1', 'M13', 'M20', 'M8']],
	['Mersey Reach', 'metropolitan', 'E12000002', null, ['L1', 'L7', 'L9']],
	['North Tyneside Vale', 'metropolitan', 'E12000001', null, ['NE1', 'NE4', 'NE7']],
	['Rea Valley', 'metropolitan', 'E12000005', null, ['B1', 'B15', 'B9', 'B31']],
	['Sowe Vale', 'metropolitan', 'E12000005', null, ['CV1', 'CV2']],
	['Humber Mouth', 'unitary', 'E12000003', null, ['HU1', 'HU3']],
	['Teesmouth', 'unitary', 'E12000001', null, ['TS1', 'TS4']],
	['Ouse Minster', 'unitary', 'E12000003', null, ['YO1', 'YO31']],
	['Trent Bridge', 'unitary', 'E12000004', null, ['NG1', 'NG7', 'NG5']],
	['Derwent Mills', 'unitary', 'E12000004', null, ['DE1', 'DE22']],
	['Soar Valley', 'unitary', 'E12000004', null, ['LE1', 'LE5']],
	['The Potteries', 'unitary', 'E12000005', null, ['ST1', 'ST4']],
	['Severn Marches', 'unitary', 'E12000005', null, ['SY1', 'SY3', 'SY11']],
	['Kennet Vale', 'unitary', 'E12000008', null, ['RG1', 'RG2']],
	['Itchen Water', 'unitary', 'E12000008', null, ['SO14', 'SO16']],
	['Downs and Sea', 'unitary', 'E12000008', null, ['BN1', 'BN2']],
	['Avon Harbour', 'unitary', 'E12000009', null, ['BS1', 'BS2', 'BS10']],
	['Tamar Sound', 'unitary', 'E12000009', null, ['PL1', 'PL4', 'PL6']],
	['Kernow West', 'unitary', 'E12000009', null, ['TR1']],
	['Westbank', 'london', 'E12000007', null, ['SW1A', 'W2', 'NW3']],
	['Eastgate', 'london', 'E12000007', null, ['E1', 'N1']],
	['Southbank', 'london', 'E12000007', null, ['SE1', 'SE5']],
	['Northfell County', 'county', 'E12000002', null, []],
	['Ribble Moss', 'district', 'E12000002', 'Northfell County', ['PR1', 'PR2']],
	['Eden Fell', 'district', 'E12000002', 'Northfell County', ['CA1']],
	['Eastmarsh County', 'county', 'E12000006', null, []],
	['Granta Vale', 'district', 'E12000006', 'Eastmarsh County', ['CB1', 'CB2', 'CB4']],
	['Broadland Reach', 'district', 'E12000006', 'Eastmarsh County', ['NR1', 'NR4']],
	['Orwell Heath', 'district', 'E12000006', 'Eastmarsh County', ['IP1', 'IP4']],
	['Westwold County', 'county', 'E12000009', null, []],
	['Severn Wold', 'district', 'E12000009', 'Westwold County', ['GL1', 'GL4']],
	['Exe Valley', 'district', 'E12000009', 'Westwold County', ['EX1', 'EX2']],
	['Fenwold County', 'county', 'E12000004', null, []],
	['Witham Heath', 'district', 'E12000004', 'Fenwold County', ['LN1', 'LN2']],
	['Cherwell County', 'county', 'E12000008', null, []],
	['Isis Vale', 'district', 'E12000008', 'Cherwell County', ['OX1', 'OX3', 'OX4']]
];

function build(): { councils: DemoCouncil[]; postcodeDistricts: Map<string, string[]> } {
	const counters: Record<string, number> = {};
	const codeOf = new Map<string, string>();
	let dfe = 950;
	const councils: DemoCouncil[] = ROWS.map(([name, type, region]) => {
		counters[type] = (counters[type] ?? 0) + 1;
		const code = `${PREFIX[type]}${String(counters[type]).padStart(5, '0')}`;
		codeOf.set(name, code);
		return { code, name, type, region, regionName: REGION_NAMES[region], dfeCode: type === 'district' ? null : String(++dfe), county: null };
	});
	ROWS.forEach(([, , , county], i) => (councils[i].county = county ? codeOf.get(county)! : null));
	const postcodeDistricts = new Map(ROWS.map(([name, , , , districts]) => [codeOf.get(name)!, districts]));
	return { councils, postcodeDistricts };
}

const BUILT = build();

export const DEMO_COUNCILS: readonly DemoCouncil[] = BUILT.councils;

/** The postcode districts each demonstration council serves (none for a county: its districts do). */
export const DEMO_COUNCIL_POSTCODE_DISTRICTS: ReadonlyMap<string, readonly string[]> = BUILT.postcodeDistricts;

/** Councils that run children's services (and adult social care): all but districts. */
export const upperTier = (councils: readonly DemoCouncil[]) => councils.filter((c) => c.type !== 'district');
