import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { NearbyRow } from '$lib/data/nearby';
import { providerRecord, waitFigures } from '$lib/schema/test-fixtures';
import ResultsList from './ResultsList.svelte';

const rows = (n: number): NearbyRow[] =>
	Array.from({ length: n }, (_, i) => ({
		provider: providerRecord(`R${String(i).padStart(2, '0')}`, [52.4, -1.9]),
		distanceMiles: i + 1,
		site: null,
		latest: waitFigures({ median: 10 + i }),
		previous: null,
		shorterThanNearestWeeks: null
	}));

/** The first drawing (no effects run on the server): what is painted before the rest of the list follows. */
const firstDrawing = (n: number) => render(ResultsList, { props: { rows: rows(n), nearestCode: 'R00', treatment: 'C_110' } }).body;

describe('ResultsList, first drawing', () => {
	const cases: [number, number, boolean][] = [
		// [hospitals found, cards in the first drawing, list marked busy]
		[1, 1, false],
		[2, 2, false],
		[3, 2, true],
		[30, 2, true]
	];
	it.each(cases)('%i hospitals: %i cards first, busy %s', (n, cards, busy) => {
		const body = firstDrawing(n);
		expect(body.match(/<article /g)?.length).toBe(cards);
		expect(body.includes('aria-busy="true"')).toBe(busy);
		// One list, numbered from the start, whatever is drawn so far.
		expect(body.match(/<ol /g)?.length).toBe(1);
		expect(body).toMatch(/<span class="position[^"]*" aria-hidden="true">1<\/span>/);
	});
});
