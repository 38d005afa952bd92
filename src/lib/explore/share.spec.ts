import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, fromBase64Url, stateFromHash, toBase64Url } from './share';

describe('share state', () => {
	it('round-trips a query and chart settings', async () => {
		const state = { sql: "SELECT 'é', \"x\" -- ü\nFROM providers", chart: { kind: 'bar' as const, x: 'name', y: 'n', title: 'T' } };
		const encoded = await encodeState(state);
		expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(await decodeState(encoded)).toEqual(state);
	});

	it('round-trips a long query more compactly than plain text', async () => {
		const sql = 'SELECT provider_code, sum(over_52) FROM rtt_summary GROUP BY 1 '.repeat(50);
		const encoded = await encodeState({ sql, chart: null });
		expect(encoded.length).toBeLessThan(sql.length / 4);
		expect(await decodeState(encoded)).toEqual({ sql, chart: null });
	});

	it.each([
		'',
		'!!!',
		'a',
		'AAAA',
		'____',
		'x'.repeat(1000),
		'<script>',
		'%00',
		'A'.repeat(300_000)
	])('decoding garbage %j gives null', async (text) => {
		await expect(decodeState(text)).resolves.toBeNull();
	});

	it('rejects valid compression of the wrong shape', async () => {
		const bad = toBase64Url(new Uint8Array(await new Response(new Blob([JSON.stringify({ q: 5 })]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()));
		expect(await decodeState(bad)).toBeNull();
	});

	it('drops an invalid chart but keeps the query', async () => {
		const raw = JSON.stringify({ q: 'SELECT 1', c: { kind: 'pie', x: 'a', y: 'b' } });
		const encoded = toBase64Url(new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()));
		expect(await decodeState(encoded)).toEqual({ sql: 'SELECT 1', chart: null });
	});

	it('decodes a truncated link to null', async () => {
		const encoded = await encodeState({ sql: 'SELECT * FROM providers WHERE name LIKE \'%Leeds%\'', chart: null });
		expect(await decodeState(encoded.slice(0, encoded.length - 6))).toBeNull();
	});
});

describe('base64url', () => {
	it('round-trips bytes', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
	});
	it('refuses characters outside the alphabet', () => expect(fromBase64Url('ab+/')).toBeNull());
});

describe('stateFromHash', () => {
	it.each([
		['#s=abc_-', 'abc_-'],
		['s=xyz', 'xyz'],
		['#x=1&s=q', 'q'],
		['#other', null],
		['', null]
	])('%j → %j', (hash, expected) => expect(stateFromHash(hash)).toBe(expected));
});
