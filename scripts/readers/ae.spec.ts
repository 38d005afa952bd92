import { describe, expect, it } from 'vitest';
import { aeReader, isTotalLabel, pctWithin4Hours, periodFromAe } from './ae.ts';
import { ReadError } from './types.ts';
import { fixture, fixtureText, utf8, windows1252, withBom, withCrlf } from './test-support.ts';

const good = fixtureText('ae-good.csv');

describe('periodFromAe', () => {
	const cases = [
		{ raw: 'MSitAE-APRIL-2025', period: '2025-04' },
		{ raw: 'MSitAE-december-2021 ', period: '2021-12' },
		{ raw: 'TOTAL', period: null },
		{ raw: 'MSitAE-SMARCH-2025', period: null },
		{ raw: '2025-04', period: null }
	];
	it.each(cases)('$raw → $period', ({ raw, period }) => expect(periodFromAe(raw)).toBe(period));
});

describe('isTotalLabel', () => {
	const cases = [
		{ code: 'TOTAL', total: true },
		{ code: 'Total', total: true },
		{ code: 'TOTAL ', total: true },
		{ code: 'TOTAl', total: true },
		{ code: 'RRK', total: false },
		{ code: 'TOTALS', total: false }
	];
	it.each(cases)('"$code" → $total', ({ code, total }) => expect(isTotalLabel(code)).toBe(total));
});

describe('pctWithin4Hours', () => {
	const zero = { attendancesType1: 0, attendancesType2: 0, attendancesOther: 0, over4hType1: 0, over4hType2: 0, over4hOther: 0 };
	const cases = [
		{ what: 'no attendances', row: zero, pct: null },
		{ what: 'all within', row: { ...zero, attendancesType1: 10 }, pct: 100 },
		{ what: 'Type 1 only', row: { ...zero, attendancesType1: 100, over4hType1: 25 }, pct: 75 },
		{ what: 'all types', row: { ...zero, attendancesType1: 1000, attendancesType2: 100, attendancesOther: 500, over4hType1: 400, over4hType2: 10, over4hOther: 23 }, pct: (100 * (1600 - 433)) / 1600 }
	];
	it.each(cases)('$what', ({ row, pct }) => expect(pctWithin4Hours(row)).toBe(pct));
});

describe('aeReader.read', () => {
	const variants = [
		{ what: 'UTF-8', bytes: utf8(good) },
		{ what: 'with BOM', bytes: withBom(good) },
		{ what: 'CRLF', bytes: utf8(withCrlf(good)) },
		{ what: 'Windows-1252 (names only ASCII here, but the bytes are not UTF-8 once an accent appears)', bytes: windows1252(good.replace('PRETEND WALK', 'PRÉTEND WALK')) }
	];
	it.each(variants)('reads three providers and leaves out the total: $what', ({ bytes }) => {
		const { rows, report } = aeReader.read('ae.csv', bytes) as Awaited<ReturnType<typeof aeReader.read>>;
		expect(rows.map((r) => r.orgCode)).toEqual(['ZZA', 'ZZB', 'ZZC01']);
		expect(report).toMatchObject({ dataset: 'ae', period: '2030-03', rowsRead: 3, rowsAccepted: 3, rowsRejected: 0, issues: [] });
		expect(report.note).toContain('National total row (line 5)');
		expect(rows[1]).toMatchObject({ parentOrg: 'NHS ENGLAND SOUTH', orgName: 'SAMPLE, TEST AND DEMO NHS FOUNDATION TRUST', attendancesType2: 100, over4hType2: 10, otherEmergencyAdmissions: 15 });
		expect(report.bytes).toBe(bytes.byteLength);
	});

	it('rejects rows with text or a negative count, naming line and column', () => {
		const { rows, report } = aeReader.read('bad.csv', fixture('ae-bad-numbers.csv')) as Awaited<ReturnType<typeof aeReader.read>>;
		expect(rows.map((r) => r.orgCode)).toEqual(['ZZC01']);
		expect(report).toMatchObject({ rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
		expect(report.issues.slice(0, 2)).toEqual([
			{ file: 'bad.csv', line: 2, column: 'A&E attendances Type 1', message: '"n/a" is not a number; expected a whole number of 0 or more.' },
			{ file: 'bad.csv', line: 3, column: 'Attendances over 4hrs Type 1', message: '"-100" is negative; a count cannot be below zero.' }
		]);
	});

	it('reports a total row that the providers do not add up to', () => {
		const { report } = aeReader.read('m.csv', fixture('ae-total-mismatch.csv')) as Awaited<ReturnType<typeof aeReader.read>>;
		expect(report.rowsRejected).toBe(0);
		expect(report.issues).toEqual([
			{ file: 'm.csv', line: 5, column: 'A&E attendances Type 1', message: 'the provider rows add up to 1500 but the national total row says 1501.' }
		]);
	});

	const errors = [
		{ what: 'a second month', bytes: fixture('ae-two-periods.csv'), line: 4, column: 'Period' },
		{ what: 'a renamed column', bytes: utf8(good.replace('Org name', 'Organisation name')), line: 1, column: 'Org name' },
		{ what: 'an empty file', bytes: utf8(''), line: 1, column: null },
		{ what: 'a header only', bytes: utf8(good.split('\n')[0] + '\n'), line: 2, column: null }
	];
	it.each(errors)('refuses $what with file, line and column', ({ bytes, line, column }) => {
		try {
			aeReader.read('x.csv', bytes);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ReadError);
			expect(e).toMatchObject({ file: 'x.csv', line, column });
		}
	});
});

describe('aeReader.recognise', () => {
	const cases = [
		{ what: 'the A&E header', bytes: utf8(good), yes: true },
		{ what: 'the A&E header after a BOM', bytes: withBom(good), yes: true },
		{ what: 'something else', bytes: utf8('sector,latitude,longitude,postcodes\n'), yes: false },
		{ what: 'nothing', bytes: new Uint8Array(), yes: false }
	];
	it.each(cases)('$what → $yes', ({ bytes, yes }) => expect(aeReader.recognise({ name: 'any.csv', bytes })).toBe(yes));
});
