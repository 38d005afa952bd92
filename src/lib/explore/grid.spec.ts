import { describe, expect, it } from 'vitest';
import { columnWidths, formatCell, formatMilliseconds, isNumericType, nextSort, rowCountText, sortRows, visibleWindow } from './grid';

describe('formatCell', () => {
	it.each([
		[null, '', '—'],
		[undefined, '', '—'],
		[1234567, 'Float64', '1,234,567'],
		[-1234.56789, 'Float64', '-1,234.5679'],
		[0.5, 'Float64', '0.5'],
		[true, 'Bool', 'true'],
		['<img src=x onerror=alert(1)>', 'Utf8', '<img src=x onerror=alert(1)>'],
		[Date.UTC(2026, 3, 1), 'Date32<DAY>', '2026-04-01'],
		[Date.UTC(2026, 3, 1, 9, 30), 'Timestamp<MICROSECOND>', '2026-04-01 09:30:00'],
		[[1, 2], 'List', '[1,2]']
	])('%j (%s) → %j', (value, type, expected) => expect(formatCell(value, type)).toBe(expected));
});

describe('sortRows', () => {
	const rows = [{ v: 3 }, { v: null }, { v: 10 }, { v: 1 }];
	it('sorts numbers ascending with nulls last', () => expect(sortRows(rows, { column: 'v', direction: 'ascending' }).map((r) => r.v)).toEqual([1, 3, 10, null]));
	it('sorts descending with nulls still last', () => expect(sortRows(rows, { column: 'v', direction: 'descending' }).map((r) => r.v)).toEqual([10, 3, 1, null]));
	it('sorts text naturally', () => {
		const text = [{ v: 'b10' }, { v: 'b2' }, { v: 'A1' }];
		expect(sortRows(text, { column: 'v', direction: 'ascending' }).map((r) => r.v)).toEqual(['A1', 'b2', 'b10']);
	});
	it('leaves rows alone without a sort', () => expect(sortRows(rows, null)).toBe(rows));
	it('does not change the input', () => {
		const copy = [...rows];
		sortRows(rows, { column: 'v', direction: 'ascending' });
		expect(rows).toEqual(copy);
	});
});

describe('nextSort', () => {
	it('cycles ascending → descending → ascending', () => {
		const a = nextSort(null, 'x');
		expect(a).toEqual({ column: 'x', direction: 'ascending' });
		const d = nextSort(a, 'x');
		expect(d.direction).toBe('descending');
		expect(nextSort(d, 'x').direction).toBe('ascending');
		expect(nextSort(d, 'y')).toEqual({ column: 'y', direction: 'ascending' });
	});
});

describe('visibleWindow', () => {
	const at = { viewportHeight: 300, bodyTop: 60, rowHeight: 30, total: 100_000, overscan: 5 };
	it.each([
		['at the top', 0, { start: 0, end: 16 }],
		['still in the caption', 50, { start: 0, end: 16 }],
		['one row down', 90, { start: 0, end: 17 }],
		['in the middle', 60 + 30 * 50_000, { start: 49_995, end: 50_016 }],
		['at the very end', 60 + 30 * 100_000 - 300, { start: 99_985, end: 100_000 }],
		['past the end', 1e9, { start: 100_000, end: 100_000 }]
	])('%s', (_, scrollTop, expected) => expect(visibleWindow({ ...at, scrollTop })).toEqual(expected));
	it('never asks for rows that do not exist', () => {
		expect(visibleWindow({ ...at, scrollTop: 0, total: 3 })).toEqual({ start: 0, end: 3 });
		expect(visibleWindow({ ...at, scrollTop: 500, total: 0 })).toEqual({ start: 0, end: 0 });
	});
	it('survives a row height not measured yet', () => expect(visibleWindow({ ...at, scrollTop: 0, rowHeight: 0, total: 50 })).toEqual({ start: 0, end: 50 }));
});

describe('columnWidths', () => {
	const columns = [
		{ name: 'n', type: 'Float64' },
		{ name: 'note', type: 'Utf8' }
	];
	it('fits the heading and the widest sampled value, within limits', () => {
		const rows = [{ n: 1234567, note: 'x' }, { n: null, note: 'y'.repeat(100) }];
		expect(columnWidths(columns, rows)).toEqual(['1,234,567'.length, 40]);
	});
	it('samples rows spread through a long result', () => {
		const rows = Array.from({ length: 10_000 }, (_, i) => ({ n: i === 9_000 ? 1e12 : 1, note: '' }));
		expect(columnWidths(columns, rows, 100)[0]).toBe('1,000,000,000,000'.length);
		expect(columnWidths(columns, [], 100)).toEqual([6, 6]);
	});
});

describe('words', () => {
	it('names types and times', () => {
		expect(isNumericType('Float64')).toBe(true);
		expect(isNumericType('Int32')).toBe(true);
		expect(isNumericType('Utf8')).toBe(false);
		expect(formatMilliseconds(12.3)).toBe('12 ms');
		expect(formatMilliseconds(1500)).toBe('1.50 s');
		expect(rowCountText(1)).toBe('1 row');
		expect(rowCountText(12345)).toBe('12,345 rows');
	});
});
