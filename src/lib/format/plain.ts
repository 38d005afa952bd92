/** Small formatters shared by pages (numbers in en-GB, months in words). */
import { MONTHS } from '$lib/schema/rtt';

const whole = new Intl.NumberFormat('en-GB');

export function formatCount(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : whole.format(value);
}

/** '2026-04' → 'April 2026' */
export function monthName(period: string | null | undefined): string {
	if (!period) return '';
	const [year, month] = period.split('-');
	const name = MONTHS[Number(month) - 1];
	return name ? `${name[0].toUpperCase()}${name.slice(1)} ${year}` : period;
}
