/**
 * Each treatment's trend file, cut into parts of neighbouring providers, so that a page fetches
 * the series of the providers it shows rather than every provider's (issue #13: fetched in
 * proportion to the question, not to the history). A patient's result cards are the hospitals
 * near one place, so providers are grouped by where they are: the located ones are halved
 * along their longer side (latitude or longitude) until a group holds at most `size`; those
 * with no location, which no search near a place can show, come last in code order.
 */
import type { TreatmentTrendFile, TrendPartFile } from '../../src/lib/schema/site-data.ts';

/** Providers per part: a few dozen series, whatever the history's length. */
export const TREND_PART_PROVIDERS = 24;

export type Locate = (provider: string) => readonly [number, number] | null;

/** A treatment's part files, and which part holds each provider. */
export interface TrendSplit {
	files: TrendPartFile[];
	partOf: Map<string, number>;
}

interface Located {
	code: string;
	lat: number;
	lon: number;
}

/** Providers in groups of at most `size`: neighbours together, then the unlocated by code. */
export function providerGroups(codes: readonly string[], locate: Locate, size = TREND_PART_PROVIDERS): string[][] {
	if (!(size >= 1)) throw new Error(`A trend part must hold at least one provider (got ${size}).`);
	const located: Located[] = [];
	const unlocated: string[] = [];
	for (const code of [...codes].sort()) {
		const at = locate(code);
		if (at) located.push({ code, lat: at[0], lon: at[1] });
		else unlocated.push(code);
	}
	const groups = located.length > 0 ? halve(located, size) : [];
	for (let i = 0; i < unlocated.length; i += size) groups.push(unlocated.slice(i, i + size));
	return groups;
}

/** Halving at the median keeps the groups balanced: between size/2 and size each. */
function halve(providers: Located[], size: number): string[][] {
	if (providers.length <= size) return [providers.map((p) => p.code).sort()];
	const spread = (key: 'lat' | 'lon') => Math.max(...providers.map((p) => p[key])) - Math.min(...providers.map((p) => p[key]));
	// A degree of longitude is about 0.6 of a degree of latitude at England's latitudes.
	const key = spread('lat') >= 0.6 * spread('lon') ? 'lat' : 'lon';
	const sorted = [...providers].sort((a, b) => a[key] - b[key] || a.code.localeCompare(b.code));
	const middle = Math.ceil(sorted.length / 2);
	return [...halve(sorted.slice(0, middle), size), ...halve(sorted.slice(middle), size)];
}

/** One treatment's trend file as parts: every row in exactly one part, in code order within it (as in the file). */
export function splitTrendFile(file: TreatmentTrendFile, locate: Locate, size = TREND_PART_PROVIDERS): TrendSplit {
	const rows = new Map(file.rows.map((r) => [r.provider, r]));
	const groups = providerGroups([...rows.keys()], locate, size);
	const partOf = new Map(groups.flatMap((codes, part) => codes.map((code) => [code, part] as const)));
	const files: TrendPartFile[] = groups.map((codes, part) => ({
		treatment: file.treatment,
		part,
		parts: groups.length,
		periods: file.periods,
		rows: codes.map((code) => rows.get(code)!)
	}));
	return { files, partOf };
}

/** Every treatment's split, by treatment code. */
export function splitTrendFiles(files: readonly TreatmentTrendFile[], locate: Locate, size = TREND_PART_PROVIDERS): Map<string, TrendSplit> {
	return new Map(files.map((file) => [file.treatment, splitTrendFile(file, locate, size)]));
}
