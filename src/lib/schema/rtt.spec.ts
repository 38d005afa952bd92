import { describe, expect, it } from 'vitest';
import { RTT_HEADER, RTT_BAND_HEADERS, parseRttPeriod } from './rtt.ts';

describe('RTT header', () => {
	it('has the 121 published columns', () => {
		expect(RTT_HEADER).toHaveLength(121);
		expect(RTT_BAND_HEADERS[0]).toBe('Gt 00 To 01 Weeks SUM 1');
		expect(RTT_BAND_HEADERS[103]).toBe('Gt 103 To 104 Weeks SUM 1');
		expect(RTT_BAND_HEADERS[104]).toBe('Gt 104 Weeks SUM 1');
	});
});

describe('parseRttPeriod', () => {
	const cases: [string, string | null][] = [
		['RTT-January-2026', '2026-01'],
		['RTT-April-2026', '2026-04'],
		[' RTT-december-2025 ', '2025-12'],
		['RTT-Jan-2026', null],
		['January 2026', null],
		['', null]
	];
	for (const [text, expected] of cases) {
		it(`${JSON.stringify(text)} → ${expected}`, () => expect(parseRttPeriod(text)).toBe(expected));
	}
});
