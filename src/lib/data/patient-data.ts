/**
 * Small cached loaders for the patient files in static/data/patient, and the
 * glue between their compact figures and the pure libraries (change.ts,
 * nearby.ts, treatments.ts). Each file is fetched (and parsed) once per page
 * session; a failed fetch is forgotten so the next search tries again.
 *
 * "Not there" (HTTP 404: no such postcode area, no figures for a treatment) is
 * an answer, returned as null. Anything else (network down, bad JSON) throws.
 */
import { dataUrl } from './site-files.ts';
import { ALL_TREATMENTS_CODE, searchTreatments, treatmentByCode, type Treatment } from './treatments.ts';
import { comparableMedian, providerDistance } from './nearby.ts';
import { joinTrendParts, trendPartsFor } from './trend-parts.ts';
import { compareWaits, type ChangeInput, type WaitChange } from '../stats/change.ts';
import type { WaitPercentile } from '../stats/percentile.ts';
import {
	providersOf,
	trendMonths,
	trendPartPath,
	type PostcodeAreaFile,
	type ProviderRecord,
	type ProvidersFile,
	type TreatmentTrendFile,
	type TreatmentWaitsFile,
	type TrendFigures,
	type TrendPartFile,
	type WaitFigures
} from '../schema/site-data.ts';

export type Fetcher = typeof fetch;

const cache = new Map<string, Promise<unknown>>();

/** For tests: forget every cached file. */
export function clearPatientDataCache(): void {
	cache.clear();
}

