import { describe, expect, it } from 'vitest';
import { addSaved, parseSaved, removeSaved } from './saved';

describe('saved queries', () => {
	it.each([null, '', 'nonsense', '{}', '[1, null, {"name": 3}]'])('parses %j to an empty list', (text) => expect(parseSaved(text)).toEqual([]));
	it('adds, replaces by name and removes', () => {
		const now = new Date('2026-05-01T10:00:00Z');
		let list = addSaved([], 'A', 'SELECT 1', now);
		list = addSaved(list, 'B', 'SELECT 2', now);
		list = addSaved(list, 'A', 'SELECT 3', now);
		expect(list.map((q) => [q.name, q.sql])).toEqual([['A', 'SELECT 3'], ['B', 'SELECT 2']]);
		expect(parseSaved(JSON.stringify(list))).toEqual(list);
		expect(removeSaved(list, 'A').map((q) => q.name)).toEqual(['B']);
		expect(addSaved([], '  ', 'x', now)[0].name).toBe('Query saved 2026-05-01 10:00');
	});
});
