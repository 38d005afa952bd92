import { describe, expect, it } from 'vitest';
import type { AeRow } from '../readers/ae.ts';
import { aeMonthFiles, aeMonthPath, aeTrendFiles } from './ae-month-files.ts';

const row = (period: string, orgCode: string, over: Partial<AeRow> = {}): AeRow => ({
	period, orgCode, parentOrg: 'NHS ENGLAND LONDON', orgName: `${orgCode} HOSPITAL NHS TRUST`,
	attendancesType1: 1000, attendancesType2: 0, attendancesOther: 200,
	bookedType1: 50, bookedType2: 0, bookedOther: 0,
	over4hType1: 400, over4hType2: 0, over4hOther: 10,
	over4hBookedType1: 5, over4hBookedType2: 0, over4hBookedOther: 0,
	waited4To12hFromDecisionToAdmit: 0, waited12hPlusFromDecisionToAdmit: 0,
	emergencyAdmissionsType1: 0, emergencyAdmissionsType2: 0, emergencyAdmissionsOther: 0, otherEmergencyAdmissions: 0,
	...over
} as AeRow);

describe('aeMonthFiles', () => {
	const files = aeMonthFiles([
		row('2026-02', 'RB2'),
		row('2026-01', 'RA1', { attendancesType2: 300, over4hType2: 3 }),
		row('2026-02', 'RA1', { attendancesType1: 0, attendancesOther: 0, over4hType1: 0, over4hOther: 0 }),
		row('2026-02', 'NLX', { orgName: 'URGENT CARE CENTRE (NORTH)' })
	], new Map([['RB2', 'Brambles Hospitals NHS Trust']]));

	it('one file per month, oldest first, providers by code', () => {
		expect(files.map((f) => f.period)).toEqual(['2026-01', '2026-02']);
		expect(files[1].rows.map((r) => r.code)).toEqual(['NLX', 'RB2']);
	});
	it('counts all types, booked appointments left out, within 4 hours exactly', () => {
		// 1000 + 300 + 200 attendances, 400 + 3 + 10 over 4 hours.
		expect(files[0].rows[0]).toEqual({ code: 'RA1', name: 'Ra1 Hospital NHS Trust', attendances: 1500, within4h: 1087, type1Attendances: 1000 });
	});
	it('prefers the site’s own name, else tidies the published capitals', () => {
		expect(files[1].rows.find((r) => r.code === 'RB2')!.name).toBe('Brambles Hospitals NHS Trust');
		expect(files[1].rows.find((r) => r.code === 'NLX')!.name).toBe('Urgent Care Centre (North)');
	});
	it('leaves out a month with no attendances', () => {
		expect(files[1].rows.some((r) => r.code === 'RA1')).toBe(false);
	});
	it('sums a provider listed twice in a month', () => {
		const [file] = aeMonthFiles([row('2026-03', 'RB2'), row('2026-03', 'RB2')]);
		expect(file.rows).toEqual([{ code: 'RB2', name: 'Rb2 Hospital NHS Trust', attendances: 2400, within4h: 1580, type1Attendances: 2000 }]);
	});
	it('fills the manifest’s path template', () => expect(aeMonthPath('league/ae-{period}.json', '2026-02')).toBe('league/ae-2026-02.json'));
});

describe('aeTrendFiles', () => {
	const months = aeMonthFiles([
		row('2026-02', 'RB2'),
		row('2026-01', 'RA1', { attendancesType2: 300, over4hType2: 3 }),
		row('2026-02', 'RA1', { attendancesType1: 0, attendancesOther: 0, over4hType1: 0, over4hOther: 0 }),
		row('2025-12', 'RB2', { orgName: 'OLD NAME NHS TRUST', over4hType1: 100 }),
		row('2026-02', 'not/a code')
	]);
	const files = aeTrendFiles([...months].reverse());

	it('one file per provider with the month files’ counts, oldest month first', () => {
		expect(files.map((f) => f.code)).toEqual(['RA1', 'RB2']);
		expect(files[1].months).toEqual([['2025-12', 1200, 1090], ['2026-02', 1200, 790]]);
	});
	it('skips the months the league leaves out (no attendances)', () => expect(files[0].months).toEqual([['2026-01', 1500, 1087]]));
	it('names a provider as its latest month does', () => expect(files[1].name).toBe('Rb2 Hospital NHS Trust'));
	it('writes no file for a code that is not a provider code (it would become a path)', () => {
		expect(months.at(-1)!.rows.some((r) => r.code === 'not/a code')).toBe(true);
		expect(files.some((f) => f.code.includes('/'))).toBe(false);
	});
});
