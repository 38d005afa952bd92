/**
 * The fictional providers of the demonstration data. Codes cannot be real:
 * NHS trusts are 3 characters starting with Z (real trust codes start with R),
 * independent-sector providers 5 characters starting with ZN. Every name ends
 * in "(demo)".
 */
import { REGIONS, TOWNS, townByName, type RegionId, type Town } from './places.ts';

export type ProviderKind =
	| 'teaching' // all services, large
	| 'acute' // general hospital
	| 'orthopaedic' // specialist: no A&E, mostly C_110
	| 'children' // specialist: mostly X04
	| 'mental-health' // X03 only, no A&E, no inpatient survey
	| 'independent'; // independent sector: a few elective services, short waits

export interface SiteSpec {
	name: string;
	town: string;
	district: string;
	/** Street line, fictional. */
	street: string;
	subType?: 'Hospital' | 'UNKNOWN' | 'Mental Health Hospital';
}

export interface ProviderSpec {
	code: string;
	/** Mixed-case name, as in the hospital list and survey; RTT, etr and A&E use upper case. */
	name: string;
	kind: ProviderKind;
	town: string;
	/** Typical number of people on the waiting list (Part_2, all treatments) in February 2026. */
	listSize: number;
	/** Monthly change of waits in log terms: negative = waits getting shorter. */
	trend: number;
	sites: SiteSpec[];
	/** Independent sector only: whether the site appears in the hospital list. */
	listed?: boolean;
	/** True: no inpatient survey results (left out of the survey file). */
	noSurvey?: boolean;
	/** Year the trust was established (etr open date). */
	opened: string;
}

const s = (name: string, town: string, district: string, street: string, subType?: SiteSpec['subType']): SiteSpec => ({
	name, town, district, street, subType
});

