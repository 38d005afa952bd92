/**
 * The first answer: which hospitals near the patient treat this, and how long
 * people are waiting there now. Pure: the page fetches the files and hands
 * them in, so the ranking can be tested with a handful of made-up hospitals.
 */
import { distanceMiles, type LatLon } from '../geo/distance.ts';
import type { ProviderRecord, SiteRecord, TreatmentWaitsFile, WaitFigures } from '../schema/site-data.ts';
import type { SortOrder } from '../state/search-params.ts';

export interface NearbyQuery {
	origin: LatLon;
	miles: number;
	treatment: string;
	providers: readonly ProviderRecord[];
	waits: TreatmentWaitsFile;
	sort: SortOrder;
}

export interface NearbyRow {
	provider: ProviderRecord;
	distanceMiles: number;
	/** The provider's site nearest the patient; null when we only know its headquarters. */
	site: SiteRecord | null;
	latest: WaitFigures;
	/** The month before, for "getting longer / shorter"; null when not published. */
	previous: WaitFigures | null;
	/** Weeks shorter (median) than at the nearest hospital; null when not shorter or not comparable. */
	shorterThanNearestWeeks: number | null;
}

export interface NearbyResult {
	rows: NearbyRow[];
	/** The latest month in the waits file, 'YYYY-MM'. */
	period: string | null;
	/** Code of the nearest provider in range, the baseline for shorterThanNearestWeeks. */
	nearestCode: string | null;
	/** Providers with figures for this treatment that we could not place, so could not rank by distance. */
	unlocated: number;
}

const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Nearest site when the provider has located sites, else the provider's own point. */
export function providerDistance(
	provider: ProviderRecord,
	origin: LatLon
): { distanceMiles: number; site: SiteRecord | null } | null {
	let best: { distanceMiles: number; site: SiteRecord | null } | null = null;
	for (const site of provider.sites) {
		if (!isFiniteNumber(site.lat) || !isFiniteNumber(site.lon)) continue;
		const d = distanceMiles(origin, [site.lat, site.lon]);
		if (best === null || d < best.distanceMiles) best = { distanceMiles: d, site };
	}
	if (best) return best;
	if (isFiniteNumber(provider.lat) && isFiniteNumber(provider.lon))
		return { distanceMiles: distanceMiles(origin, [provider.lat, provider.lon]), site: null };
	return null;
}

/** A median we can rank on: "too few to say" and the open top band are not numbers. */
export function comparableMedian(w: WaitFigures): number | null {
	return !w.tooFew && !w.medianOver104 && isFiniteNumber(w.median) ? w.median : null;
}

/** 0 numeric median, 1 more than 104 weeks, 2 unknown: unknown is never ranked best. */
function waitGroup(w: WaitFigures): 0 | 1 | 2 {
	if (comparableMedian(w) !== null) return 0;
	if (!w.tooFew && w.medianOver104) return 1;
	return 2;
}

const byDistance = (a: NearbyRow, b: NearbyRow): number =>
	a.distanceMiles - b.distanceMiles || a.provider.code.localeCompare(b.provider.code);

/** Descending on a number that may be missing; missing always last. */
function descendingNullsLast(a: number | null, b: number | null): number {
	if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
	return b - a;
}

const COMPARE: Record<SortOrder, (a: NearbyRow, b: NearbyRow) => number> = {
	wait: (a, b) =>
		waitGroup(a.latest) - waitGroup(b.latest) ||
		(comparableMedian(a.latest) ?? 0) - (comparableMedian(b.latest) ?? 0) ||
		byDistance(a, b),
	distance: byDistance,
	within18: (a, b) => {
		const pa = a.latest.tooFew ? null : a.latest.pctWithin18;
		const pb = b.latest.tooFew ? null : b.latest.pctWithin18;
		return descendingNullsLast(pa, pb) || byDistance(a, b);
	},
	rating: (a, b) => descendingNullsLast(a.provider.survey?.score ?? null, b.provider.survey?.score ?? null) || byDistance(a, b)
};

/** The row with the smallest distance (ties by code), or null. */
export function nearestRow<T extends { distanceMiles: number; provider: { code: string } }>(rows: readonly T[]): T | null {
	let best: T | null = null;
	for (const row of rows)
		if (
			best === null ||
			row.distanceMiles < best.distanceMiles ||
			(row.distanceMiles === best.distanceMiles && row.provider.code < best.provider.code)
		)
			best = row;
	return best;
}

function latestPeriod(periods: readonly string[]): string | null {
	return periods.length === 0 ? null : [...periods].sort().at(-1)!;
}

export function nearbyProviders(query: NearbyQuery): NearbyResult {
	const { origin, miles, treatment, providers, waits, sort } = query;
	const period = latestPeriod(waits.periods);
	// A stale fetch for another treatment must never be shown under this one.
	if (waits.treatment !== treatment || period === null || !isFiniteNumber(origin[0]) || !isFiniteNumber(origin[1]))
		return { rows: [], period, nearestCode: null, unlocated: 0 };
	const previousPeriod = [...waits.periods].sort().filter((p) => p < period).at(-1) ?? null;
	const byCode = new Map(providers.map((p) => [p.code, p]));

	const rows: NearbyRow[] = [];
	let unlocated = 0;
	for (const { provider: code, months } of waits.rows) {
		const latest = months.find((m) => m.period === period);
		if (!latest) continue;
		const provider = byCode.get(code);
		const located = provider ? providerDistance(provider, origin) : null;
		// No record or no location: it may be near, so say how many we could not check.
		if (!provider || !located) {
			unlocated++;
			continue;
		}
		if (located.distanceMiles > miles) continue;
		const previous = previousPeriod === null ? null : (months.find((m) => m.period === previousPeriod) ?? null);
		rows.push({ provider, ...located, latest, previous, shorterThanNearestWeeks: null });
	}

	const nearest = nearestRow(rows);
	const baseline = nearest ? comparableMedian(nearest.latest) : null;
	for (const row of rows) {
		const median = comparableMedian(row.latest);
		if (baseline === null || median === null || baseline - median <= 0) continue;
		// Medians are published to a tenth of a week; avoid 3.0000000000000004.
		row.shorterThanNearestWeeks = Math.round((baseline - median) * 10) / 10;
	}
	rows.sort(COMPARE[sort] ?? COMPARE.wait);
	return { rows, period, nearestCode: nearest?.provider.code ?? null, unlocated };
}
