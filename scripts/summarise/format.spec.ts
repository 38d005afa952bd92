import { describe, expect, it } from 'vitest';
import { bandsFromCounts } from '../../src/lib/stats/bands.ts';
import { summariseWaits } from '../../src/lib/stats/wait-summary.ts';
import { COLUMNS, csvField, toCsv, toJson, toRecord } from './format.ts';

const group = (counts: Record<number, number>, unknown = 0) => ({
	code: 'RXX', name: 'A "quoted", name', treatmentCode: 'C_999', treatmentName: 'Total',
	totalAll: Object.values(counts).reduce((a, b) => a + b, 0) + unknown,
	summary: summariseWaits(bandsFromCounts(counts), unknown)
});

describe('csvField (RFC 4180)', () => {
	it.each([
		[null, ''],
		[0, '0'],
		[12.5, '12.5'],
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\r', '"cr\r"']
	])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('toRecord', () => {
	it.each([
		{ name: 'ordinary list', counts: { 0: 30, 20: 10 }, expected: { median_weeks: 0.67, p92_weeks: 20.68, pct_within_18: 75, over_52: 0, flags: [] } },
		{ name: 'too few: counts kept, figures empty', counts: { 3: 19 }, expected: { pathways: 19, median_weeks: null, pct_within_18: null, pct_within_18_low: null, flags: ['too_few'] } },
		{ name: 'percentiles in the open top band', counts: { 0: 10, 104: 30 }, expected: { median_weeks: null, p92_weeks: null, over_104: 30, over_52: 30, flags: ['median_over_104', 'p92_over_104', 'p95_over_104'] } }
	] as { name: string; counts: Record<number, number>; expected: object }[])('$name', ({ counts, expected }) => {
		expect(toRecord(group(counts))).toMatchObject(expected);
	});

	it('keeps unknown clock starts out of the figures but in total_all', () => {
		expect(toRecord(group({ 0: 40 }, 7))).toMatchObject({ pathways: 40, unknown_clock_start: 7, total_all: 47 });
	});
});

describe('toCsv / toJson', () => {
	const records = [toRecord(group({ 0: 30, 20: 10 })), toRecord(group({ 3: 1 }))];
	it('writes a header and CRLF-terminated rows, quoting where needed', () => {
		const lines = toCsv(records).split('\r\n');
		expect(lines[0]).toBe(COLUMNS.join(','));
		expect(lines[1].startsWith('RXX,"A ""quoted"", name",C_999,Total,40,0,40,0.67,')).toBe(true);
		expect(lines[2].endsWith(',too_few')).toBe(true);
		expect(lines).toHaveLength(4);
		expect(lines[3]).toBe('');
	});

	it('round-trips as JSON', () => {
		expect(JSON.parse(toJson(records))).toEqual(records);
	});
});
