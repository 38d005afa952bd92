/**
 * Seeded mutations of a file's bytes, for the fuzzer. Every case is replayable from
 * (seed, case number) alone: the case's PRNG is derived from both.
 */
import { seededRandom, type Random } from '../../src/lib/stats/seeded-random.ts';
import { concatBytes } from '../../src/lib/files/bytes.ts';

/** mulberry32: small, fast, good enough to pick mutations. */
export class Prng {
	private readonly random: Random;
	constructor(seed: number) {
		this.random = seededRandom(seed);
	}
	next(): number {
		return this.random();
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
}

/** The PRNG of case `index` of a run with `seed`. */
export function caseRng(seed: number, index: number): Prng {
	let h = 2166136261 ^ seed;
	for (const v of [index, index >>> 16, seed >>> 16]) h = Math.imul(h ^ v, 16777619);
	return new Prng(h >>> 0);
}

const enc = new TextEncoder();
const latin = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const fromLatin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Lines as byte strings (each char one byte), so no mutation depends on the encoding. */
function lines(bytes: Uint8Array): string[] {
	return latin(bytes).split('\n');
}
const join = (ls: string[]) => fromLatin(ls.join('\n'));

const concat = (...parts: Uint8Array[]) => concatBytes(parts);

/** A data line (not the header, when there is one), or the header when it is the only line. */
function lineIndex(ls: string[], rng: Prng): number {
	return ls.length > 1 ? rng.int(rng.chance(0.1) ? 0 : 1, ls.length - 1) : 0;
}

/** Replace one run of digits on some line. */
function replaceNumber(bytes: Uint8Array, rng: Prng, replace: (digits: string) => string): Uint8Array {
	const ls = lines(bytes);
	const i = lineIndex(ls, rng);
	const runs = [...ls[i].matchAll(/\d+/g)];
	if (runs.length === 0) return bytes;
	const m = rng.pick(runs);
	ls[i] = ls[i].slice(0, m.index) + replace(m[0]) + ls[i].slice(m.index! + m[0].length);
	return join(ls);
}

export type Mutation = (bytes: Uint8Array, rng: Prng) => Uint8Array;

export const MUTATIONS: Record<string, Mutation> = {
	flipBytes(bytes, rng) {
		const out = bytes.slice();
		for (let k = rng.int(1, 8); k > 0 && out.length; k--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
		return out;
	},
	deleteLine(bytes, rng) {
		const ls = lines(bytes);
		ls.splice(lineIndex(ls, rng), rng.int(1, 3));
		return join(ls);
	},
	duplicateLine(bytes, rng) {
		const ls = lines(bytes);
		const i = lineIndex(ls, rng);
		ls.splice(rng.int(0, ls.length), 0, ...Array(rng.int(1, 3)).fill(ls[i]));
		return join(ls);
	},
	swapLines(bytes, rng) {
		const ls = lines(bytes);
		const [a, b] = [lineIndex(ls, rng), lineIndex(ls, rng)];
		[ls[a], ls[b]] = [ls[b], ls[a]];
		return join(ls);
	},
	truncate(bytes, rng) {
		return bytes.subarray(0, rng.chance(0.2) ? rng.int(0, Math.min(bytes.length, 200)) : rng.int(0, bytes.length));
	},
	randomBytes(bytes, rng) {
		const junk = Uint8Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255));
		const at = rng.int(0, bytes.length);
		return concat(bytes.subarray(0, at), junk, bytes.subarray(rng.chance(0.5) ? at : Math.min(bytes.length, at + junk.length)));
	},
	changeSeparator(bytes, rng) {
		const to = rng.pick([';', '\t', '¬', '~', '|', ',,', '']);
		const from = rng.pick([',', '¬', '~']);
		if (rng.chance(0.5)) return enc.encode(new TextDecoder('latin1').decode(bytes).replaceAll(from, to));
		const ls = lines(bytes);
		const i = lineIndex(ls, rng);
		ls[i] = ls[i].replaceAll(from, to === '¬' ? '\xac' : to);
		return join(ls);
	},
	changeQuotes(bytes, rng) {
		const ls = lines(bytes);
		const i = lineIndex(ls, rng);
		const kind = rng.int(0, 3);
		if (kind === 0) ls[i] = ls[i].replaceAll('"', '');
		else if (kind === 1) {
			const at = rng.int(0, ls[i].length);
			ls[i] = ls[i].slice(0, at) + '"' + ls[i].slice(at);
		} else if (kind === 2) ls[i] = ls[i].split(',').map((f) => (rng.chance(0.3) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
		else ls[i] = '"' + ls[i]; // an unclosed quote that swallows the rest of the file
		return join(ls);
	},
	hugeNumber(bytes, rng) {
		return replaceNumber(bytes, rng, () => rng.pick(['2147483648', '4294967296', '9007199254740993', '99999999999999999999999', '1e308', '1E400', '0x10', '1,000,000', 'NaN', 'Infinity', '00000000000000000001']));
	},
	negativeNumber(bytes, rng) {
		return replaceNumber(bytes, rng, (d) => rng.pick([`-${d}`, '-0', '-2147483649', `- ${d}`, `${d}-`]));
	},
	emptyField(bytes, rng) {
		return replaceNumber(bytes, rng, () => rng.pick(['', ' ', '""', '.', '*', '-']));
	},
	insertBom(bytes, rng) {
		const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
		if (rng.chance(0.6)) return concat(bom, bom.subarray(0, rng.chance(0.2) ? 3 : 0), bytes);
		const at = rng.int(0, bytes.length);
		return concat(bytes.subarray(0, at), bom, bytes.subarray(at));
	},
	changeEncoding(bytes, rng) {
		const text = new TextDecoder('utf-8').decode(bytes);
		const kind = rng.int(0, 3);
		if (kind === 0) {
			// UTF-16LE with its BOM, as Excel's "Unicode text" saves.
			const out = new Uint8Array(2 + text.length * 2);
			out.set([0xff, 0xfe]);
			for (let i = 0; i < text.length; i++) {
				out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
				out[3 + 2 * i] = text.charCodeAt(i) >> 8;
			}
			return out;
		}
		if (kind === 1) return fromLatin(text.replace(/[^\x00-\xff]/g, '?')); // Latin-1
		if (kind === 2) return enc.encode(latin(bytes)); // double-encoded UTF-8 (mojibake)
		// a Windows-1252 name on one line
		const ls = lines(bytes);
		const i = lineIndex(ls, rng);
		ls[i] = ls[i].replace(/[A-Z]{3,}/, (w) => `${w}\x92S CAF\xc9 \x96`);
		return join(ls);
	},
	lineEndings(bytes, rng) {
		const text = latin(bytes);
		return fromLatin(rng.pick([() => text.replace(/\r?\n/g, '\r\n'), () => text.replace(/\r\n/g, '\n'), () => text.replace(/\r?\n/g, '\r'), () => text.replace(/\n/g, '\n\n')])());
	},
	nulBytes(bytes, rng) {
		const out = bytes.slice();
		for (let k = rng.int(1, 4); k > 0 && out.length; k--) out[rng.int(0, out.length - 1)] = 0;
		return out;
	},
	dropColumn(bytes, rng) {
		const ls = lines(bytes);
		const i = lineIndex(ls, rng);
		const fields = ls[i].split(',');
		fields.splice(rng.int(0, fields.length - 1), 1);
		ls[i] = fields.join(',');
		return join(ls);
	}
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Apply 1–3 seeded mutations; returns the bytes and their names (for replay). */
export function mutate(bytes: Uint8Array, rng: Prng): { bytes: Uint8Array; applied: string[] } {
	const applied: string[] = [];
	let out = bytes;
	for (let k = rng.int(1, 3); k > 0; k--) {
		const name = rng.pick(MUTATION_NAMES);
		out = MUTATIONS[name](out, rng);
		applied.push(name);
	}
	return { bytes: out, applied };
}
