/**
 * DfE files with one row per geography × year and each measure in its own columns:
 * children in need re-referrals (c1), repeat child protection plans (d3) and the
 * children's social work workforce indicators. Each reader is a row of LAYOUTS.
 *
 * Workforce rates (DfE's methodology, checked against every published rate):
 * turnover = leavers / in post; agency = agency / (agency + in post);
 * vacancy = vacancies / (vacancies + in post), all in FTE.
 */
import type { CouncilObservation } from './types.ts';
import { dfeGeography, dfeNumber, hasDfeHeader, readDfeTable, uniqueFacts, type DfeTable } from './dfe-csv.ts';
import type { CouncilCsvReader } from './csv-reader.ts';
import type { DatasetId } from '../types.ts';

interface WideMeasure {
	measure: string;
	numerator: string;
	/** Summed when several (agency + in post). */
	denominator: readonly string[];
	published: string;
}

interface WideLayout {
	dataset: DatasetId;
	/** Columns that together say which file this is. */
	signature: readonly string[];
	measures: readonly WideMeasure[];
}

export const DFE_WIDE_LAYOUTS: readonly WideLayout[] = [
	{
		dataset: 'council-dfe-cin',
		signature: ['referral_count', 'rereferral_count', 'rereferral_percent'],
		measures: [{ measure: 'cin-rereferrals', numerator: 'rereferral_count', denominator: ['referral_count'], published: 'rereferral_percent' }]
	},
	{
		dataset: 'council-dfe-cpp',
		signature: ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent'],
		measures: [{ measure: 'cpp-subsequent', numerator: 'CPP_subsequent', denominator: ['CPP_start'], published: 'CPP_subsequent_percent' }]
	},
	{
		dataset: 'council-dfe-workforce',
		signature: ['inpost_fte', 'leavers_fte', 'turnover_rate_fte', 'agency_fte', 'agency_rate_fte', 'vacancy_fte', 'vacancy_rate_fte'],
		measures: [
			{ measure: 'sw-turnover', numerator: 'leavers_fte', denominator: ['inpost_fte'], published: 'turnover_rate_fte' },
			{ measure: 'sw-agency', numerator: 'agency_fte', denominator: ['agency_fte', 'inpost_fte'], published: 'agency_rate_fte' },
			{ measure: 'sw-vacancy', numerator: 'vacancy_fte', denominator: ['vacancy_fte', 'inpost_fte'], published: 'vacancy_rate_fte' }
		]
	}
];

/** One measure on one row, or the first bad cell (column and message). */
function measureCells(table: DfeTable, fields: string[], m: WideMeasure) {
	const cell = (c: string) => ({ column: c, parsed: dfeNumber(fields[table.column(c)]) });
	const parts = [cell(m.numerator), ...m.denominator.map(cell)];
	const published = { column: m.published, parsed: dfeNumber(fields[table.column(m.published)], 100) };
	const bad = [...parts, published].find((p) => p.parsed.kind === 'error');
	if (bad && bad.parsed.kind === 'error') return { error: { column: bad.column, message: bad.parsed.message } };
	const value = (i: number) => (parts[i].parsed.kind === 'number' ? (parts[i].parsed as { value: number }).value : null);
	const suppressed = parts.some((p) => p.parsed.kind === 'suppressed');
	const denominator = suppressed ? null : m.denominator.reduce((sum, _, i) => sum + value(i + 1)!, 0);
	return {
		numerator: value(0),
		denominator: denominator === null ? (m.denominator.length === 1 ? value(1) : null) : round(denominator),
		published: published.parsed.kind === 'number' ? published.parsed.value : null,
		suppressed
	};
}

/** FTE sums in binary floating point (2158.1 + 0.2) are rounded back to the file's 0.1-level precision. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function wideReader(layout: WideLayout): CouncilCsvReader {
	const columns = [...new Set(layout.measures.flatMap((m) => [m.numerator, ...m.denominator, m.published]))];
	return {
		dataset: layout.dataset,
		recognise: (sample) => hasDfeHeader(sample.bytes, layout.signature),
		read(name, bytes) {
			const table = readDfeTable(name, bytes, layout.dataset, columns);
			const observations: CouncilObservation[] = [];
			const facts = [];
			for (const record of table.rows) {
				const place = dfeGeography(table, record);
				if (!place) continue;
				const cells = layout.measures.map((m) => ({ m, cells: measureCells(table, record.fields, m) }));
				const bad = cells.find((c) => 'error' in c.cells);
				if (bad && 'error' in bad.cells) {
					table.report.reject(record.line, bad.cells.error!.column, bad.cells.error!.message);
					continue;
				}
				table.report.accept();
				if (place.fact) facts.push(place.fact);
				if (place.code === null) continue;
				for (const { m, cells: c } of cells) {
					if ('error' in c) continue;
					observations.push({ measure: m.measure, code: place.code, name: place.name, year: place.year, ...c });
				}
			}
			const years = [...new Set(observations.map((o) => o.year))].sort();
			if (years.length) table.report.note(`Reporting years ${years[0]} to ${years.at(-1)}; regional rows are checked but not published.`);
			return { observations, councils: uniqueFacts(facts), ofsted: [], peers: {}, report: table.report.finish(null) };
		}
	};
}

export const [dfeCinReader, dfeCppReader, dfeWorkforceReader] = DFE_WIDE_LAYOUTS.map(wideReader);
