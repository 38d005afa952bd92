/**
 * One provider: every treatment's waits, the trend over every month built (all treatments), its
 * A&E four-hour figure over every A&E month built, and shorter waits nearby.
 *
 * Every provider page is prerendered: `entries` lists the codes in providers.json. This load
 * runs only at build time (a server load): it reads the data files from disk and returns the
 * slice this provider needs, which SvelteKit writes into the page (and its __data.json). A
 * universal load (+page.ts) would run again in the browser when the page starts, fetching
 * every waits file to find this provider's rows: 4.4 MB (0.4 MB gzipped) on the real data.
 */
import { error } from '@sveltejs/kit';
import type { ProviderRecord, TrendFigures, WaitFigures } from '$lib/schema/site-data';
import { loadProviders, loadTrend, loadWaits, providerTrendMonths, shorterNearby, type Fetcher } from '$lib/data/patient-data';
import { treatmentByCode, ALL_TREATMENTS_CODE } from '$lib/data/treatments';
import { parseProviderCode } from '$lib/state/provider-code';
import { diskFetcher } from '$lib/data/disk-fetch';
import { loadAeTrend } from '$lib/league/load';

export interface AlternativeSummary {
	code: string;
	name: string;
	distanceMiles: number;
	latest: WaitFigures;
}

export interface TreatmentSummary {
	code: string;
	/** Plain words, e.g. 'Bones and joints (trauma and orthopaedics)'. */
	words: string;
	/** Oldest first. */
	months: WaitFigures[];
	alternatives: AlternativeSummary[];
}

export const entries = async () => {
	const providers = await loadProviders(await diskFetcher());
	return providers.map((p) => ({ code: p.code }));
};

export async function load({ params }) {
	const code = parseProviderCode(params.code);
	if (!code) error(404, 'We could not find that hospital.');
	const fetcher = await diskFetcher();
	const providers = await loadProviders(fetcher);
	const provider: ProviderRecord | undefined = providers.find((p) => p.code === code);
	if (!provider) error(404, 'We could not find that hospital.');

	// All treatments first, then the rest in the published order.
	const codes = [...provider.treatments].sort(
		(a, b) => Number(b === ALL_TREATMENTS_CODE) - Number(a === ALL_TREATMENTS_CODE) || a.localeCompare(b)
	);
	const treatments: TreatmentSummary[] = [];
	const files = await Promise.all(codes.map((code) => loadWaits(code, fetcher)));
	for (const [i, code] of codes.entries()) {
		const waits = files[i];
		const months = waits?.rows.find((r) => r.provider === provider.code)?.months ?? [];
		if (!waits || months.length === 0) continue;
		const alternatives =
			code === ALL_TREATMENTS_CODE
				? []
				: shorterNearby(provider, waits, providers).map((a) => ({
						code: a.provider.code,
						name: a.provider.name,
						distanceMiles: a.distanceMiles,
						latest: a.latest
					}));
		treatments.push({ code, words: treatmentByCode(code)?.words ?? waits.treatmentName, months, alternatives });
	}
	const periods = [...new Set(treatments.flatMap((t) => t.months.map((m) => m.period)))].sort();
	// Every month built, all treatments: a few numbers a month, so the page carries its own slice.
	const trendFile = await loadTrend(ALL_TREATMENTS_CODE, [provider.code], fetcher);
	const trend: { periods: string[]; months: TrendFigures[] } | null = trendFile ? { periods: trendFile.periods, months: providerTrendMonths(trendFile, provider.code) } : null;
	// Every A&E month built: the provider's own small file (about 1.5 kB), carried in the page like the trend above.
	const aeTrend = await loadAeTrend(provider.code, fetcher);
	return { provider, treatments, latestPeriod: periods.at(-1) ?? null, trend, aeTrend };
}
