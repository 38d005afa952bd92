/**
 * What `npm run refresh` found, kept in the manifest (`refresh`) so the About
 * the data page can say when each source was fetched, which months it holds
 * and what the latest refresh added.
 */

export interface RefreshSource {
	id: string;
	title: string;
	/** ISO time of the newest download of this source's files; null when never fetched. */
	lastFetched: string | null;
	/** Months of this source in the download folder, oldest first. */
	months: string[];
	/** Months (or files) first downloaded in this refresh. */
	added: string[];
	/** Months whose file the publisher revised, downloaded again in this refresh. */
	revised: string[];
	/** Why this source could not be fetched (e.g. a page changed its layout). */
	error: string | null;
}

/** A provider's month-on-month change beyond noise (the two months' Wilson 95% ranges do not overlap). */
export interface Movement {
	measure: 'rtt-within-18-weeks' | 'ae-within-4-hours';
	code: string;
	name: string;
	before: { period: string; pct: number };
	after: { period: string; pct: number };
}

export interface NationalFigures {
	period: string;
	/** England, commissioner NONC excluded (NHS England's headline scope). */
	waiting: number;
	medianWeeks: number | null;
	pctWithin18: number | null;
	/** The same figures for the month before, when this build has it. */
	previous: { period: string; waiting: number; medianWeeks: number | null; pctWithin18: number | null } | null;
}

export interface RefreshRecord {
	ranAt: string;
	/** The first month asked for. */
	since: string | null;
	/** False when some source could not be fetched (the build used the files already here). */
	fetchComplete: boolean;
	sources: RefreshSource[];
	monthsAdded: { rtt: string[]; ae: string[] };
	national: NationalFigures | null;
	movements: Movement[];
	/** Checks that passed with a remark (a gap in the months, a large national change). */
	warnings: string[];
}
