/**
 * The contract between the build and the browser for councils (issue #12).
 * Everything under `static/data/council/` has its shape here; the manifest's
 * `council` entry lists what exists. One measure at a time, never a combined score.
 *
 * Files written by the build (paths relative to static/data):
 * - `council/councils.json`            CouncilsFile: every council, peers, Ofsted, measure list
 * - `council/<measure>.json` / `.csv`  CouncilMeasureFile: all councils, all years (the stable data address)
 * - `council/postcodes/<AREA>.json`    CouncilPostcodeAreaFile: postcode sector → council codes
 */

/** ONS area-code prefixes: E06 unitary, E07 district, E08 metropolitan district, E09 London borough, E10 county. */
export type CouncilType = 'county' | 'unitary' | 'metropolitan' | 'london' | 'district';

export const COUNCIL_TYPE_OF_PREFIX: Record<string, CouncilType> = {
	E06: 'unitary',
	E07: 'district',
	E08: 'metropolitan',
	E09: 'london',
	E10: 'county'
};

/**
 * How a measure may fairly be compared.
 * - `binomial`: numerator and denominator count people (children, referrals): exact binomial
 *   funnel limits with the over-dispersion check, as for the NHS league tables.
 * - `peer-spread`: a rate whose parts are not independent trials (tonnes, FTE posts): compared
 *   by its distance from the peers' median in median absolute deviations (as Oflog does).
 * - `none`: shown with its trend but never ranked (a raw count such as fly-tipping incidents,
 *   which grows with the size of the place and has no population to divide by in our files).
 */
export type CouncilComparison = 'binomial' | 'peer-spread' | 'none';

export type PeerGroupId = 'ons-global' | 'ons-economic' | 'ons-demographic' | 'dfe' | 'type' | 'region' | 'england';

export const PEER_GROUPS: readonly PeerGroupId[] = ['ons-global', 'ons-economic', 'ons-demographic', 'dfe', 'type', 'region', 'england'];

export type CouncilService = 'waste' | 'childrens-services' | 'adult-social-care';

export interface CouncilMeasure {
	/** URL-safe slug, e.g. 'household-recycling', 'cin-rereferrals'. */
	id: string;
	/** 'Household waste recycled', 'Children's social care re-referrals'. */
	title: string;
	/** One plain-English sentence: what the value is a share or rate of. */
	description: string;
	service: CouncilService;
	numeratorLabel: string | null;
	denominatorLabel: string | null;
	/** 'percent' values are 0–100. */
	unit: 'percent' | 'kg-per-household' | 'per-1000' | 'count';
	/** Decimal places the publisher prints (1 for the DfE and Defra percentages). */
	decimals: number;
	better: 'higher' | 'lower' | null;
	comparison: CouncilComparison;
	/** Which councils the measure covers, in words (e.g. 'Upper-tier councils: counties, unitaries, metropolitan and London boroughs'). */
	coverage: string;
	/** Council types with figures for this measure. */
	types: CouncilType[];
	/** The peer groups that make sense for it ('dfe' only for children's services). */
	peerGroups: PeerGroupId[];
	source: { publisher: string; title: string; file: string; licence: string };
	/** The publisher's year labels, oldest first: '2014-15' (financial) or '2025' (DfE reporting year). */
	years: string[];
	/** Relative to static/data. */
	path: string;
	csv: string;
}

/** One council (or England) in one year. `value` is computed from numerator/denominator where both exist. */
export interface CouncilValue {
	code: string;
	year: string;
	numerator: number | null;
	denominator: number | null;
	/** In the measure's unit; null when suppressed or not available. */
	value: number | null;
	/** True for the publisher's suppression codes (c, x, u, z, :, [x]): never read as 0. */
	suppressed: boolean;
	/** The publisher's own figure for this cell where it prints one (an oracle for `value`). */
	published: number | null;
}

export interface CouncilMeasureFile {
	measure: CouncilMeasure;
	/** England's row for each year: the file's national row, never a sum we made. */
	england: CouncilValue[];
	/** Every council and year, sorted by code then year. */
	values: CouncilValue[];
}

export type OfstedGrade = 'Outstanding' | 'Good' | 'Requires improvement to be good' | 'Inadequate';

export interface OfstedJudgement {
	overall: OfstedGrade;
	/** ISO date of the inspection's publication or end. */
	date: string;
	/** Earlier judgements, newest first. */
	history: { overall: OfstedGrade; date: string }[];
}

export interface CouncilRecord {
	code: string;
	name: string;
	type: CouncilType;
	/** ONS region code (E12…) and name. */
	region: string | null;
	regionName: string | null;
	/** DfE's 3-digit local-authority number, for upper-tier councils. */
	dfeCode: string | null;
	/** For an abolished code: the council(s) that took over and the year (never joined silently). */
	replacedBy: { codes: string[]; year: number } | null;
	/** Councils this one replaced, named so a page can say where its history starts. */
	predecessors: { code: string; name: string; year: number }[];
	/** Measure ids with at least one value for this code. */
	measures: string[];
	ofsted: OfstedJudgement | null;
}

export interface CouncilsFile {
	councils: CouncilRecord[];
	/**
	 * Peer lists, most similar first: ONS similar areas (20 each, lower-tier; may name Welsh,
	 * Scottish or Northern Irish areas, which the page leaves out and counts) and DfE
	 * statistical neighbours (10 each, upper-tier, mapped from DfE numbers to ONS codes).
	 */
	peers: Record<'ons-global' | 'ons-economic' | 'ons-demographic' | 'dfe', Record<string, string[]>>;
	measures: CouncilMeasure[];
}

/** `council/postcodes/<AREA>.json`: which councils serve each postcode sector (Code-Point's 2014 codes mapped to today's). */
export interface CouncilPostcodeAreaFile {
	area: string;
	/** 'LS1 4' → ['E08000035'] (a district/unitary code, then the county code where two-tier). */
	sectors: Record<string, string[]>;
}

/** Where the build writes each file (relative to static/data). */
export const COUNCIL_FILES = {
	councils: 'council/councils.json',
	measure: 'council/{measure}.json',
	measureCsv: 'council/{measure}.csv',
	postcodeArea: 'council/postcodes/{area}.json'
} as const;
