import { describe, expect, it } from 'vitest';
import { joinTrendParts, trendPartsFor } from './trend-parts.ts';
import type { TrendPartFile } from '../schema/site-data.ts';
import { providerTrend } from '../schema/test-fixtures.ts';

const waits = { trendParts: 4, rows: [{ provider: 'A', trendPart: 2 }, { provider: 'B', trendPart: 0 }, { provider: 'C', trendPart: 2 }] };

describe('trendPartsFor: the parts holding the providers shown', () => {
	const cases: [string, string[], number[]][] = [
		['one provider: its part', ['B'], [0]],
		['neighbours in one part: fetched once', ['C', 'A'], [2]],
		['in order', ['C', 'B'], [0, 2]],
		['nobody shown: nothing', [], []],
		// Stopped reporting before the waits file's months: its part is not listed, so every part.
		['a provider the waits file does not list: every part', ['A', 'Q'], [0, 1, 2, 3]]
	];
	it.each(cases)('%s', (_, providers, parts) => expect(trendPartsFor(waits as never, providers)).toEqual(parts));
});

describe('joinTrendParts', () => {
	const part = (n: number, codes: string[], periods = ['2026-04']): TrendPartFile => ({ treatment: 'C_110', part: n, parts: 3, periods, rows: codes.map((code) => providerTrend(code)) });

	it('joins parts into one trend, providers in code order', () => {
		expect(joinTrendParts([part(2, ['M', 'N']), part(0, ['B', 'Z'])])).toEqual({ treatment: 'C_110', periods: ['2026-04'], rows: ['B', 'M', 'N', 'Z'].map((code) => providerTrend(code)) });
	});
	it('nothing fetched: no trend', () => expect(joinTrendParts([])).toBeNull());
	it('refuses parts of different builds', () => {
		expect(() => joinTrendParts([part(0, ['A']), part(1, ['B'], ['2026-01', '2026-04'])])).toThrow('do not belong together');
		expect(() => joinTrendParts([part(0, ['A']), { ...part(1, ['B']), treatment: 'C_999' }])).toThrow('do not belong together');
	});
});
