import { describe, expect, it } from 'vitest';
import { clampPage, formatCell, formatMilliseconds, isNumericType, nextSort, pageCount, rowCountText, sortRows } from './grid';

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

describe('paging and words', () => {
	it('counts pages', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(100)).toBe(1);
		expect(pageCount(100_001)).toBe(1001);
		expect(clampPage(0, 250)).toBe(1);
		expect(clampPage(9, 250)).toBe(3);
	});
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
