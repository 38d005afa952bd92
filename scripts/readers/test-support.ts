/**
 * Helpers shared by the reader specs: load a hand-made fixture, make the
 * encoding/line-ending variants real files arrive in, and find the real data
 * (read at test time only; nothing from it is ever written into the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'fflate';

export const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/readers');

export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

export function fixtureText(name: string): string {
	return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const withBom = (text: string): Uint8Array => utf8('\ufeff' + text);

export const withCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

const WINDOWS_1252_EXTRAS: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Encode as Windows-1252 the way an old Excel "Save as CSV" would. */
export function windows1252(text: string): Uint8Array {
	return Uint8Array.from([...text], (c) => {
		const code = c.charCodeAt(0);
		if (code < 0x100) return code;
		const b = WINDOWS_1252_EXTRAS[c];
		if (b === undefined) throw new Error(`"${c}" has no Windows-1252 byte in this test helper`);
		return b;
	});
}

/** The real published data folder, if this machine has it. */
export const SHARED_DATA = process.env.OPENWAITS_SHARED_DATA ?? resolve(process.cwd(), '../shared/data');
export const hasSharedData = existsSync(SHARED_DATA);

/** A real file's bytes, gunzipped when its name ends in .gz (as the build would hand them over). */
export function sharedFile(relative: string): Uint8Array {
	const raw = new Uint8Array(readFileSync(resolve(SHARED_DATA, relative)));
	return relative.endsWith('.gz') ? gunzipSync(raw) : raw;
}
