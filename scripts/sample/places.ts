/**
 * Real towns and postcode districts of England, with approximate centres typed
 * from general knowledge (not taken from any data file). The demonstration
 * providers are placed here; sector centroids are generated around each district.
 */
import { Rng } from './random.ts';

export type RegionId = 'NEY' | 'NW' | 'MID' | 'EAST' | 'LON' | 'SE' | 'SW';

export interface Region {
	id: RegionId;
	/** ODS national grouping code (public code list). */
	nationalGrouping: string;
	/** How NHS England regions appear in the A&E files' `Parent Org` (some with a trailing space, as published). */
	aeParent: string;
	/** Letter in the etr file's 24th field. */
	etrLetter: string;
	/** Fictional integrated care board and sub-ICB commissioner for the demonstration. */
	icbCode: string;
	icbName: string;
	commissionerCode: string;
	commissionerName: string;
	/** Region whose commissioner sends a few patients to this region's providers. */
	neighbour: RegionId;
}

export const REGIONS: Record<RegionId, Region> = {
	NEY: {
		id: 'NEY', nationalGrouping: 'Y63', aeParent: 'NHS ENGLAND NORTH EAST AND YORKSHIRE ', etrLetter: 'D',
		icbCode: 'ZQA', icbName: 'NHS NORTHERN DALES INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z1A', commissionerName: 'NHS NORTHERN DALES (SUB ICB LOCATION) (DEMO)', neighbour: 'NW'
	},
	NW: {
		id: 'NW', nationalGrouping: 'Y62', aeParent: 'NHS ENGLAND NORTH WEST ', etrLetter: 'B',
		icbCode: 'ZQB', icbName: 'NHS WESTERN FELLS AND MERSEYSIDE INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z2A', commissionerName: 'NHS WESTERN FELLS (SUB ICB LOCATION) (DEMO)', neighbour: 'NEY'
	},
	MID: {
		id: 'MID', nationalGrouping: 'Y60', aeParent: 'NHS ENGLAND MIDLANDS ', etrLetter: 'F',
		icbCode: 'ZQC', icbName: 'NHS HEART OF THE SHIRES INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z3A', commissionerName: 'NHS HEART OF THE SHIRES (SUB ICB LOCATION) (DEMO)', neighbour: 'NW'
	},
	EAST: {
		id: 'EAST', nationalGrouping: 'Y61', aeParent: 'NHS ENGLAND EAST OF ENGLAND ', etrLetter: 'G',
		icbCode: 'ZQD', icbName: 'NHS FENS AND BROADS INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z4A', commissionerName: 'NHS FENS AND BROADS (SUB ICB LOCATION) (DEMO)', neighbour: 'LON'
	},
	LON: {
		id: 'LON', nationalGrouping: 'Y56', aeParent: 'NHS ENGLAND LONDON', etrLetter: 'H',
		icbCode: 'ZQE', icbName: 'NHS RIVERSIDE LONDON INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z5A', commissionerName: 'NHS RIVERSIDE LONDON (SUB ICB LOCATION) (DEMO)', neighbour: 'SE'
	},
	SE: {
		id: 'SE', nationalGrouping: 'Y59', aeParent: 'NHS ENGLAND SOUTH EAST ', etrLetter: 'J',
		icbCode: 'ZQF', icbName: 'NHS DOWNS AND CHILTERNS INTEGRATED CARE BOARD (DEMO)',
		commissionerCode: 'Z6A', commissionerName: 'NHS DOWNS AND CHILTERNS (SUB ICB LOCATION) (DEMO)', neighbour: 'LON'
	},
	SW: {
		id: 'SW', nationalGrouping: 'Y58', aeParent: 'NHS ENGLAND SOUTH WEST ', etrLetter: 'K',
		icbCode: 'ZQG', icbName: 'NHS WESSEX MOORS INTEGRATED CARE BOARD (DEMO)',
		// A comma inside a name, as in several real commissioner names: the CSV must quote it.
		commissionerCode: 'Z7A', commissionerName: 'NHS AVON, TAMAR AND EXE (SUB ICB LOCATION) (DEMO)', neighbour: 'MID'
	}
};

