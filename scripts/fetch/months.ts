/**
 * Months as publishers name them ('Apr25', 'April 2025') and the financial
 * years (April to March) that NHS England files its statistics pages under.
 */

const NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 'Apr' or 'April' (any case) with '25' or '2025' → '2025-04'; null when either part is not a month or year. */
export function monthPeriod(month: string, year: string): string | null {
	const m = month.toLowerCase();
	const index = NAMES.findIndex((name) => (m.length === 3 ? name.startsWith(m) : name === m));
	if (index < 0 || (m.length !== 3 && m !== NAMES[index]) || !/^(\d{2}|\d{4})$/.test(year)) return null;
	const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
	return `${fullYear}-${String(index + 1).padStart(2, '0')}`;
}

export const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The 'YYYY-MM' of a date (UTC). */
export function periodOf(date: Date): string {
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' moved by n months (negative for earlier). */
export function addMonths(period: string, n: number): string {
	const [y, m] = period.split('-').map(Number);
	const index = y * 12 + (m - 1) + n;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** First calendar year of the financial year holding the month: 2025-04 … 2026-03 → 2025. */
export function financialYear(period: string): number {
	const [y, m] = period.split('-').map(Number);
	return m >= 4 ? y : y - 1;
}

/** Financial years (by first calendar year) that hold any month from `since` to `until`, oldest first. */
export function financialYears(since: string, until: string): number[] {
	const years: number[] = [];
	for (let y = financialYear(since); y <= financialYear(until); y++) years.push(y);
	return years;
}

/** 2025 → '2025-26', the way the year pages are named. */
export function financialYearName(start: number): string {
	return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
