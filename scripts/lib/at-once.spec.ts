import { describe, expect, it } from 'vitest';
import { mapAtOnce } from './at-once.ts';

/** A task that finishes after `ms`, recording how many ran at once. */
function tracked() {
	let running = 0;
	let most = 0;
	const task = async ([value, ms]: [string, number]) => {
		running++;
		most = Math.max(most, running);
		await new Promise((resolve) => setTimeout(resolve, ms));
		running--;
		return value.toUpperCase();
	};
	return { task, most: () => most };
}

describe('mapAtOnce', () => {
	const items: [string, number][] = [['a', 30], ['b', 5], ['c', 20], ['d', 1], ['e', 10], ['f', 2]];

	it.each([
		[1, 1],
		[2, 2],
		[4, 4],
		[100, items.length]
	])('with a limit of %i runs at most %i at once, and keeps the items’ order', async (limit, most) => {
		const t = tracked();
		expect(await mapAtOnce(items, limit, t.task)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
		expect(t.most()).toBe(most);
	});

	it('returns nothing for no items', async () => {
		expect(await mapAtOnce([], 3, async () => 1)).toEqual([]);
	});

	it('rejects with the first failure', async () => {
		const failing = (item: number) => (item === 2 ? Promise.reject(new Error('item 2 failed')) : Promise.resolve(item));
		await expect(mapAtOnce([1, 2, 3], 2, failing)).rejects.toThrow('item 2 failed');
	});

	it.each([0, -1, Number.NaN])('refuses a limit of %s', async (limit) => {
		await expect(mapAtOnce([1], limit, async (x) => x)).rejects.toThrow(RangeError);
	});
});
