const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-04' → 'April 2026'; anything else unchanged. */
export function monthWords(period: string): string {
	const match = /^(\d{4})-(\d{2})$/.exec(period);
	if (!match) return period;
	const month = MONTHS[Number(match[2]) - 1];
	return month ? `${month} ${match[1]}` : period;
}