export const PROVIDERS: ProviderSpec[] = [
	{ code: 'ZA1', name: 'Aireborough Valley Hospitals NHS Trust (demo)', kind: 'teaching', town: 'Leeds', listSize: 62000, trend: 0.01, opened: '19980401', sites: [
		s('Aireborough General Infirmary (demo)', 'Leeds', 'LS1', 'Infirmary Row'), s('Kirkgate Wing (demo)', 'Leeds', 'LS9', 'Wharfe Lane')] },
	{ code: 'ZA2', name: 'Calder Moor Teaching Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Leeds', listSize: 28000, trend: -0.12, opened: '20040401', sites: [
		s('Calder Moor Hospital (demo)', 'Leeds', 'LS6', 'Moorside Road'), s('Chapeltown Road Day Unit (demo)', 'Leeds', 'LS7', 'Beck Street', 'UNKNOWN')] },
	{ code: 'ZA3', name: 'Brontewell Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Bradford', listSize: 31000, trend: 0.02, opened: '20040401', sites: [
		s('Brontewell Royal Infirmary (demo)', 'Bradford', 'BD9', 'Heath Crescent'), s('Brontewell St Anne Wing (demo)', 'Bradford', 'BD1', 'Mill Gate')] },
	{ code: 'ZA4', name: 'Don Valley Teaching Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Sheffield', listSize: 54000, trend: 0.0, opened: '20040701', sites: [
		s('Don Valley North Hospital (demo)', 'Sheffield', 'S5', 'Forge Lane'), s('Don Valley Western Hospital (demo)', 'Sheffield', 'S10', 'Broomhill Rise')] },
	{ code: 'ZA5', name: 'Ouseford Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'York', listSize: 33000, trend: 0.015, opened: '20070401', sites: [
		s('Ouseford District Hospital (demo)', 'York', 'YO31', 'Minster Walk')] },
	{ code: 'ZA7', name: 'Tynebridge Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Newcastle upon Tyne', listSize: 58000, trend: -0.02, opened: '20010601', sites: [
		s('Tynebridge Royal Infirmary (demo)', 'Newcastle upon Tyne', 'NE1', 'Quayside Terrace'),
		s('Tynebridge Heaton Wing (demo)', 'Newcastle upon Tyne', 'NE7', 'Jesmond Vale Road'),
		s('Tynebridge West End Clinic (demo)', 'Newcastle upon Tyne', 'NE4', 'Elswick Bank', 'UNKNOWN')] },
	{ code: 'ZA8', name: 'Teesmere University Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Middlesbrough', listSize: 36000, trend: 0.03, opened: '20020401', sites: [
		s('Teesmere University Hospital (demo)', 'Middlesbrough', 'TS4', 'Acklam Way')] },
	{ code: 'ZB1', name: 'Irwell Cross University NHS Foundation Trust (demo)', kind: 'teaching', town: 'Manchester', listSize: 95000, trend: -0.18, opened: '20171001', sites: [
		s('Irwell Cross Royal Infirmary (demo)', 'Manchester', 'M13', 'Oxford Place'),
		s('Irwell Cross Wythenlea Hospital (demo)', 'Manchester', 'M20', 'Baguley Lane'),
		s('Irwell Cross North Hospital (demo)', 'Manchester', 'M8', 'Cheetham Brow')] },
	{ code: 'ZB2', name: 'Mersey Quay University Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Liverpool', listSize: 64000, trend: 0.04, opened: '20191001', sites: [
		s('Mersey Quay Royal Hospital (demo)', 'Liverpool', 'L7', 'Paddington Row'), s('Mersey Quay North Wing (demo)', 'Liverpool', 'L9', 'Walton Close')] },
	{ code: 'ZB3', name: 'Ribblemere Teaching Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Preston', listSize: 30000, trend: 0.0, opened: '20050401', sites: [
		s('Ribblemere Royal Hospital (demo)', 'Preston', 'PR2', 'Fulwood Lane')] },
	{ code: 'ZB4', name: 'Edenvale Hospitals NHS Trust (demo)', kind: 'acute', town: 'Carlisle', listSize: 21000, trend: 0.1, opened: '20011001', sites: [
		s('Edenvale Infirmary (demo)', 'Carlisle', 'CA1', 'Stanwix Road')] },
	{ code: 'ZC1', name: 'Rea Valley University Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Birmingham', listSize: 88000, trend: 0.02, opened: '19950401', sites: [
		s('Rea Valley University Hospital (demo)', 'Birmingham', 'B15', 'Vincent Walk'),
		s('Rea Valley East Hospital (demo)', 'Birmingham', 'B9', 'Small Heath Row'),
		s('Rea Valley City Treatment Centre (demo)', 'Birmingham', 'B1', 'Summer Row', 'UNKNOWN')] },
	{ code: 'ZC2', name: 'Lickeyford Orthopaedic Hospital NHS Foundation Trust (demo)', kind: 'orthopaedic', town: 'Birmingham', listSize: 14000, trend: 0.05, opened: '19940401', noSurvey: false, sites: [
		s('Lickeyford Orthopaedic Hospital (demo)', 'Birmingham', 'B31', 'Northfield Way')] },
	{ code: 'ZC3', name: 'Sowe Meadow University Hospitals NHS Trust (demo)', kind: 'acute', town: 'Coventry', listSize: 42000, trend: -0.01, opened: '19920401', sites: [
		s('Sowe Meadow University Hospital (demo)', 'Coventry', 'CV2', 'Walsgrave Lane')] },
	{ code: 'ZC4', name: 'Lenton Reach University Hospitals NHS Trust (demo)', kind: 'teaching', town: 'Nottingham', listSize: 61000, trend: 0.0, opened: '20060401', sites: [
		s('Lenton Reach Medical Centre Hospital (demo)', 'Nottingham', 'NG7', 'Abbey Walk'), s('Lenton Reach North Hospital (demo)', 'Nottingham', 'NG5', 'Sherwood Rise')] },
	{ code: 'ZC5', name: 'Markeaton Cross Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Derby', listSize: 37000, trend: 0.02, opened: '20040701', sites: [
		s('Markeaton Cross Royal Hospital (demo)', 'Derby', 'DE22', 'Mickleover Lane')] },
	{ code: 'ZC6', name: 'Soar Valley Hospitals NHS Trust (demo)', kind: 'teaching', town: 'Leicester', listSize: 52000, trend: 0.16, opened: '20000401', sites: [
		s('Soar Valley Royal Infirmary (demo)', 'Leicester', 'LE1', 'Welford Walk'), s('Soar Valley General Hospital (demo)', 'Leicester', 'LE5', 'Evington Row')] },
	{ code: 'ZC7', name: 'Potteries Vale University Hospitals NHS Trust (demo)', kind: 'acute', town: 'Stoke-on-Trent', listSize: 40000, trend: 0.01, opened: '20120401', sites: [
		s('Potteries Vale Royal Hospital (demo)', 'Stoke-on-Trent', 'ST4', 'Hartshill Lane')] },
	{ code: 'ZC9', name: 'Severn Marches Hospitals NHS Trust (demo)', kind: 'acute', town: 'Shrewsbury', listSize: 26000, trend: 0.03, opened: '20141001', sites: [
		s('Severn Marches Royal Hospital (demo)', 'Shrewsbury', 'SY3', 'Copthorne Rise'),
		// A name with a character outside ASCII but inside Latin-1, as Welsh hospital names have.
		s('Ysbyty Glan-y-Môr (demo)', 'Oswestry', 'SY11', 'Ffordd y Castell')] },
	{ code: 'ZD1', name: 'Granta Fen University Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Cambridge', listSize: 56000, trend: -0.01, opened: '20040701', sites: [
		s('Granta Fen Hospital (demo)', 'Cambridge', 'CB2', 'Long Walk')] },
	{ code: 'ZD2', name: 'Wensum Broads University Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Norwich', listSize: 45000, trend: 0.02, opened: '20010401', sites: [
		s('Wensum Broads University Hospital (demo)', 'Norwich', 'NR4', 'Broadland Way')] },
	{ code: 'ZD3', name: 'Orwell Estuary Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Ipswich', listSize: 29000, trend: -0.03, opened: '20200701', sites: [
		s('Orwell Estuary Hospital (demo)', 'Ipswich', 'IP4', 'Heath Lane')] },
	{ code: 'ZE1', name: 'Thameside Royal Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'London', listSize: 84000, trend: 0.0, opened: '19930401', sites: [
		s("Thameside St Aldhelm's Hospital (demo)", 'London', 'SE1', 'Riverside Walk'), s('Thameside Camberwell Wing (demo)', 'London', 'SE5', 'Grove Row')] },
	{ code: 'ZE2', name: 'Fleetbrook University Hospitals NHS Trust (demo)', kind: 'teaching', town: 'London', listSize: 76000, trend: 0.05, opened: '19940401', sites: [
		s('Fleetbrook East Wing (demo)', 'London', 'E1', 'Stepney Yard'), s('Fleetbrook Islington Hospital (demo)', 'London', 'N1', 'Angel Mews')] },
	{ code: 'ZE3', name: "Westbourne Children's Hospital NHS Foundation Trust (demo)", kind: 'children', town: 'London', listSize: 18000, trend: 0.02, opened: '19940401', noSurvey: true, sites: [
		s("Westbourne Children's Hospital (demo)", 'London', 'W2', 'Sussex Row')] },
	{ code: 'ZE4', name: 'Heathgate Mental Health NHS Foundation Trust (demo)', kind: 'mental-health', town: 'London', listSize: 1600, trend: 0.0, opened: '20020401', noSurvey: true, sites: [
		s('Heathgate Centre for Mental Health (demo)', 'London', 'NW3', 'Rosslyn Mews', 'Mental Health Hospital')] },
	{ code: 'ZF1', name: 'Isis Meadows University Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Oxford', listSize: 59000, trend: -0.02, opened: '20150101', sites: [
		s('Isis Meadows Headington Hospital (demo)', 'Oxford', 'OX3', 'Cherwell Way'), s('Isis Meadows Cancer Centre (demo)', 'Oxford', 'OX3', 'Lye Valley Row')] },
	{ code: 'ZF2', name: 'Kennet Loddon Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Reading', listSize: 34000, trend: 0.0, opened: '20060601', sites: [
		s('Kennet Loddon Hospital (demo)', 'Reading', 'RG1', 'Kendrick Row')] },
	{ code: 'ZF3', name: 'Itchen Solent University Hospital NHS Foundation Trust (demo)', kind: 'teaching', town: 'Southampton', listSize: 50000, trend: 0.01, opened: '20111001', sites: [
		s('Itchen Solent General Hospital (demo)', 'Southampton', 'SO16', 'Shirley Lane')] },
	{ code: 'ZF4', name: 'Downsview Sussex Hospitals NHS Trust (demo)', kind: 'acute', town: 'Brighton', listSize: 43000, trend: 0.03, opened: '20210401', noSurvey: true, sites: [
		s('Downsview County Hospital (demo)', 'Brighton', 'BN2', 'Kemp Rise')] },
	{ code: 'ZG1', name: 'Avonmouth Gorge University Hospitals NHS Foundation Trust (demo)', kind: 'teaching', town: 'Bristol', listSize: 57000, trend: -0.04, opened: '20200401', sites: [
		s('Avonmouth Gorge Royal Infirmary (demo)', 'Bristol', 'BS2', 'Kingsdown Row'), s('Avonmouth Gorge North Bristol Wing (demo)', 'Bristol', 'BS10', 'Westbury Lane')] },
	{ code: 'ZG3', name: 'Exe Estuary Royal Hospitals NHS Foundation Trust (demo)', kind: 'acute', town: 'Exeter', listSize: 47000, trend: 0.02, opened: '19930401', sites: [
		s('Exe Estuary Hospital (demo)', 'Exeter', 'EX2', 'Topsham Row')] },
	{ code: 'ZG4', name: 'Tamar Sound Hospitals NHS Trust (demo)', kind: 'acute', town: 'Plymouth', listSize: 39000, trend: 0.07, opened: '19930401', sites: [
		s('Tamar Sound Hospital (demo)', 'Plymouth', 'PL6', 'Tamerton Way')] },
	{ code: 'ZG5', name: 'Fal River Hospitals NHS Trust (demo)', kind: 'acute', town: 'Truro', listSize: 32000, trend: 0.0, opened: '19910401', sites: [
		s('Fal River Hospital (demo)', 'Truro', 'TR1', 'Trelander Lane')] },
	// Independent sector: 5-character codes starting ZN. ZN003 has no site in the hospital list (unlocated).
	{ code: 'ZN001', name: 'Chevin Park Independent Treatment Centre (demo)', kind: 'independent', town: 'Leeds', listSize: 2600, trend: -0.02, opened: '20100401', listed: true, sites: [
		s('Chevin Park Independent Treatment Centre (demo)', 'Leeds', 'LS2', 'Clarendon Row')] },
	{ code: 'ZN002', name: 'Edgbaston Vale Clinic (demo)', kind: 'independent', town: 'Birmingham', listSize: 1900, trend: 0.0, opened: '20120401', listed: true, sites: [
		s('Edgbaston Vale Clinic (demo)', 'Birmingham', 'B15', 'Priory Row')] },
	{ code: 'ZN003', name: 'Riverside Day Surgery Limited (demo)', kind: 'independent', town: 'London', listSize: 700, trend: 0.01, opened: '20150401', listed: false, sites: [] }
];

