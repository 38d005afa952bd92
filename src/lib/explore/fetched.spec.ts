import { describe, expect, it } from 'vitest';
import { fetchedText, formatBytes, totalBytes } from './fetched';

describe('formatBytes', () => {
	const cases: [number, string][] = [
		[0, '0 B'],
		[850, '850 B'],
		[1_000, '1 kB'],
		[12_345, '12 kB'],
		[999_499, '999 kB'],
		[1_234_567, '1.2 MB'],
		[37_200_000, '37.2 MB']
	];
	it.each(cases)('%d bytes → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('fetchedText', () => {
	const month = (m: number) => ({ name: `rtt_summary_2026_0${m}`, bytes: 600_000 });
	const cases: [string, { name: string; bytes: number }[], string][] = [
		['nothing new', [], 'fetched 0 B (its tables were loaded already)'],
		['one month', [{ name: 'rtt_summary_2026_04', bytes: 1_234_567 }], 'fetched 1.2 MB (rtt_summary_2026_04)'],
		['three tables, all named', [month(1), month(2), month(3)], 'fetched 1.8 MB (rtt_summary_2026_01, rtt_summary_2026_02, rtt_summary_2026_03)'],
		['many months, counted', [1, 2, 3, 4, 5].map(month), 'fetched 3.0 MB (5 tables: rtt_summary_2026_01, rtt_summary_2026_02, rtt_summary_2026_03 and 2 more)']
	];
	it.each(cases)('%s', (_, fetched, text) => expect(fetchedText(fetched)).toBe(text));

	it('adds the bytes', () => expect(totalBytes([month(1), month(2)])).toBe(1_200_000));
});
