/**
 * The explore page's state in a URL fragment: JSON, deflate-raw compressed
 * with the browser's CompressionStream, then base64url. The fragment never
 * reaches the server. Decoding anything (truncated, tampered, garbage) gives
 * null, never an exception.
 */

export type ChartKind = 'bar' | 'line' | 'scatter' | 'histogram';

export interface ChartSettings {
	kind: ChartKind;
	x: string;
	y: string;
	title: string;
}

export interface ShareState {
	sql: string;
	chart: ChartSettings | null;
}

export const CHART_KINDS: ChartKind[] = ['bar', 'line', 'scatter', 'histogram'];
/** Shared links longer than this are refused when decoding (a 100 kB query is already absurd). */
const MAX_ENCODED = 200_000;
const MAX_DECODED = 1_000_000;

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	try {
		const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
		return Uint8Array.from(binary, (c) => c.charCodeAt(0));
	} catch {
		return null;
	}
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			throw new Error('too large');
		}
		parts.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

export async function encodeState(state: ShareState): Promise<string> {
	const json = JSON.stringify(state.chart ? { q: state.sql, c: state.chart } : { q: state.sql });
	const compressed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
	return toBase64Url(compressed);
}

/** Checks the shape strictly: a link may have been made by anyone. */
export function validState(value: unknown): ShareState | null {
	if (!value || typeof value !== 'object') return null;
	const { q, c } = value as { q?: unknown; c?: unknown };
	if (typeof q !== 'string') return null;
	let chart: ChartSettings | null = null;
	if (c && typeof c === 'object') {
		const { kind, x, y, title } = c as Record<string, unknown>;
		if (CHART_KINDS.includes(kind as ChartKind) && typeof x === 'string' && typeof y === 'string') {
			chart = { kind: kind as ChartKind, x, y, title: typeof title === 'string' ? title.slice(0, 200) : '' };
		}
	}
	return { sql: q, chart };
}

export async function decodeState(text: string): Promise<ShareState | null> {
	try {
		if (typeof text !== 'string' || text.length > MAX_ENCODED) return null;
		const bytes = fromBase64Url(text);
		if (!bytes || bytes.length === 0) return null;
		const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DECODED);
		return validState(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
	} catch {
		return null;
	}
}

/** '#s=abc' → 'abc' (or null when the fragment holds no state). */
export function stateFromHash(hash: string): string | null {
	const match = /^#?(?:.*&)?s=([A-Za-z0-9_-]+)/.exec(hash);
	return match ? match[1] : null;
}
