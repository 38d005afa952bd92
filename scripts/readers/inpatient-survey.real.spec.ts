/** The real 2022 Trust_Scores export: 133 trusts, national mean of Q46 about 8.1. */
import { describe, expect, it } from 'vitest';
import { inpatientSurveyReader, type InpatientSurveyRow } from './inpatient-survey.ts';
import type { ReadResult } from './types.ts';
import { hasSharedData, sharedFile } from './test-support.ts';

describe.skipIf(!hasSharedData)('inpatient survey reader on the real 2022 file', () => {
	it('reads 133 trusts with their overall experience', () => {
		const reader = inpatientSurveyReader({ year: 2022 });
		const bytes = sharedFile('satisfaction/aip2022_Trust_Scores.csv');
		expect(reader.recognise({ name: 'x', bytes: bytes.subarray(0, 65536) })).toBe(true);
		for (const other of ['aip2022_Trust_Respondents.csv', 'aip2022_Key.csv']) {
			expect(reader.recognise({ name: other, bytes: sharedFile(`satisfaction/${other}`).subarray(0, 65536) })).toBe(false);
		}
		const { rows, report } = reader.read('satisfaction/aip2022_Trust_Scores.csv', bytes) as ReadResult<InpatientSurveyRow>;
		expect(report).toMatchObject({ rowsRead: 133, rowsAccepted: 133, rowsRejected: 0 });
		const mean = rows.reduce((s, r) => s + r.overallScore, 0) / rows.length;
		expect(mean).toBeCloseTo(8.1, 1);
		expect(rows.find((r) => r.trustCode === 'R0A')).toMatchObject({ respondents: 400, year: 2022 });
		expect(rows.filter((r) => r.overallBand === 4)).toHaveLength(112);
	});

	it('Q46 is section S10 (the section is that one question)', () => {
		const reader = inpatientSurveyReader({ question: 'S10' });
		const bytes = sharedFile('satisfaction/aip2022_Trust_Scores.csv');
		const s10 = (reader.read('x', bytes) as ReadResult<InpatientSurveyRow>).rows;
		const q46 = (inpatientSurveyReader().read('x', bytes) as ReadResult<InpatientSurveyRow>).rows;
		expect(s10.map((r) => [r.overallScore, r.overallBand])).toEqual(q46.map((r) => [r.overallScore, r.overallBand]));
	});
});
