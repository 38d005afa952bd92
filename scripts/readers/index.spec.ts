import { describe, expect, it } from 'vitest';
import { NON_RTT_READERS, recogniseFile } from './index.ts';
import { fixture, utf8 } from './test-support.ts';

describe('recogniseFile', () => {
	const cases = [
		{ file: 'ae-good.csv', dataset: 'ae' },
		{ file: 'etr-good.csv', dataset: 'trusts' },
		{ file: 'hospital-sites-2018.csv', dataset: 'hospital-sites' },
		{ file: 'hospital-sites-2020.csv', dataset: 'hospital-sites' },
		{ file: 'hospital-sites-2023.csv', dataset: 'hospital-sites' },
		{ file: 'inpatient-survey-scores.csv', dataset: 'inpatient-survey' },
		{ file: 'postcode-sectors.csv', dataset: 'postcode-sectors' },
		{ file: 'postcode-districts.csv', dataset: 'postcode-districts' },
		{ file: 'postcode-outcodes.csv', dataset: 'postcode-outcodes' },
		{ file: 'postcode-points.csv', dataset: 'postcodes-codepoint' },
		{ file: 'codepoint-zz.csv', dataset: 'postcodes-codepoint' }
	];
	it.each(cases)('$file → $dataset, claimed by exactly one reader', ({ file, dataset }) => {
		// A misleading name on purpose: only the bytes may decide.
		const sample = { name: 'Monthly-AE-June-2024 copy.csv', bytes: fixture(file) };
		expect(recogniseFile(sample)?.dataset).toBe(dataset);
		expect(NON_RTT_READERS.filter((r) => r.recognise(sample))).toHaveLength(1);
	});

	const unknown = [
		{ what: 'an RTT full extract', text: 'Period,Provider Parent Org Code,Provider Parent Name,Provider Org Code\n' },
		{ what: 'an empty file', text: '' },
		{ what: 'binary', text: '\u0000\u0001PK' }
	];
	it.each(unknown)('$what → null', ({ text }) => expect(recogniseFile({ name: 'x', bytes: utf8(text) })).toBeNull());
});
