/**
 * NHS England "A&E attendances and emergency admissions" monthly CSV, one row per provider.
 * 22 columns; the month comes from `Period` (`MSitAE-APRIL-2025`), never from the file
 * name, because redistributors rename files freely. The national total row is not a
 * provider: it is left out and used to check that the provider rows add up.
 */
import { ReadError, type Reader, type ReadResult } from './types.ts';
import { checkHeader, firstLine, parseCount, readRecords, ReportBuilder } from './text.ts';

export interface AeRow {
	period: string; // 'YYYY-MM'
	orgCode: string;
	parentOrg: string;
	orgName: string;
	attendancesType1: number;
	attendancesType2: number;
	attendancesOther: number;
	bookedType1: number;
	bookedType2: number;
	bookedOther: number;
	over4hType1: number;
	over4hType2: number;
	over4hOther: number;
	over4hBookedType1: number;
	over4hBookedType2: number;
	over4hBookedOther: number;
	waited4To12hFromDecisionToAdmit: number;
	waited12hPlusFromDecisionToAdmit: number;
	emergencyAdmissionsType1: number;
	emergencyAdmissionsType2: number;
	emergencyAdmissionsOther: number;
	otherEmergencyAdmissions: number;
}

type CountKey = Exclude<keyof AeRow, 'period' | 'orgCode' | 'parentOrg' | 'orgName'>;

const TEXT_COLUMNS = ['Period', 'Org Code', 'Parent Org', 'Org name'] as const;

/** The publisher's header text beside our name for it, in file order. */
export const AE_COUNT_COLUMNS: readonly (readonly [string, CountKey])[] = [
	['A&E attendances Type 1', 'attendancesType1'],
	['A&E attendances Type 2', 'attendancesType2'],
	['A&E attendances Other A&E Department', 'attendancesOther'],
	['A&E attendances Booked Appointments Type 1', 'bookedType1'],
	['A&E attendances Booked Appointments Type 2', 'bookedType2'],
	['A&E attendances Booked Appointments Other Department', 'bookedOther'],
	['Attendances over 4hrs Type 1', 'over4hType1'],
	['Attendances over 4hrs Type 2', 'over4hType2'],
	['Attendances over 4hrs Other Department', 'over4hOther'],
	['Attendances over 4hrs Booked Appointments Type 1', 'over4hBookedType1'],
	['Attendances over 4hrs Booked Appointments Type 2', 'over4hBookedType2'],
	['Attendances over 4hrs Booked Appointments Other Department', 'over4hBookedOther'],
	['Patients who have waited 4-12 hs from DTA to admission', 'waited4To12hFromDecisionToAdmit'],
	['Patients who have waited 12+ hrs from DTA to admission', 'waited12hPlusFromDecisionToAdmit'],
	['Emergency admissions via A&E - Type 1', 'emergencyAdmissionsType1'],
	['Emergency admissions via A&E - Type 2', 'emergencyAdmissionsType2'],
	['Emergency admissions via A&E - Other A&E department', 'emergencyAdmissionsOther'],
	['Other emergency admissions', 'otherEmergencyAdmissions']
];

export const AE_HEADER: readonly string[] = [...TEXT_COLUMNS, ...AE_COUNT_COLUMNS.map(([h]) => h)];

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

/** 'MSitAE-APRIL-2025' → '2025-04'; null when it is not that shape. */
export function periodFromAe(raw: string): string | null {
	const m = /^MSitAE-([A-Za-z]+)-(\d{4})$/.exec(raw.trim());
	if (!m) return null;
	const month = MONTHS.indexOf(m[1].toUpperCase());
	return month < 0 ? null : `${m[2]}-${String(month + 1).padStart(2, '0')}`;
}

/** The national total row is labelled TOTAL, Total, 'TOTAL ' or TOTAl depending on the month. */
export function isTotalLabel(orgCode: string): boolean {
	return orgCode.trim().toLowerCase() === 'total';
}

/**
 * Share of A&E attendances (Type 1 + Type 2 + other departments) seen within 4 hours,
 * as 0–100. Booked appointments are left out: they are planned visits, and leaving them
 * out makes the figure comparable across years (NHS England's headline includes them).
 * Null when the provider had no attendances, since 0 of 0 is not a performance.
 */
