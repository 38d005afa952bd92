/**
 * Joins what each publisher says about a provider into one record: RTT gives
 * the code and name, the NHS website hospital list gives sites with
 * coordinates and phone numbers, ODS gives the headquarters address, CQC the
 * survey, NHS England's A&E return the 4-hour figure. Trusts merge and sites
 * close, so joins are on codes and what does not join is counted.
 */
import type { AePerformance, ProviderRecord, SiteRecord, SurveyResult } from '../../src/lib/schema/site-data.ts';

export interface TrustRow {
	code: string;
	name: string;
	address: string;
	postcode: string | null;
}

export interface SiteRow {
	code: string;
	name: string;
	sector: 'nhs' | 'independent';
	address: string;
	postcode: string | null;
	lat: number | null;
	lon: number | null;
	parentCode: string | null;
	phone: string | null;
	website: string | null;
}

export interface SurveyRow {
	trustCode: string;
	respondents: number;
	year: number;
	overallScore: number | null;
	overallBand: number | null;
}

export interface RttProvider {
	code: string;
	name: string;
	regionCode: string | null;
	/** Provider Parent Name as published (capitals). */
	regionName: string | null;
	treatments: string[];
}

export type CentroidLookup = (postcode: string) => [number, number] | null;

/** An ODS ephp/ephpsite row: what placing an independent provider needs. */
export interface IndependentOrg {
	code: string;
	name: string;
	address: string;
	postcode: string;
	closeDate: string | null;
	parentCode: string | null;
	phone: string | null;
}

/**
 * An independent provider from ODS (ephp.csv, ephpsite.csv): RTT names it by
 * a site code (NT447) or an organisation code (NT4). A site is placed at its
 * own postcode; an organisation at its open sites' postcodes, else at its
 * head office's. Nothing is placed without a postcode we can find.
 */
export function independentPlace(
	code: string,
	independent: { providers: IndependentOrg[]; sites: IndependentOrg[] },
	centroid: CentroidLookup
): { record: IndependentOrg; sites: SiteRecord[]; headquarters: [number, number] | null } | null {
	const asSite = (row: IndependentOrg): SiteRecord | null => {
		const point = row.postcode ? centroid(row.postcode) : null;
		if (!point) return null;
		return { code: row.code, name: tidyName(row.name), lat: point[0], lon: point[1], address: row.address, postcode: row.postcode, phone: row.phone, website: null };
	};
	const site = independent.sites.find((s) => s.code === code);
	if (site) {
		const placed = asSite(site);
		return { record: site, sites: placed ? [placed] : [], headquarters: null };
	}
	const org = independent.providers.find((p) => p.code === code);
	if (!org) return null;
	const sites = independent.sites.filter((s) => s.parentCode === code && !s.closeDate).map(asSite).filter((s): s is SiteRecord => s !== null);
	return { record: org, sites, headquarters: org.postcode ? centroid(org.postcode) : null };
}

