/**
 * Which parts of a treatment's trend a page needs, and the parts it fetched joined back into one
 * trend (see TrendPartFile): pure, so the loader in patient-data.ts only fetches.
 */
import type { TreatmentTrendFile, TreatmentWaitsFile, TrendPartFile } from '../schema/site-data.ts';

/**
 * The parts holding these providers' series, in order; every part when `providers` names one
 * the waits file does not list (a provider that stopped reporting before the months it keeps:
 * its part is not known without the others).
 */
export function trendPartsFor(waits: Pick<TreatmentWaitsFile, 'rows' | 'trendParts'>, providers: readonly string[]): number[] {
	const every = Array.from({ length: waits.trendParts }, (_, i) => i);
	const partOf = new Map(waits.rows.map((r) => [r.provider, r.trendPart]));
	const parts = new Set<number>();
	for (const code of providers) {
		const part = partOf.get(code);
		if (part === undefined) return every;
		parts.add(part);
	}
	return [...parts].sort((a, b) => a - b);
}

/** The fetched parts as one trend, providers in code order; null when there is none. */
export function joinTrendParts(parts: readonly TrendPartFile[]): TreatmentTrendFile | null {
	if (parts.length === 0) return null;
	const [{ treatment, periods }] = parts;
	for (const part of parts) {
		// Parts of one build always agree; a mix (a half-updated cache) must not be drawn as one trend.
		if (part.treatment !== treatment || part.periods.join() !== periods.join()) throw new Error(`The trend parts of ${treatment} do not belong together.`);
	}
	const rows = parts.flatMap((p) => p.rows).sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0));
	return { treatment, periods, rows };
}
