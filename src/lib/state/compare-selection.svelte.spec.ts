import { beforeEach, describe, expect, it } from 'vitest';
import { compareSelection, MAX_COMPARE, setCompared } from './compare-selection.svelte.ts';

describe('compare selection', () => {
	beforeEach(() => (compareSelection.chosen = []));
	it('adds, ignores repeats, removes', () => {
		setCompared('AAA', 'Hospital A', true);
		setCompared('AAA', 'Hospital A', true);
		setCompared('BBB', 'Hospital B', true);
		setCompared('AAA', 'Hospital A', false);
		expect(compareSelection.chosen).toEqual([{ code: 'BBB', name: 'Hospital B' }]);
	});
	it(`keeps at most ${MAX_COMPARE}`, () => {
		for (const code of ['A1A', 'B2B', 'C3C', 'D4D', 'E5E']) setCompared(code, code, true);
		expect(compareSelection.chosen.map((c) => c.code)).toEqual(['A1A', 'B2B', 'C3C', 'D4D']);
	});
});
