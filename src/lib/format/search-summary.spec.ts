import { describe, expect, it } from 'vitest';
import type { NearbyRow } from '$lib/data/nearby';
import { treatmentByCode } from '$lib/data/treatments';
import { DEFAULT_SEARCH, type SortOrder } from '$lib/state/search-params';
import { providerRecord, waitFigures } from '$lib/schema/test-fixtures';
import { exampleWeeks, nextMiles, summarySentence } from './search-summary';

const row = (code: string, latest = waitFigures()): NearbyRow => ({
	provider: providerRecord(code, [52.45, -1.93]),
	distanceMiles: 1,
	site: null,
	latest,
	previous: null,
	shorterThanNearestWeeks: null
});
const orthopaedics = treatmentByCode('C_110')!;
const everything = treatmentByCode('C_999')!;

describe('summarySentence', () => {
	it.each<[string, NearbyRow[], typeof orthopaedics, SortOrder, string]>([
		['none, one treatment', [], orthopaedics, 'wait', 'We found no hospitals within 25 miles of B15 2TH that treat bones and joints.'],
		['none, all treatments', [], everything, 'wait', 'We found no hospitals within 25 miles of B15 2TH with people waiting for treatment.'],
		['one', [row('R1')], orthopaedics, 'distance', '1 hospital within 25 miles of B15 2TH treats bones and joints. Sorted by distance, nearest first.'],
		['two, all treatments', [row('R1'), row('R2')], everything, 'rating', '2 hospitals within 25 miles of B15 2TH have people waiting for treatment. Sorted by patient rating, highest first.']
	])('%s', (_, rows, treatment, sort, expected) => {
		expect(summarySentence({ rows, treatment, place: 'B15 2TH', search: { ...DEFAULT_SEARCH, miles: 25, sort } })).toBe(expected);
	});
});

describe('exampleWeeks', () => {
	it('takes the first hospital with a median that can be shown', () => {
		const rows = [row('R1', waitFigures({ tooFew: true, median: 3 })), row('R2', waitFigures({ median: 120, medianOver104: true })), row('R3', waitFigures({ median: 12.4 }))];
		expect(exampleWeeks(rows)).toBe('13 weeks'); // rounded up: the sentence says "or less"
	});
	it('falls back to 15 weeks when none can', () => {
		expect(exampleWeeks([row('R1', waitFigures({ tooFew: true }))])).toBe('15 weeks');
	});
});

describe('nextMiles', () => {
	it.each([[10, 25], [25, 50], [50, 100], [100, null]] as const)('after %i miles: %s', (miles, next) => {
		expect(nextMiles(miles)).toBe(next);
	});
});
