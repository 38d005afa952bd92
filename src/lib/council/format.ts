/**
 * Council figures as their publishers print them: Defra and DfE percentages to one
 * decimal place, counts with thousands separators. The publisher's own figure is shown
 * where the file has one; ours (numerator ÷ denominator) only where it does not.
 */
import type { CouncilMeasure, CouncilValue } from '../schema/council.ts';
import { roundHalfAway } from '../format/numbers.ts';

const UNIT_SUFFIX: Record<CouncilMeasure['unit'], (text: string) => string> = {
	percent: (t) => `${t}%`,
	'kg-per-household': (t) => `${t} kg`,
	'per-1000': (t) => `${t} per 1,000`,
	count: (t) => t
};

/** 45.249 (percent, 1 decimal) → "45.2%"; null → "–". */
export function formatMeasureNumber(value: number | null, measure: Pick<CouncilMeasure, 'unit' | 'decimals'>): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const text = new Intl.NumberFormat('en-GB', { minimumFractionDigits: measure.decimals, maximumFractionDigits: measure.decimals }).format(roundHalfAway(value, measure.decimals));
	return UNIT_SUFFIX[measure.unit](text);
}

/** The figure to show for a cell: the publisher's own where printed, else ours. */
export function shownValue(cell: Pick<CouncilValue, 'value' | 'published'> | null): number | null {
	return cell?.published ?? cell?.value ?? null;
}

/** A cell in words: the figure, "suppressed" for the publisher's suppression codes, "–" when absent. */
export function formatCell(cell: CouncilValue | null, measure: Pick<CouncilMeasure, 'unit' | 'decimals'>): string {
	if (cell?.suppressed) return 'Suppressed';
	return formatMeasureNumber(shownValue(cell), measure);
}

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
	return `${n}${suffix}`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2024-03-15' → '15 March 2024'; anything that is not a date is shown as it came. */
export function formatDate(iso: string): string {
	const time = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : Number.NaN;
	return Number.isFinite(time) ? DATE.format(time) : iso;
}
