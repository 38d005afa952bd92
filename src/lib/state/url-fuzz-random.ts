/**
 * TEST-ONLY random query strings for url-fuzz.spec.ts (raw bytes, broken
 * percent-encoding, huge values, repeated keys, unicode, prototype names),
 * drawn from a seeded generator so every run tries the same cases.
 * Nothing in the site imports this file.
 */
import { randomInt, type Random } from '../stats/seeded-random.ts';

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** encodeURIComponent refuses a lone surrogate; such a key is then sent raw (as a hand-made link would). */
function encodeOrRaw(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		return text;
	}
}

const NASTY_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'null', 'undefined', 'NaN', 'Infinity', '-0', '1e400', '0x19', ' 25 ', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '../../etc/passwd', 'javascript:alert(1)'];
const NASTY_CHARS = [...'abcXYZ019 _-.,;:=&?+#/\\<>"\'`$@!~^*(){}[]|\t\n\r', '\u0000', '\u007f', 'é', '€', '¬', '😀', '\u202e', '\ufeff', '\ud800', '\udfff', '\u2028'];
const BROKEN_ESCAPES = ['%', '%Z', '%ZZ', '%0', '%E0%A4', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%25', '%2525', '%u0041', '%%', '%2', '%F0%9F%98'];

export function randomText(random: Random, max: number): string {
	const length = randomInt(random, 0, max);
	let text = '';
	for (let i = 0; i < length; i++) {
		const r = random();
		if (r < 0.7) text += pick(random, NASTY_CHARS);
		else if (r < 0.85) text += pick(random, BROKEN_ESCAPES);
		else text += `%${randomInt(random, 0, 255).toString(16).padStart(2, '0')}`; // any byte, percent-encoded
	}
	return text;
}

export function randomValue(random: Random, good: readonly string[]): string {
	const r = random();
	if (r < 0.25) return pick(random, good);
	if (r < 0.45) return mutate(random, pick(random, good));
	if (r < 0.6) return pick(random, NASTY_WORDS);
	if (r < 0.63) return 'x'.repeat(randomInt(random, 1_000, 200_000)); // huge
	if (r < 0.66) return encodeURIComponent(pick(random, good)).repeat(randomInt(random, 2, 500));
	return randomText(random, 30);
}

function mutate(random: Random, text: string): string {
	const at = randomInt(random, 0, text.length);
	const r = random();
	if (r < 0.3) return text.slice(0, at) + pick(random, NASTY_CHARS) + text.slice(at);
	if (r < 0.5) return text.slice(0, at) + text.slice(at + 1);
	if (r < 0.7) return text.toLowerCase() === text ? text.toUpperCase() : text.toLowerCase();
	if (r < 0.85) return ` ${text} `;
	return text + text;
}

/** A query string built for one reader: its own keys (repeated, misspelt, empty), its good values mutated, and noise. */
export function randomQuery(random: Random, keys: readonly string[], good: readonly string[]): string {
	const shape = random();
	if (shape < 0.15) return randomText(random, 80); // pure noise
	if (shape < 0.2) return pick(random, ['', '?', '&', '=', '&&&=&==', '?&?&', '#', '%', '+', '?+=+']);
	const parts: string[] = [];
	const count = randomInt(random, 1, 8);
	for (let i = 0; i < count; i++) {
		const key = random() < 0.8 ? pick(random, keys) : random() < 0.5 ? pick(random, NASTY_WORDS) : randomText(random, 8);
		const value = randomValue(random, good);
		parts.push(random() < 0.1 ? key : `${random() < 0.5 ? encodeOrRaw(key) : key}=${value}`);
	}
	const query = parts.join(random() < 0.9 ? '&' : pick(random, ['&&', ';', '&amp;']));
	return random() < 0.2 ? `?${query}` : query;
}

/** SvelteKit hands a route the decoded path segment; a segment that does not decode stays as it is. */
export function decodedOrRaw(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
