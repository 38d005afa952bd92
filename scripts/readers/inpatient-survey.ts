/**
 * CQC NHS Adult Inpatient Survey, "Trust_Scores" sheet saved as CSV: one row per trust,
 * with a mean score (0–10), expected-range limits and a band for every question and
 * section. We keep only overall experience, with the survey's own band beside it.
 */
import type { Reader, ReadResult } from './types.ts';
import { ReadError } from './types.ts';
import { checkHeader, firstLine, parseCount, parseDecimal, readRecords, ReportBuilder } from './text.ts';

export interface InpatientSurveyRow {
	trustCode: string;
	trustName: string;
	respondents: number;
	year: number;
	/** Overall experience, 0–10, standardised by the CQC. */
	overallScore: number;
	/** 1 much worse … 4 about the same … 7 much better; null where the CQC says "not applicable" (0). */
	overallBand: number | null;
}

/**
 * Overall experience in the 2022 questionnaire is Q46: "Overall… I had a very poor
 * experience (0) … I had a very good experience (10)". The workbook does not name its
 * sections; section S10 holds Q46 alone (identical means and bands, national mean ≈ 8.1).
 * Question numbers move between survey years, so check this against the Key sheet
 * before reading another year.
 */
export const OVERALL_EXPERIENCE_QUESTION = 'Q46';

/** Used only when neither the caller nor the file says which year the survey is. */
export const DEFAULT_SURVEY_YEAR = 2022;

const LEADING = ['TrustCode', 'trustname', 'n_tpat'] as const;

export interface InpatientSurveyOptions {
	/** The survey year (the year patients were discharged). The CSV itself does not say. */
	year?: number;
	question?: string;
}

/**
 * A reader for one survey year. Year, in order: `options.year`; a `Survey Year` column
 * if a future file carries one; otherwise DEFAULT_SURVEY_YEAR, with a note in the report
 * saying it was assumed. The file name is deliberately not used: redistributors rename files.
 */
export function inpatientSurveyReader(options: InpatientSurveyOptions = {}): Reader<InpatientSurveyRow> {
	const question = options.question ?? OVERALL_EXPERIENCE_QUESTION;
	const scoreColumn = `mean${question}`;
	const bandColumn = `band${question}`;

	function read(name: string, bytes: Uint8Array): ReadResult<InpatientSurveyRow> {
		const { records } = readRecords(name, bytes, { separator: ',' });
		const [header, ...body] = records;
		const names = header.fields.map((f) => f.trim());
		checkHeader(name, names, LEADING);
		const col = (c: string) => {
			const i = names.indexOf(c);
			if (i < 0) throw new ReadError(name, header.line, c, `the overall-experience column "${c}" is missing; is this the Trust_Scores sheet of the same survey year?`);
			return i;
		};
		const [score, band] = [col(scoreColumn), col(bandColumn)];
		const yearColumn = names.indexOf('Survey Year');
		const report = new ReportBuilder(name, 'inpatient-survey', bytes);
		if (options.year === undefined && yearColumn < 0) {
			report.note(`The file does not say which survey year it is; ${DEFAULT_SURVEY_YEAR} was assumed.`);
		}
		const rows: InpatientSurveyRow[] = [];

		for (const { line, fields } of body) {
			const get = (i: number) => (fields[i] ?? '').trim();
			const trustCode = get(0);
			if (!/^[A-Z0-9]{3,5}$/.test(trustCode)) {
				report.reject(line, 'TrustCode', `"${trustCode}" is not an ODS trust code.`);
				continue;
			}
			const respondents = parseCount(get(2));
			if (!respondents.ok) {
				report.reject(line, 'n_tpat', respondents.message);
				continue;
			}
			const overall = parseDecimal(get(score), 0, 10, 'a score from 0 to 10');
			if (!overall.ok) {
				report.reject(line, scoreColumn, overall.message);
				continue;
			}
			const b = parseCount(get(band));
			if (!b.ok || b.value > 7) {
				report.reject(line, bandColumn, b.ok ? `${b.value} is not a band; bands run from 0 (not applicable) to 7.` : b.message);
				continue;
			}
			let year = options.year ?? DEFAULT_SURVEY_YEAR;
			if (options.year === undefined && yearColumn >= 0) {
				const y = parseCount(get(yearColumn));
				if (!y.ok || y.value < 2000 || y.value > 2100) {
					report.reject(line, 'Survey Year', y.ok ? `${y.value} is not a plausible survey year.` : y.message);
					continue;
				}
				year = y.value;
			}
			rows.push({
				trustCode,
				trustName: get(1),
				respondents: respondents.value,
				year,
				overallScore: overall.value,
				overallBand: b.value === 0 ? null : b.value
			});
			report.accept();
		}
		return { rows, report: report.finish(null) };
	}

	return {
		dataset: 'inpatient-survey',
		recognise: (sample) => /^TrustCode,trustname,n_tpat,meanQ/.test(firstLine(sample.bytes)),
		read
	};
}