/** Names are published in capitals; show them as people write them. */
export function tidyName(name: string): string {
	if (name !== name.toUpperCase()) return name.trim();
	const small = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'at', 'upon']);
	const keep = new Set(['NHS', 'UK', 'ICB', 'ENT', 'BMI', 'GP', 'CIC', 'LLP', 'PLC', 'LTD', 'UCC', 'UTC', 'WIC']);
	return name
		.trim()
		.toLowerCase()
		.split(/(\s+|-|\(|\)|')/)
		.map((word, i) => {
			if (keep.has(word.toUpperCase())) return word.toUpperCase();
			if (i > 0 && small.has(word)) return word;
			return word.charAt(0).toUpperCase() + word.slice(1);
		})
		.join('')
		.replace(/'S\b/g, "'s");
}

function siteRecord(site: SiteRow): SiteRecord | null {
	if (site.lat === null || site.lon === null) return null;
	return {
		code: site.code,
		name: site.name,
		lat: site.lat,
		lon: site.lon,
		address: site.address,
		postcode: site.postcode,
		phone: site.phone,
		website: site.website
	};
}

/** Sites of a provider: children of a trust, or the provider itself when it is a site (independent sector). */
export function sitesByProvider(sites: SiteRow[]): Map<string, SiteRow[]> {
	const byProvider = new Map<string, SiteRow[]>();
	const add = (code: string, site: SiteRow) => {
		const list = byProvider.get(code) ?? [];
		list.push(site);
		byProvider.set(code, list);
	};
	for (const site of sites) {
		if (site.parentCode) add(site.parentCode, site);
		if (site.code && site.code !== site.parentCode) add(site.code, site);
	}
	return byProvider;
}

function mean(values: number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

export function buildProviders(input: {
	rttProviders: RttProvider[];
	trusts: TrustRow[];
	independent?: { providers: IndependentOrg[]; sites: IndependentOrg[] };
	sites: SiteRow[];
	survey: SurveyRow[];
	ae: Map<string, AePerformance>;
	centroid: CentroidLookup;
}): { providers: ProviderRecord[]; unlocated: string[] } {
	const trusts = new Map(input.trusts.map((t) => [t.code, t]));
	const sites = sitesByProvider(input.sites);
	const survey = new Map(input.survey.map((s) => [s.trustCode, s]));
	const unlocated: string[] = [];
	const providers = input.rttProviders.map((rtt): ProviderRecord => {
		const trust = trusts.get(rtt.code);
		let ownSites = (sites.get(rtt.code) ?? []).map(siteRecord).filter((s): s is SiteRecord => s !== null);
		// ODS's independent-sector files place what the hospital list and the trust list cannot.
		const ods = !trust && input.independent ? independentPlace(rtt.code, input.independent, input.centroid) : null;
		if (ownSites.length === 0 && ods) ownSites = ods.sites;
		const main = ownSites.find((s) => s.code === rtt.code) ?? ownSites[0];
		let lat: number | null = null;
		let lon: number | null = null;
		let locatedBy: ProviderRecord['locatedBy'] = null;
		if (ownSites.length) {
			lat = mean(ownSites.map((s) => s.lat));
			lon = mean(ownSites.map((s) => s.lon));
			locatedBy = 'sites';
		} else if (trust?.postcode) {
			const point = input.centroid(trust.postcode);
			if (point) [lat, lon, locatedBy] = [point[0], point[1], 'headquarters'];
		} else if (ods?.headquarters) {
			[lat, lon, locatedBy] = [ods.headquarters[0], ods.headquarters[1], 'headquarters'];
		}
		if (locatedBy === null) unlocated.push(rtt.code);
		const s = survey.get(rtt.code);
		const surveyResult: SurveyResult | null =
			s && s.overallScore !== null && s.overallBand !== null
				? { year: s.year, score: s.overallScore, band: s.overallBand, respondents: s.respondents }
				: null;
		return {
			code: rtt.code,
			name: tidyName(trust?.name ?? rtt.name),
			// NHS trusts are in the ODS trust list; other RTT providers (3- or 5-character codes) are independent.
			sector: trust ? 'nhs' : 'independent',
			lat,
			lon,
			locatedBy,
			address: trust?.address ?? main?.address ?? (ods?.record.address || null),
			postcode: trust?.postcode ?? main?.postcode ?? (ods?.record.postcode || null),
			phone: main?.phone ?? ods?.record.phone ?? null,
			website: main?.website ?? null,
			region: rtt.regionCode,
			regionName: rtt.regionName ? tidyName(rtt.regionName) : null,
			sites: ownSites,
			survey: surveyResult,
			ae: input.ae.get(rtt.code) ?? null,
			treatments: rtt.treatments
		};
	});
	return { providers, unlocated };
}

/**
 * Several vintages of the hospital list may be present; use the one that
 * locates the most current providers (the newest list usually does).
 */
export function chooseSiteList<T extends { rows: SiteRow[] }>(lists: T[], providerCodes: Set<string>): T | null {
	let best: T | null = null;
	let bestCount = -1;
	for (const list of lists) {
		const count = new Set(list.rows.flatMap((s) => [s.parentCode, s.code]).filter((c) => c && providerCodes.has(c))).size;
		if (count > bestCount) [best, bestCount] = [list, count];
	}
	return best;
}