export function pctWithin4Hours(row: Pick<AeRow, 'attendancesType1' | 'attendancesType2' | 'attendancesOther' | 'over4hType1' | 'over4hType2' | 'over4hOther'>): number | null {
	const attendances = row.attendancesType1 + row.attendancesType2 + row.attendancesOther;
	if (attendances === 0) return null;
	const over4h = row.over4hType1 + row.over4hType2 + row.over4hOther;
	return (100 * (attendances - over4h)) / attendances;
}

function read(name: string, bytes: Uint8Array): ReadResult<AeRow> {
	const { records } = readRecords(name, bytes, { separator: ',' });
	const [header, ...body] = records;
	checkHeader(name, header.fields, AE_HEADER);
	const report = new ReportBuilder(name, 'ae', bytes);
	const extra = header.fields.slice(AE_HEADER.length);
	if (extra.length > 0) {
		report.note(`Ignored ${extra.length} extra column(s) after the 22 expected (the September 2024 file has six, empty).`);
	}

	const rows: AeRow[] = [];
	let period: string | null = null;
	let total: { line: number; counts: number[] } | null = null;
	const lineOf = new Map<string, number>();

	for (const { line, fields } of body) {
		const [rawPeriod = '', orgCode = '', parentOrg = '', orgName = ''] = fields;
		const counts: number[] = [];
		const problems: [string, string][] = [];
		AE_COUNT_COLUMNS.forEach(([column], i) => {
			const parsed = parseCount(fields[TEXT_COLUMNS.length + i] ?? '');
			if (parsed.ok) counts.push(parsed.value);
			else problems.push([column, parsed.message]);
		});
		for (let i = AE_HEADER.length; i < fields.length; i++) {
			if (fields[i].trim() !== '') {
				report.issue(line, header.fields[i] || `column ${i + 1}`, `"${fields[i]}" is in a column this reader does not know; it was ignored.`);
			}
		}

		if (isTotalLabel(orgCode)) {
			if (problems.length > 0) report.issue(line, problems[0][0], `the national total row ${problems[0][1]}`);
			else total = { line, counts };
			continue;
		}
		if (problems.length > 0) {
			report.reject(line, problems[0][0], `${problems[0][1]}${problems.length > 1 ? ` (and ${problems.length - 1} more columns on this row)` : ''}`);
			continue;
		}
		const rowPeriod = periodFromAe(rawPeriod);
		if (!rowPeriod) {
			report.reject(line, 'Period', `"${rawPeriod}" is not a period like MSitAE-APRIL-2025.`);
			continue;
		}
		if (period && rowPeriod !== period) {
			throw new ReadError(name, line, 'Period', `this row is for ${rowPeriod} but earlier rows are for ${period}; a file must hold one month.`);
		}
		period = rowPeriod;
		if (orgCode.trim() === '') {
			report.reject(line, 'Org Code', 'is empty; every provider row needs its ODS code.');
			continue;
		}
		const earlier = lineOf.get(orgCode.trim());
		if (earlier !== undefined) {
			report.reject(line, 'Org Code', `${orgCode.trim()} already appeared on line ${earlier}; the first was kept (a duplicate row).`);
			continue;
		}
		lineOf.set(orgCode.trim(), line);
		const row = { period, orgCode: orgCode.trim(), parentOrg: parentOrg.trim(), orgName: orgName.trim() } as AeRow;
		AE_COUNT_COLUMNS.forEach(([, key], i) => (row[key] = counts[i]));
		rows.push(row);
		report.accept();
	}

	if (rows.length === 0) throw new ReadError(name, 2, null, 'the file has a header but no provider rows.');
	if (total) {
		report.note(`National total row (line ${total.line}) left out of the rows and used to check their sums.`);
		AE_COUNT_COLUMNS.forEach(([column, key], i) => {
			const sum = rows.reduce((s, r) => s + r[key], 0);
			if (sum !== total!.counts[i]) {
				report.issue(total!.line, column, `the provider rows add up to ${sum} but the national total row says ${total!.counts[i]}.`);
			}
		});
	} else {
		report.issue(1, 'Org Code', 'there is no national total row (Org Code TOTAL), so the provider rows could not be checked against it.');
	}
	return { rows, report: report.finish(period) };
}

export const aeReader: Reader<AeRow> = {
	dataset: 'ae',
	recognise: (sample) => firstLine(sample.bytes).startsWith('Period,Org Code,Parent Org,Org name,A&E attendances Type 1'),
	read
};
