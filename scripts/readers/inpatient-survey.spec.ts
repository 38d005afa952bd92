import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_YEAR, inpatientSurveyReader, type InpatientSurveyRow } from './inpatient-survey.ts';
import { ReadError, type ReadResult } from './types.ts';
import { fixtureText, utf8, windows1252, withBom, withCrlf } from './test-support.ts';

const good = fixtureText('inpatient-survey-scores.csv');
const reader = inpatientSurveyReader();
const read = (bytes: Uint8Array, r = reader) => r.read('scores.csv', bytes) as ReadResult<InpatientSurveyRow>;

describe('inpatientSurveyReader().read', () => {
	const variants = [
		{ what: 'UTF-8', bytes: utf8(good) },
		{ what: 'with BOM', bytes: withBom(good) },
		{ what: 'CRLF (as the real export)', bytes: utf8(withCrlf(good)) },
		{ what: 'Windows-1252', bytes: windows1252(good) }
	];
	it.each(variants)('reads overall experience (Q46) for each trust: $what', ({ bytes }) => {
		const { rows, report } = read(bytes);
		expect(report).toMatchObject({ dataset: 'inpatient-survey', rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, issues: [] });
		expect(rows).toEqual([
			{ trustCode: 'ZZA', trustName: 'Example Teaching Hospitals NHS Trust', respondents: 412, year: DEFAULT_SURVEY_YEAR, overallScore: 8.25, overallBand: 4 },
			{ trustCode: 'ZZB', trustName: 'Fictional Community NHS Foundation Trust, Testbury', respondents: 298, year: DEFAULT_SURVEY_YEAR, overallScore: 7.05, overallBand: 2 },
			{ trustCode: 'ZZC', trustName: 'St Mary’s Demo NHS Trust', respondents: 35, year: DEFAULT_SURVEY_YEAR, overallScore: 9.1, overallBand: null }
		]);
		expect(report.note).toContain('2022 was assumed');
	});

	const years = [
		{ what: 'the caller says', reader: inpatientSurveyReader({ year: 2023 }), text: good, year: 2023, assumed: false },
		{ what: 'a Survey Year column says', reader, text: good.replace(/\n/, ',Survey Year\n').replace(/(\d)\n/g, '$1,2024\n'), year: 2024, assumed: false },
		{ what: 'nothing says', reader, text: good, year: 2022, assumed: true }
	];
	it.each(years)('takes the year from where $what', ({ reader: r, text, year, assumed }) => {
		const { rows, report } = read(utf8(text), r);
		expect(rows[0].year).toBe(year);
		expect((report.note ?? '').includes('assumed')).toBe(assumed);
	});

	const rejected = [
		{ what: 'text as a score', edit: (s: string) => s.replace(',8.25,7.6', ',good,7.6'), column: 'meanQ46', message: '"good" is not a number' },
		{ what: 'a score above 10', edit: (s: string) => s.replace(',8.25,7.6', ',82.5,7.6'), column: 'meanQ46', message: 'outside 0 to 10' },
		{ what: 'negative respondents', edit: (s: string) => s.replace(',412,', ',-412,'), column: 'n_tpat', message: 'negative' },
		{ what: 'a band of 9', edit: (s: string) => s.replace('8.6,4,0.3', '8.6,9,0.3'), column: 'bandQ46', message: 'not a band' }
	];
	it.each(rejected)('rejects $what on line 2', ({ edit, column, message }) => {
		const { rows, report } = read(utf8(edit(good)));
		expect(rows.map((r) => r.trustCode)).toEqual(['ZZB', 'ZZC']);
		expect(report).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
		expect(report.issues[0]).toMatchObject({ file: 'scores.csv', line: 2, column });
		expect(report.issues[0].message).toContain(message);
	});

	const errors = [
		{ what: 'a different first column', text: good.replace('TrustCode', 'Trust'), column: 'TrustCode' },
		{ what: 'no overall question', text: good.replace('meanQ46', 'meanQ99'), column: 'meanQ46' }
	];
	it.each(errors)('refuses $what, naming the column', ({ text, column }) => {
		try {
			read(utf8(text));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ReadError);
			expect(e).toMatchObject({ file: 'scores.csv', line: 1, column });
		}
	});
});

describe('inpatientSurveyReader().recognise', () => {
	const cases = [
		{ what: 'Trust_Scores', bytes: utf8(good), yes: true },
		{ what: 'Trust_Scores with BOM', bytes: withBom(good), yes: true },
		{ what: 'Trust_Respondents', bytes: utf8('TrustCode,trustname,Q2_tres,Q4_tres\n'), yes: false }
	];
	it.each(cases)('$what → $yes', ({ bytes, yes }) => expect(reader.recognise({ name: 'x', bytes })).toBe(yes));
});