export interface DistrictSeed {
	district: string;
	lat: number;
	lon: number;
	/** Sector digits used in the demonstration (2–5 per district). */
	sectors: number[];
}

export interface Town {
	name: string;
	county: string;
	region: RegionId;
	/** Town centre, typed from general knowledge. */
	lat: number;
	lon: number;
	/** Start of a fictional phone number: Ofcom's drama ranges where the area has one, else 01632 960. */
	phonePrefix: string;
	districts: DistrictSeed[];
}

const d = (district: string, lat: number, lon: number, sectors: number[]): DistrictSeed => ({
	district, lat, lon, sectors
});

export const TOWNS: Town[] = [
	{ name: 'Leeds', county: 'West Yorkshire', region: 'NEY', lat: 53.7997, lon: -1.5492, phonePrefix: '0113 496 0', districts: [
		d('LS1', 53.797, -1.549, [1, 2, 3, 4, 5]), d('LS2', 53.8035, -1.545, [3, 7, 8, 9]),
		d('LS6', 53.8185, -1.575, [1, 2, 3, 4]), d('LS7', 53.826, -1.533, [1, 2, 3, 4]), d('LS9', 53.799, -1.513, [0, 6, 7, 9])] },
	{ name: 'Bradford', county: 'West Yorkshire', region: 'NEY', lat: 53.796, lon: -1.7594, phonePrefix: '01632 960', districts: [
		d('BD1', 53.794, -1.754, [1, 2, 3, 4, 5]), d('BD9', 53.808, -1.792, [4, 5, 6])] },
	{ name: 'Sheffield', county: 'South Yorkshire', region: 'NEY', lat: 53.3811, lon: -1.4701, phonePrefix: '0114 496 0', districts: [
		d('S1', 53.38, -1.472, [1, 2, 3, 4]), d('S10', 53.378, -1.513, [1, 2, 3, 5]), d('S5', 53.42, -1.458, [6, 7, 8, 9])] },
	{ name: 'York', county: 'North Yorkshire', region: 'NEY', lat: 53.96, lon: -1.0873, phonePrefix: '01632 960', districts: [
		d('YO1', 53.959, -1.082, [6, 7, 8, 9]), d('YO31', 53.972, -1.077, [0, 7, 8, 9])] },
	// Hull has districts but no demonstration provider: no provider within 25 miles.
	{ name: 'Hull', county: 'East Riding of Yorkshire', region: 'NEY', lat: 53.7676, lon: -0.3274, phonePrefix: '01632 960', districts: [
		d('HU1', 53.744, -0.334, [1, 2, 3]), d('HU3', 53.742, -0.36, [1, 2, 3, 6])] },
	{ name: 'Newcastle upon Tyne', county: 'Tyne and Wear', region: 'NEY', lat: 54.9783, lon: -1.6178, phonePrefix: '0191 498 0', districts: [
		d('NE1', 54.973, -1.614, [1, 3, 4, 5, 7]), d('NE4', 54.97, -1.642, [5, 6, 7, 8]), d('NE7', 55.002, -1.58, [7])] },
	{ name: 'Middlesbrough', county: 'North Yorkshire', region: 'NEY', lat: 54.5742, lon: -1.235, phonePrefix: '01632 960', districts: [
		d('TS1', 54.572, -1.236, [1, 2, 3, 4]), d('TS4', 54.556, -1.215, [2, 3])] },
	{ name: 'Manchester', county: 'Greater Manchester', region: 'NW', lat: 53.4794, lon: -2.2453, phonePrefix: '0161 496 0', districts: [
		d('M1', 53.478, -2.234, [1, 2, 3, 4, 5]), d('M13', 53.46, -2.225, [0, 9]),
		d('M20', 53.425, -2.23, [2, 4, 5, 6]), d('M8', 53.511, -2.238, [0, 4, 5, 8])] },
	{ name: 'Liverpool', county: 'Merseyside', region: 'NW', lat: 53.4084, lon: -2.9916, phonePrefix: '0151 496 0', districts: [
		d('L1', 53.402, -2.982, [0, 1, 2, 3, 4]), d('L7', 53.408, -2.958, [0, 2, 3, 7, 8]), d('L9', 53.466, -2.945, [0, 1, 5, 7])] },
	{ name: 'Preston', county: 'Lancashire', region: 'NW', lat: 53.7632, lon: -2.7031, phonePrefix: '01632 960', districts: [
		d('PR1', 53.762, -2.701, [1, 2, 3, 4, 5]), d('PR2', 53.785, -2.71, [1, 2, 3, 9])] },
	{ name: 'Carlisle', county: 'Cumbria', region: 'NW', lat: 54.8925, lon: -2.9329, phonePrefix: '01632 960', districts: [
		d('CA1', 54.89, -2.92, [1, 2, 3])] },
	{ name: 'Birmingham', county: 'West Midlands', region: 'MID', lat: 52.4814, lon: -1.8998, phonePrefix: '0121 496 0', districts: [
		d('B1', 52.48, -1.908, [1, 2, 3]), d('B15', 52.462, -1.927, [1, 2, 3]),
		d('B9', 52.475, -1.85, [4, 5]), d('B31', 52.41, -1.99, [1, 2, 3, 4, 5])] },
	{ name: 'Coventry', county: 'West Midlands', region: 'MID', lat: 52.4068, lon: -1.5197, phonePrefix: '01632 960', districts: [
		d('CV1', 52.408, -1.51, [1, 2, 3, 4, 5]), d('CV2', 52.422, -1.462, [1, 2, 3, 4, 5])] },
	{ name: 'Nottingham', county: 'Nottinghamshire', region: 'MID', lat: 52.9548, lon: -1.1581, phonePrefix: '0115 496 0', districts: [
		d('NG1', 52.954, -1.148, [1, 2, 3, 4, 5]), d('NG7', 52.945, -1.183, [1, 2, 3, 4, 5]), d('NG5', 52.99, -1.152, [1, 2, 3, 4])] },
	{ name: 'Derby', county: 'Derbyshire', region: 'MID', lat: 52.9225, lon: -1.4746, phonePrefix: '01632 960', districts: [
		d('DE1', 52.92, -1.478, [1, 2, 3]), d('DE22', 52.915, -1.515, [1, 2, 3, 4])] },
	{ name: 'Leicester', county: 'Leicestershire', region: 'MID', lat: 52.6369, lon: -1.1398, phonePrefix: '0116 496 0', districts: [
		d('LE1', 52.635, -1.133, [1, 3, 5, 6, 7]), d('LE5', 52.64, -1.09, [0, 1, 3, 4, 6])] },
	{ name: 'Stoke-on-Trent', county: 'Staffordshire', region: 'MID', lat: 53.0027, lon: -2.1794, phonePrefix: '01632 960', districts: [
		d('ST1', 53.023, -2.178, [1, 2, 3, 4]), d('ST4', 52.995, -2.195, [1, 4, 6, 7, 8])] },
	// Lincoln has districts but no demonstration provider.
	{ name: 'Lincoln', county: 'Lincolnshire', region: 'MID', lat: 53.2307, lon: -0.5406, phonePrefix: '01632 960', districts: [
		d('LN1', 53.235, -0.55, [1, 2, 3]), d('LN2', 53.24, -0.53, [1, 2, 4, 5])] },
	{ name: 'Shrewsbury', county: 'Shropshire', region: 'MID', lat: 52.7073, lon: -2.7553, phonePrefix: '01632 960', districts: [
		d('SY1', 52.715, -2.745, [1, 2, 3, 4]), d('SY3', 52.7, -2.78, [7, 8, 9])] },
	{ name: 'Oswestry', county: 'Shropshire', region: 'MID', lat: 52.86, lon: -3.054, phonePrefix: '01632 960', districts: [
		d('SY11', 52.86, -3.055, [1, 2, 3, 4])] },
	{ name: 'Cambridge', county: 'Cambridgeshire', region: 'EAST', lat: 52.2053, lon: 0.1218, phonePrefix: '01632 960', districts: [
		d('CB1', 52.2, 0.14, [1, 2, 3, 7]), d('CB2', 52.19, 0.125, [0, 1, 7, 8]), d('CB4', 52.225, 0.125, [1, 2, 3])] },
	{ name: 'Norwich', county: 'Norfolk', region: 'EAST', lat: 52.6309, lon: 1.2974, phonePrefix: '01632 960', districts: [
		d('NR1', 52.625, 1.3, [1, 2, 3, 4]), d('NR4', 52.615, 1.25, [6, 7])] },
	{ name: 'Ipswich', county: 'Suffolk', region: 'EAST', lat: 52.0567, lon: 1.1482, phonePrefix: '01632 960', districts: [
		d('IP1', 52.06, 1.145, [1, 2, 3, 4]), d('IP4', 52.06, 1.175, [1, 2, 3, 5])] },
	{ name: 'London', county: 'Greater London', region: 'LON', lat: 51.5074, lon: -0.1278, phonePrefix: '020 7946 0', districts: [
		d('SW1A', 51.502, -0.135, [0, 1, 2]), d('E1', 51.517, -0.06, [1, 2, 4, 6, 7]),
		d('N1', 51.538, -0.098, [0, 1, 2, 7, 9]), d('SE1', 51.5, -0.095, [1, 2, 3, 7, 9]),
		d('W2', 51.515, -0.18, [1, 2, 3, 4]), d('NW3', 51.553, -0.17, [2, 4, 5]), d('SE5', 51.474, -0.093, [0, 7, 8, 9])] },
	{ name: 'Oxford', county: 'Oxfordshire', region: 'SE', lat: 51.752, lon: -1.2577, phonePrefix: '01632 960', districts: [
		d('OX1', 51.75, -1.26, [1, 2, 3, 4]), d('OX3', 51.76, -1.215, [7, 8, 9]), d('OX4', 51.735, -1.22, [1, 2, 3, 4])] },
	{ name: 'Reading', county: 'Berkshire', region: 'SE', lat: 51.4543, lon: -0.9781, phonePrefix: '0118 496 0', districts: [
		d('RG1', 51.453, -0.97, [1, 2, 3, 4, 5]), d('RG2', 51.43, -0.96, [0, 7, 8, 9])] },
	{ name: 'Southampton', county: 'Hampshire', region: 'SE', lat: 50.9097, lon: -1.4044, phonePrefix: '01632 960', districts: [
		d('SO14', 50.905, -1.4, [0, 1, 2, 3]), d('SO16', 50.93, -1.435, [0, 4, 6, 7])] },
	{ name: 'Brighton', county: 'East Sussex', region: 'SE', lat: 50.8225, lon: -0.1372, phonePrefix: '01632 960', districts: [
		d('BN1', 50.83, -0.14, [1, 3, 4, 5, 6]), d('BN2', 50.825, -0.11, [0, 1, 3, 5])] },
	{ name: 'Bristol', county: 'Bristol', region: 'SW', lat: 51.4545, lon: -2.5879, phonePrefix: '0117 496 0', districts: [
		d('BS1', 51.454, -2.593, [1, 2, 3, 4, 5]), d('BS2', 51.462, -2.585, [0, 8, 9]), d('BS10', 51.505, -2.6, [5, 6, 7])] },
	// Gloucester has districts but no demonstration provider.
	{ name: 'Gloucester', county: 'Gloucestershire', region: 'SW', lat: 51.8642, lon: -2.2382, phonePrefix: '01632 960', districts: [
		d('GL1', 51.863, -2.24, [1, 2, 3, 4]), d('GL4', 51.845, -2.21, [0, 4, 6])] },
	{ name: 'Exeter', county: 'Devon', region: 'SW', lat: 50.7184, lon: -3.5339, phonePrefix: '01632 960', districts: [
		d('EX1', 50.725, -3.525, [1, 2, 3]), d('EX2', 50.715, -3.52, [4, 5, 6, 7])] },
	{ name: 'Plymouth', county: 'Devon', region: 'SW', lat: 50.3755, lon: -4.1427, phonePrefix: '01632 960', districts: [
		d('PL1', 50.37, -4.142, [1, 2, 3, 4]), d('PL4', 50.375, -4.125, [6, 7, 8]), d('PL6', 50.415, -4.115, [5, 6, 7, 8])] },
	{ name: 'Truro', county: 'Cornwall', region: 'SW', lat: 50.2632, lon: -5.051, phonePrefix: '01632 960', districts: [
		d('TR1', 50.265, -5.05, [1, 2, 3])] }
];