/** A trust that closed (merged): in etr.csv with a close date, in no other file. */
export const CLOSED_TRUST = {
	code: 'ZH9',
	name: 'Old Mill Lane Hospitals NHS Trust (demo)',
	town: 'Bradford',
	district: 'BD1',
	opened: '19930401',
	closed: '20230331'
};

/** Independent-sector parent organisation in the hospital list. */
export const INDEPENDENT_PARENT = { code: 'ZN0', name: 'Demo Independent Healthcare Ltd (demo)' };

export const NHS_TRUSTS = PROVIDERS.filter((p) => p.kind !== 'independent');

export function providerTown(p: ProviderSpec): Town {
	return townByName(p.town);
}

export function providerRegion(p: ProviderSpec): RegionId {
	return providerTown(p).region;
}

/** Trusts with a type 1 (major) A&E department. */
export function hasType1Ae(p: ProviderSpec): boolean {
	return p.kind === 'teaching' || p.kind === 'acute' || p.kind === 'children';
}

// Sanity: every site district exists in the towns list.
for (const p of PROVIDERS) {
	for (const site of p.sites) {
		const town = TOWNS.find((t) => t.name === site.town);
		if (!town || !town.districts.some((x) => x.district === site.district)) {
			throw new Error(`site ${site.name}: district ${site.district} is not in ${site.town}`);
		}
	}
	if (!REGIONS[providerRegion(p)]) throw new Error(`no region for ${p.code}`);
}
