import { describe, expect, it } from 'vitest';
import { appendBatch } from './csv-worker-protocol';

describe('appendBatch', () => {
	it('appends each batch to its column, in order, creating columns on the first batch', () => {
		const columns: (string | number | boolean | null)[][] = [];
		appendBatch(columns, [['a', 'b'], [1, null]]);
		appendBatch(columns, [[], []]);
		appendBatch(columns, [['c'], [3]]);
		expect(columns).toEqual([['a', 'b', 'c'], [1, null, 3]]);
	});

	it('copes with a batch far larger than the argument limit of push(...values)', () => {
		const columns: number[][] = [[]];
		appendBatch(columns, [Array.from({ length: 300_000 }, (_, i) => i)]);
		expect(columns[0].length).toBe(300_000);
		expect(columns[0][299_999]).toBe(299_999);
	});
});