export function townByName(name: string): Town {
	const town = TOWNS.find((t) => t.name === name);
	if (!town) throw new Error(`unknown town ${name}`);
	return town;
}

export interface SectorCentroid {
	sector: string; // 'LS1 4'
	district: string;
	lat: number;
	lon: number;
	postcodes: number;
}

export interface DistrictCentroid {
	district: string;
	lat: number;
	lon: number;
	postcodes: number;
}

export interface Geography {
	sectors: SectorCentroid[];
	districts: DistrictCentroid[];
}

/**
 * Sector centroids scattered within about a kilometre of each typed district
 * centre; district centroids are the postcode-weighted mean of their sectors,
 * as a centroid computed from individual postcodes would be.
 */
export function buildGeography(seed: number): Geography {
	const rng = Rng.for(seed, 'geography');
	const sectors: SectorCentroid[] = [];
	const districts: DistrictCentroid[] = [];
	for (const town of TOWNS) {
		for (const seedDistrict of town.districts) {
			let sumLat = 0;
			let sumLon = 0;
			let total = 0;
			for (const digit of seedDistrict.sectors) {
				const postcodes = rng.int(25, 420);
				const lat = round5(seedDistrict.lat + rng.uniform(-0.007, 0.007));
				const lon = round5(seedDistrict.lon + rng.uniform(-0.011, 0.011));
				sectors.push({ sector: `${seedDistrict.district} ${digit}`, district: seedDistrict.district, lat, lon, postcodes });
				sumLat += lat * postcodes;
				sumLon += lon * postcodes;
				total += postcodes;
			}
			districts.push({
				district: seedDistrict.district,
				lat: round5(sumLat / total),
				lon: round5(sumLon / total),
				postcodes: total
			});
		}
	}
	const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	sectors.sort((a, b) => order(a.sector, b.sector));
	districts.sort((a, b) => order(a.district, b.district));
	return { sectors, districts };
}

export function round5(x: number): number {
	return Math.round(x * 1e5) / 1e5;
}

/** Great-circle distance in miles. */
export function milesBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const rad = Math.PI / 180;
	const dLat = (lat2 - lat1) * rad;
	const dLon = (lon2 - lon1) * rad;
	const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 3958.8 * Math.asin(Math.sqrt(a));
}

/** Geography files in the derived layout `sector,latitude,longitude,postcodes` (LF, 5 decimals). */
export function sectorsCsv(geo: Geography): string {
	const lines = ['sector,latitude,longitude,postcodes'];
	for (const s of geo.sectors) lines.push(`${s.sector},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.postcodes}`);
	return lines.join('\n') + '\n';
}

export function districtsCsv(geo: Geography): string {
	const lines = ['district,latitude,longitude,postcodes'];
	for (const s of geo.districts) lines.push(`${s.district},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.postcodes}`);
	return lines.join('\n') + '\n';
}
