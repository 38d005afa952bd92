/**
 * English council codes that have gone since 2013, and what took their place: the
 * reorganisations (Dorset and BCP, Suffolk and Somerset West and Taunton 2019,
 * Buckinghamshire 2020, North/West Northamptonshire 2021, Cumberland, Westmorland and
 * Furness, North Yorkshire and Somerset 2023) and pure re-codings after boundary changes.
 *
 * The table is used to name a council's predecessors, to say where an abolished code's
 * figures end, and to move Code-Point's 2014 postcode codes to today's councils. It is
 * never used to add one code's figures to another's: a successor's history starts with
 * its own code.
 */

export interface Reorganisation {
	code: string;
	name: string;
	/** The council(s) that took over (several when a county was split). */
	successors: string[];
	/** Year the change took effect (1 April). */
	year: number;
}

const BCP = 'E06000058';
const DORSET = 'E06000059';
const BUCKS = 'E06000060';
const NORTH_NORTHANTS = 'E06000061';
const WEST_NORTHANTS = 'E06000062';
const CUMBERLAND = 'E06000063';
const WESTMORLAND = 'E06000064';
const NORTH_YORKS = 'E06000065';
const SOMERSET = 'E06000066';
const SOMERSET_WEST_TAUNTON = 'E07000246';

const merged = (year: number, successor: string | string[], councils: [string, string][]): Reorganisation[] =>
	councils.map(([code, name]) => ({ code, name, successors: Array.isArray(successor) ? successor : [successor], year }));

export const REORGANISATIONS: readonly Reorganisation[] = [
	// Re-codings after boundary changes: the same council under a new code.
	...merged(2013, 'E08000037', [['E08000020', 'Gateshead']]),
	...merged(2013, 'E06000057', [['E06000048', 'Northumberland']]),
	...merged(2014, 'E07000240', [['E07000100', 'St Albans']]),
	...merged(2014, 'E07000241', [['E07000104', 'Welwyn Hatfield']]),
	...merged(2014, 'E07000242', [['E07000097', 'East Hertfordshire']]),
	...merged(2014, 'E07000243', [['E07000101', 'Stevenage']]),
	// The Barnsley–Sheffield boundary change gave both councils new codes.
	...merged(2024, 'E08000038', [['E08000016', 'Barnsley']]),
	...merged(2024, 'E08000039', [['E08000019', 'Sheffield']]),
	// 2019
	...merged(2019, BCP, [['E06000028', 'Bournemouth'], ['E06000029', 'Poole'], ['E07000048', 'Christchurch']]),
	...merged(2019, DORSET, [
		['E10000009', 'Dorset County Council'], ['E07000049', 'East Dorset'], ['E07000050', 'North Dorset'],
		['E07000051', 'Purbeck'], ['E07000052', 'West Dorset'], ['E07000053', 'Weymouth and Portland']
	]),
	...merged(2019, 'E07000244', [['E07000205', 'Suffolk Coastal'], ['E07000206', 'Waveney']]),
	...merged(2019, 'E07000245', [['E07000201', 'Forest Heath'], ['E07000204', 'St Edmundsbury']]),
	...merged(2019, SOMERSET_WEST_TAUNTON, [['E07000190', 'Taunton Deane'], ['E07000191', 'West Somerset']]),
	// 2020
	...merged(2020, BUCKS, [
		['E10000002', 'Buckinghamshire County Council'], ['E07000004', 'Aylesbury Vale'], ['E07000005', 'Chiltern'],
		['E07000006', 'South Bucks'], ['E07000007', 'Wycombe']
	]),
	// 2021
	...merged(2021, [NORTH_NORTHANTS, WEST_NORTHANTS], [['E10000021', 'Northamptonshire County Council']]),
	...merged(2021, NORTH_NORTHANTS, [['E07000150', 'Corby'], ['E07000152', 'East Northamptonshire'], ['E07000153', 'Kettering'], ['E07000156', 'Wellingborough']]),
	...merged(2021, WEST_NORTHANTS, [['E07000151', 'Daventry'], ['E07000154', 'Northampton'], ['E07000155', 'South Northamptonshire']]),
	// 2023
	...merged(2023, [CUMBERLAND, WESTMORLAND], [['E10000006', 'Cumbria County Council']]),
	...merged(2023, CUMBERLAND, [['E07000026', 'Allerdale'], ['E07000028', 'Carlisle'], ['E07000029', 'Copeland']]),
	...merged(2023, WESTMORLAND, [['E07000027', 'Barrow-in-Furness'], ['E07000030', 'Eden'], ['E07000031', 'South Lakeland']]),
	...merged(2023, NORTH_YORKS, [
		['E10000023', 'North Yorkshire County Council'], ['E07000163', 'Craven'], ['E07000164', 'Hambleton'], ['E07000165', 'Harrogate'],
		['E07000166', 'Richmondshire'], ['E07000167', 'Ryedale'], ['E07000168', 'Scarborough'], ['E07000169', 'Selby']
	]),
	...merged(2023, SOMERSET, [
		['E10000027', 'Somerset County Council'], ['E07000187', 'Mendip'], ['E07000188', 'Sedgemoor'],
		['E07000189', 'South Somerset'], [SOMERSET_WEST_TAUNTON, 'Somerset West and Taunton']
	])
];

const BY_CODE = new Map(REORGANISATIONS.map((r) => [r.code, r]));

/** The direct replacement of an abolished or re-coded council; null for a council that still exists. */
export function replacementOf(code: string, table: readonly Reorganisation[] = REORGANISATIONS): { codes: string[]; year: number } | null {
	const r = table === REORGANISATIONS ? BY_CODE.get(code) : table.find((t) => t.code === code);
	return r ? { codes: [...r.successors], year: r.year } : null;
}

/** Today's council(s) for a code, following every change (Taunton Deane → Somerset West and Taunton → Somerset). */
export function currentCodesOf(code: string, table: readonly Reorganisation[] = REORGANISATIONS): string[] {
	const out: string[] = [];
	const visit = (c: string, depth: number) => {
		const r = replacementOf(c, table);
		if (!r || depth > 10) {
			if (!out.includes(c)) out.push(c);
			return;
		}
		for (const s of r.codes) visit(s, depth + 1);
	};
	visit(code, 0);
	return out;
}

/** The councils a code directly replaced, oldest change first, so a page can name where its history starts. */
export function predecessorsOf(code: string, table: readonly Reorganisation[] = REORGANISATIONS): Reorganisation[] {
	return table.filter((r) => r.successors.includes(code)).sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
}
