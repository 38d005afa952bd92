/**
 * Numbers as NHS England prints them: weeks and percentages to 1 decimal,
 * counts with thousands separators. Rounding is half away from zero, like
 * Excel's ROUND, which the published tables use (not JavaScript's toFixed,
 * which rounds 1.005 down because of binary floating point).
 */

/** Round half away from zero to `decimals` places. */
export function roundHalfAway(x: number, decimals: number): number {
	if (!Number.isFinite(x)) return x;
	const factor = 10 ** decimals;
	// toPrecision(12) turns 1.0499999999999998 (from 1.05·10) back into 10.5 before rounding.
	const scaled = Number((Math.abs(x) * factor).toPrecision(12));
	const rounded = Math.round(scaled) / factor;
	return x < 0 ? -rounded : rounded;
}

/** 1 decimal: the precision of NHS England's published medians and percentages. */
export function roundTenth(x: number): number {
	return roundHalfAway(x, 1);
}

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const TENTH = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12,345"; no number (null, undefined) → "–". */
export function formatCount(n: number | null | undefined): string {
	if (n === null || n === undefined) return '–';
	return COUNT.format(roundHalfAway(n, 0));
}

/** 14.25 → "14.3" (the number only, for tables). */
export function formatWeeksNumber(weeks: number): string {
	return TENTH.format(roundTenth(weeks));
}

/**
 * Weeks in words. `tenth` (tables): "14.3 weeks". `whole` (sentences):
 * rounded UP to a whole week after rounding to 1 decimal, because sentences
 * say "N weeks or less" and must stay true: a median of 14.3 weeks becomes
 * "15 weeks", while a published 14.0 stays "14 weeks".
 */
export function formatWeeks(weeks: number, precision: 'tenth' | 'whole' = 'tenth'): string {
	if (!Number.isFinite(weeks) || weeks < 0) throw new RangeError(`Weeks must be finite and ≥ 0, got ${weeks}`);
	if (precision === 'tenth') {
		// Decimals take the plural in English: "1.0 weeks", "0.5 weeks".
		return `${formatWeeksNumber(weeks)} weeks`;
	}
	const whole = Math.max(1, Math.ceil(roundTenth(weeks)));
	return `${formatCount(whole)} ${whole === 1 ? 'week' : 'weeks'}`;
}

/** 72.44 → "72.4%". */
export function formatPercent(pct: number): string {
	return `${TENTH.format(roundTenth(pct))}%`;
}
