/**
 * NHS Digital's ASCOF open data (meas-from-asc-of-eng-YYYY-open-data): long format, one
 * row per area × measure × disaggregation × measure type. Kept: 2B1 'Total' (older people
 * still at home 91 days after hospital: numerator, denominator and the published outcome)
 * and 3A 'Total' (satisfaction: a weighted survey estimate, so its outcome only). Other
 * rows are read and counted. '[x]' and '[c]' are suppressed, never 0. The file has no year
 * column: the year comes from its name (eng-2021 → 2020-21) or is said in a note.
 */
import { ReportBuilder } from '../text.ts';
import type { CouncilFact, CouncilObservation, CouncilReadResult, WorkbookSample } from './types.ts';
import { emptyCouncilResult, sheetFile } from './types.ts';
import { amountOf, councilTypeOf, ENGLAND, ONS_CODE, requireWorkbook, rowsBelowHeader, sampleHasHeader, text } from './workbook-rows.ts';

export const ASCOF_HEADER = ['Geographical Code', 'Geographical Description', 'Geographical Level', 'ONS Code', 'ASCOF Measure Code', 'Disaggregation Level', 'Measure Type', 'Measure Value', 'Measure Group', 'Measure Group Description'] as const;

/** ASCOF code → our measure id, and the measure types kept for it. */
const KEPT: Record<string, { measure: string; types: readonly string[] }> = {
	'2B1': { measure: 'ascof-home-91-days', types: ['Numerator', 'Denominator', 'Outcome'] },
	'3A': { measure: 'ascof-satisfaction', types: ['Outcome'] }
};
const MEASURE_TYPES = new Set(['Numerator', 'Denominator', 'Outcome', 'Base', 'Margin Of Error']);
const LEVELS = new Set(['Council', 'Region', 'England', 'Council Type']);
/** The only year of ASCOF open data the repository holds; used when the name does not say. */
export const DEFAULT_ASCOF_YEAR = '2020-21';

/** 'meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx' → '2020-21'; null when the name has no such year. */
export function ascofYearOfName(name: string): string | null {
	const m = /eng-(\d{2})(\d{2})\b/.exec(name);
	if (!m) return null;
	const [a, b] = [Number(m[1]), Number(m[2])];
	return (a + 1) % 100 === b ? `20${m[1]}-${m[2]}` : null;
}

export const ascofReader = {
	dataset: 'council-ascof' as const,

	recognise(sample: WorkbookSample): boolean {
		return sample.sheetNames.some((sheet) => sampleHasHeader(sample, sheet, ASCOF_HEADER) && sample.firstRows?.[sheet] !== undefined);
	},

	read(name: string, bytes: Uint8Array): CouncilReadResult {
		const report = new ReportBuilder(name, 'council-ascof', bytes);
		const book = requireWorkbook(name, bytes);
		const sheet = book.sheetNames.find((s) => s === 'in') ?? book.sheetNames[0];
		const file = sheetFile(name, sheet);
		const year = ascofYearOfName(name) ?? DEFAULT_ASCOF_YEAR;
		if (!ascofYearOfName(name)) report.note(`The file has no year column and its name gives none; read as ${DEFAULT_ASCOF_YEAR}.`);
		const found = new Map<string, CouncilObservation>();
		const facts = new Map<string, CouncilFact>();
		const seen = new Map<string, number>();
		let unused = 0;
		for (const row of rowsBelowHeader(book, name, sheet, ASCOF_HEADER).rows) {
			const [level, code, areaName, measureCode, disaggregation, type] = [2, 3, 1, 4, 5, 6].map((i) => text(row.cells[i]));
			const kept = disaggregation === 'Total' ? KEPT[measureCode] : undefined;
			const reject = (column: string, message: string) => report.reject(row.line, column, message, file);
			if (!LEVELS.has(level)) reject('Geographical Level', `"${level}" is not a level of this file (Council, Region, Council Type, England).`);
			else if (!MEASURE_TYPES.has(type)) reject('Measure Type', `"${type}" is not a measure type (Numerator, Denominator, Outcome, Base, Margin Of Error).`);
			else if ((level === 'Council' || level === 'England') && !ONS_CODE.test(code)) reject('ONS Code', `"${code}" is not an ONS code like E09000003.`);
			else if (level === 'England' && code !== ENGLAND) reject('ONS Code', `the England row has code "${code}", not ${ENGLAND}.`);
			else if (!kept || !kept.types.includes(type) || (level !== 'Council' && level !== 'England')) {
				unused++;
				report.accept();
			} else {
				const value = amountOf(row.cells[7], type === 'Outcome' ? 'a percentage from 0 to 100' : 'a whole number of people', type === 'Outcome' ? { max: 100 } : { whole: true });
				const key = `${code}|${measureCode}|${type}`;
				const earlier = seen.get(key);
				if (!value.ok) reject('Measure Value', value.message);
				else if (earlier !== undefined) reject('Measure Type', `${code} ${measureCode} ${type} already appeared on line ${earlier} (a duplicate row).`);
				else {
					seen.set(key, row.line);
					report.accept();
					const obsKey = `${code}|${kept.measure}`;
					const obs = found.get(obsKey) ?? { measure: kept.measure, code, name: level === 'England' ? 'England' : areaName, year, numerator: null, denominator: null, published: null, suppressed: false };
					const field = type === 'Outcome' ? 'published' : type === 'Numerator' ? 'numerator' : 'denominator';
					found.set(obsKey, { ...obs, [field]: value.value.value, suppressed: obs.suppressed || value.value.suppressed });
					if (level === 'Council') {
						const councilType = councilTypeOf(code);
						facts.set(code, { code, name: areaName, ...(councilType ? { type: councilType } : {}) });
					}
				}
			}
		}
		if (unused > 0) report.note(`${unused} rows of other measures, breakdowns and areas (regions, council types) were read but are not used.`);
		return { ...emptyCouncilResult(report.finish(year)), observations: [...found.values()], councils: [...facts.values()] };
	}
};
