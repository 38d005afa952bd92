import { describe, expect, it } from 'vitest';
import type { CouncilMeasure, CouncilValue } from '../schema/council.ts';
import { formatCell, formatDate, formatMeasureNumber, ordinal } from './format.ts';

type Unit = Pick<CouncilMeasure, 'unit' | 'decimals'>;
const pct: Unit = { unit: 'percent', decimals: 1 };

describe('formatMeasureNumber: the publisher’s decimals', () => {
	const cases: [number | null, Unit, string][] = [
		[45.249, pct, '45.2%'],
		[45.25, pct, '45.3%'], // half away from zero, as Excel's ROUND
		[22, pct, '22.0%'],
		[512.34, { unit: 'kg-per-household', decimals: 1 }, '512.3 kg'],
		[12345, { unit: 'count', decimals: 0 }, '12,345'],
		[3.14159, { unit: 'per-1000', decimals: 2 }, '3.14 per 1,000'],
		[null, pct, '–'],
		[Number.NaN, pct, '–']
	];
	for (const [value, unit, expected] of cases) it(`${value} → ${expected}`, () => expect(formatMeasureNumber(value, unit)).toBe(expected));
});

describe('formatCell', () => {
	const base: CouncilValue = { code: 'X', year: '2025', numerator: 1, denominator: 3, value: 33.333, suppressed: false, published: null };
	const cases: [CouncilValue | null, string][] = [
		[base, '33.3%'],
		[{ ...base, published: 33.4 }, '33.4%'], // the publisher's own figure wins
		[{ ...base, value: null, suppressed: true }, 'Suppressed'],
		[null, '–']
	];
	for (const [cell, expected] of cases) it(expected, () => expect(formatCell(cell, pct)).toBe(expected));
});

describe('ordinal', () => {
	const cases: [number, string][] = [[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'], [21, '21st'], [22, '22nd'], [101, '101st'], [111, '111th']];
	for (const [n, expected] of cases) it(expected, () => expect(ordinal(n)).toBe(expected));
});

describe('formatDate', () => {
	const cases: [string, string][] = [['2024-03-15', '15 March 2024'], ['2019-11-02', '2 November 2019'], ['2024-13-40', '2024-13-40'], ['soon', 'soon']];
	for (const [iso, expected] of cases) it(iso, () => expect(formatDate(iso)).toBe(expected));
});
