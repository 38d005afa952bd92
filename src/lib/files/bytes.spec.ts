import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes';

describe('concatBytes', () => {
	it.each([
		[[], []],
		[[[1, 2]], [1, 2]],
		[[[1], [], [2, 3], [4]], [1, 2, 3, 4]]
	])('%j → %j', (parts, expected) => {
		expect([...concatBytes(parts.map((p) => Uint8Array.from(p)))]).toEqual(expected);
	});

	it('keeps the parts, or empties the list when asked to release them', () => {
		const parts = [Uint8Array.of(1), Uint8Array.of(2)];
		expect([...concatBytes(parts)]).toEqual([1, 2]);
		expect(parts).toHaveLength(2);
		expect([...concatBytes(parts, { release: true })]).toEqual([1, 2]);
		expect(parts).toHaveLength(0);
	});
});
