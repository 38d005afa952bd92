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
	// A whole number is already rounded (counts mostly are): toPrecision is the slow part, and
	// below 1e12 it keeps every digit, so the answer is the same. −0 becomes 0, as below.
	if (decimals >= 0 && Number.isInteger(x) && Math.abs(x) * factor < 1e12) return x === 0 ? 0 : x;
	const exact = Math.abs(x) * factor;
	// toPrecision(12) moves `exact` by at most 5e-12 of itself, which only matters within that of
	// a half: elsewhere Math.round gives the same answer without the (slow) round trip through text.
	const nearHalf = Math.abs(exact - Math.floor(exact) - 0.5) <= 1e-10 * Math.max(1, exact);
	// toPrecision(12) turns 1.0499999999999998 (from 1.05·10) back into 10.5 before rounding.
	const scaled = nearHalf || exact >= 1e11 ? Number(exact.toPrecision(12)) : exact;
	const rounded = Math.round(scaled) / factor;
	return x < 0 ? -rounded : rounded;
}

/** 1 decimal: the precision of NHS England's published medians and percentages. */
export function roundTenth(x: number): number {
	return roundHalfAway(x, 1);
}

// Made when first needed: formatRounded rarely needs them, and making both costs more CPU
// (about 13 ms, loading ICU's data) than formatting every number of a build by hand.
let count: Intl.NumberFormat | undefined;
let tenth: Intl.NumberFormat | undefined;

function intlFormat(value: number, decimals: 0 | 1): string {
	if (decimals) return (tenth ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);
	return (count ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })).format(value);
}

/** "1234567" → "1,234,567": en-GB's grouping of whole digits. */
function grouped(digits: string): string {
	if (digits.length < 4) return digits;
	const head = digits.length % 3 || 3;
	let text = digits.slice(0, head);
	for (let i = head; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
	return text;
}

/** Below this, tenths (value × 10) are whole numbers a double holds exactly, so the shortcuts below are exact. */
const EXACT_TENTHS = 1e14;

/**
 * What Intl's en-GB formats, written by hand for the usual numbers (the data build
 * formats hundreds of thousands of them, and Intl took most of that time); anything
 * unusual (−0, very large, not finite) still goes to Intl. numbers.spec.ts checks both agree.
 */
export function formatRounded(value: number, decimals: 0 | 1): string {
	if (!Number.isFinite(value) || Object.is(value, -0) || Math.abs(value) >= 1e15) return intlFormat(value, decimals);
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	// The callers round first, so the value is nearly always a whole number or the double nearest
	// some n/10: then its digits are String's (no text to split), and toFixed would give the same.
	if (abs < EXACT_TENTHS) {
		if (decimals === 0) {
			if (Number.isInteger(abs)) return `${sign}${grouped(String(abs))}`;
		} else {
			const tenths = Math.round(abs * 10);
			const digit = tenths % 10;
			if (tenths / 10 === abs) return `${sign}${grouped(String((tenths - digit) / 10))}.${digit}`;
		}
	}
	const [whole, fraction] = abs.toFixed(decimals).split('.');
	return `${sign}${grouped(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** 12345 → "12,345"; no number (null, undefined) → "–". */
export function formatCount(n: number | null | undefined): string {
	if (n === null || n === undefined) return '–';
	return formatRounded(roundHalfAway(n, 0), 0);
}

/** 14.25 → "14.3" (the number only, for tables). */
export function formatWeeksNumber(weeks: number): string {
	return formatRounded(roundTenth(weeks), 1);
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
	return `${formatRounded(roundTenth(pct), 1)}%`;
}