/** Fetch `static/data/<path>` once; null on 404. */
export function loadPatientJson<T>(path: string, fetcher: Fetcher = fetch): Promise<T | null> {
	const cached = cache.get(path);
	if (cached) return cached as Promise<T | null>;
	const promise = (async () => {
		const response = await fetcher(dataUrl(path));
		if (response.status === 404) return null;
		if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}).`);
		return (await response.json()) as T;
	})();
	cache.set(path, promise);
	promise.catch(() => cache.delete(path));
	return promise;
}

/** One list per loaded file, so every caller shares the same records. */
const providerLists = new WeakMap<ProvidersFile, ProviderRecord[]>();

export async function loadProviders(fetcher?: Fetcher): Promise<ProviderRecord[]> {
	const file = await loadPatientJson<ProvidersFile>('patient/providers.json', fetcher);
	if (!file) throw new Error('Could not load the list of hospitals.');
	let list = providerLists.get(file);
	if (!list) providerLists.set(file, (list = providersOf(file)));
	return list;
}

/** Codes are checked first: the path must never be built from arbitrary text. */
export function loadWaits(treatment: string, fetcher?: Fetcher): Promise<TreatmentWaitsFile | null> {
	if (!/^(C_\d{3}|X0\d)$/.test(treatment)) return Promise.resolve(null);
	return loadPatientJson<TreatmentWaitsFile>(`patient/waits-${treatment}.json`, fetcher);
}

/**
 * Every month's compact series for one treatment, fetched after the first answer is shown: only
 * the parts holding `providers` (the waits file, already loaded, says which). Rows of other
 * providers in those parts come along.
 */
export async function loadTrend(treatment: string, providers: readonly string[], fetcher?: Fetcher): Promise<TreatmentTrendFile | null> {
	const waits = await loadWaits(treatment, fetcher);
	if (!waits) return null;
	const parts = await Promise.all(trendPartsFor(waits, providers).map((part) => loadPatientJson<TrendPartFile>(trendPartPath(treatment, part), fetcher)));
	return joinTrendParts(parts.filter((p) => p !== null));
}

/** One provider's months from a trend file, oldest first; [] when it has none. */
export function providerTrendMonths(trend: TreatmentTrendFile | null, provider: string): TrendFigures[] {
	const row = trend?.rows.find((r) => r.provider === provider);
	return trend && row ? trendMonths(trend.periods, row) : [];
}

export function loadPostcodeArea(area: string, fetcher?: Fetcher): Promise<PostcodeAreaFile | null> {
	if (!/^[A-Z]{1,2}$/.test(area)) return Promise.resolve(null);
	return loadPatientJson<PostcodeAreaFile>(`patient/postcodes/${area}.json`, fetcher);
}

// ------------------------------------------------------------------ treatments

/**
 * What the patient typed (or a code from a link) → one treatment; null when
 * nothing matches. Exact plain-words names (what the suggestion list offers)
 * win, then codes, then the best search match.
 */
export function resolveTreatment(text: string): Treatment | null {
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return null;
	const byCode = treatmentByCode(trimmed.toUpperCase());
	if (byCode) return byCode;
	return searchTreatments(trimmed, 1)[0]?.treatment ?? null;
}

/** 'Bones and joints (trauma and orthopaedics)' → 'bones and joints'. */
export function shortTreatmentWords(treatment: Treatment): string {
	if (treatment.code === ALL_TREATMENTS_CODE) return 'any treatment';
	const words = treatment.words.replace(/\s*\(.*\)\s*$/, '');
	return words[0].toLowerCase() + words.slice(1);
}

// --------------------------------------------------------------------- figures

export function medianPercentile(w: Pick<WaitFigures, 'median' | 'medianOver104'>): WaitPercentile {
	if (w.medianOver104) return { kind: 'over104' };
	return w.median === null ? { kind: 'none' } : { kind: 'weeks', weeks: w.median };
}

export function p92Percentile(w: WaitFigures): WaitPercentile {
	if (w.p92Over104) return { kind: 'over104' };
	return w.p92 === null ? { kind: 'none' } : { kind: 'weeks', weeks: w.p92 };
}

/** The compact file's figures (a waits or a trend file's month) in the shape compareWaits needs. */
export function toChangeInput(w: Pick<WaitFigures, 'median' | 'medianLow' | 'medianHigh' | 'medianOver104' | 'pctWithin18' | 'pathways' | 'tooFew'>): ChangeInput {
	const point = (weeks: number | null): WaitPercentile | null => (weeks === null ? null : { kind: 'weeks', weeks });
	const low = point(w.medianLow) ?? (w.medianOver104 ? ({ kind: 'over104' } as const) : null);
	const high = point(w.medianHigh) ?? (w.medianOver104 || w.medianLow !== null ? ({ kind: 'over104' } as const) : null);
	const hasPct = w.pctWithin18 !== null && w.pathways > 0;
	return {
		// Without a percentage there is nothing to compare on that measure: 0 pathways says "unknown".
		pathways: hasPct ? w.pathways : 0,
		within18: hasPct ? Math.round(((w.pctWithin18 as number) / 100) * w.pathways) : 0,
		median: medianPercentile(w),
		medianInterval: low && high ? { low, high, lowRank: 0, highRank: 0, confidence: 0.95 } : null,
		tooFew: w.tooFew
	};
}

/** Month on month (or any two months): null when there is no earlier month. */
export function waitChange(previous: WaitFigures | null, latest: WaitFigures): WaitChange | null {
	if (!previous) return null;
	return compareWaits(previous.period, toChangeInput(previous), toChangeInput(latest));
}

// --------------------------------------------------------------- alternatives

export interface Alternative {
	provider: ProviderRecord;
	distanceMiles: number;
	latest: WaitFigures;
}

/**
 * Other providers within `miles` of this one whose latest median wait for the
 * treatment is shorter: shortest first, at most `limit`.
 */
export function shorterNearby(
	provider: ProviderRecord,
	waits: TreatmentWaitsFile,
	providers: readonly ProviderRecord[],
	miles = 25,
	limit = 3
): Alternative[] {
	if (provider.lat === null || provider.lon === null) return [];
	const period = [...waits.periods].sort().at(-1);
	const own = waits.rows.find((r) => r.provider === provider.code)?.months.find((m) => m.period === period);
	const ownMedian = own ? comparableMedian(own) : null;
	if (!own || (ownMedian === null && !(own.medianOver104 && !own.tooFew))) return [];
	const byCode = new Map(providers.map((p) => [p.code, p]));
	const found: Alternative[] = [];
	for (const row of waits.rows) {
		if (row.provider === provider.code) continue;
		const other = byCode.get(row.provider);
		const latest = row.months.find((m) => m.period === period);
		if (!other || !latest) continue;
		const median = comparableMedian(latest);
		if (median === null || (ownMedian !== null && median >= ownMedian)) continue;
		const located = providerDistance(other, [provider.lat, provider.lon]);
		if (!located || located.distanceMiles > miles) continue;
		found.push({ provider: other, distanceMiles: located.distanceMiles, latest });
	}
	return found
		.sort((a, b) => (comparableMedian(a.latest) as number) - (comparableMedian(b.latest) as number) || a.distanceMiles - b.distanceMiles)
		.slice(0, limit);
}

// ---------------------------------------------------------------------- words

const BANDS = [
	'much worse than most hospitals',
	'worse than most hospitals',
	'somewhat worse than most hospitals',
	'about the same as most hospitals',
	'somewhat better than most hospitals',
	'better than most hospitals',
	'much better than most hospitals'
] as const;

/** The CQC survey's own 7 bands, in words; null for anything else. */
export function surveyBandWords(band: number): string | null {
	return Number.isInteger(band) && band >= 1 && band <= 7 ? BANDS[band - 1] : null;
}

/** 'tel:' needs digits (and a leading +) only. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Website as a link target: only http(s), with the scheme added when missing. */
export function websiteHref(website: string): string | null {
	const text = website.trim();
	if (text === '') return null;
	const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
	try {
		const url = new URL(withScheme);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}
