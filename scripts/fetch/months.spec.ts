import { describe, expect, it } from 'vitest';
import { addMonths, financialYear, financialYearName, financialYears, monthPeriod, periodOf } from './months.ts';

describe('monthPeriod', () => {
	it.each([
		['Apr', '25', '2025-04'],
		['April', '2025', '2025-04'],
		['DEC', '99', '2099-12'],
		['january', '2026', '2026-01'],
		['Sept', '25', null],
		['Aprl', '25', null],
		['Apr', '202', null],
		['Mai', '25', null]
	])('%s %s → %s', (month, year, expected) => expect(monthPeriod(month, year)).toBe(expected));
});

describe('month arithmetic', () => {
	it.each([
		['2025-04', -1, '2025-03'],
		['2025-01', -1, '2024-12'],
		['2026-12', -24, '2024-12'],
		['2025-12', 1, '2026-01'],
		['2025-06', 0, '2025-06']
	])('addMonths(%s, %i) = %s', (period, n, expected) => expect(addMonths(period, n)).toBe(expected));

	it.each([
		['2025-04', 2025],
		['2026-03', 2025],
		['2026-01', 2025],
		['2026-04', 2026]
	])('financialYear(%s) = %i', (period, expected) => expect(financialYear(period)).toBe(expected));

	it('lists the financial years a span touches', () => {
		expect(financialYears('2025-04', '2026-12')).toEqual([2025, 2026]);
		expect(financialYears('2025-03', '2025-04')).toEqual([2024, 2025]);
		expect(financialYearName(2025)).toBe('2025-26');
		expect(financialYearName(2099)).toBe('2099-00');
		expect(periodOf(new Date('2026-12-06T23:59:00Z'))).toBe('2026-12');
	});
});
