/**
 * The patient's search as it lives in the address bar, so a result can be
 * bookmarked, shared and reached with the back button. Anything can arrive in
 * a URL (old links, hand edits, mischief), so reading it never throws and
 * always yields a valid search, falling back to the defaults field by field.
 */

export const MILES_CHOICES = [10, 25, 50, 100] as const;
export type Miles = (typeof MILES_CHOICES)[number];

export const SORT_CHOICES = ['wait', 'distance', 'within18', 'rating'] as const;
export type SortOrder = (typeof SORT_CHOICES)[number];

export interface SearchState {
	/** As typed (tidied), not necessarily valid: the box shows it back for correcting. */
	postcode: string;
	/** RTT treatment function code, or '' before one is chosen. */
	treatment: string;
	miles: Miles;
	sort: SortOrder;
	/**
	 * "Use my location", rounded to 2 decimal places ("53.80,-1.55": about
	 * 1 km), so a reload or a shared link repeats the search without putting
	 * a precise position in the address bar. '' when searching by postcode.
	 */
	near: string;
}

export const DEFAULT_SEARCH: Readonly<SearchState> = { postcode: '', treatment: '', miles: 25, sort: 'wait', near: '' };

const NEAR = /^(-?\d{1,2}\.\d{2}),(-?\d{1,3}\.\d{2})$/;

/** A position rounded to about 1 km, in the URL's form ("53.80,-1.55"); '' outside Great Britain's box. */
export function nearText(lat: number, lon: number): string {
	if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < 49 || lat > 61 || lon < -9 || lon > 2.5) return '';
	const fixed = (x: number) => (Math.round(x * 100) / 100).toFixed(2).replace(/^-(0\.00)$/, '$1');
	return `${fixed(lat)},${fixed(lon)}`;
}

/** The URL's `near` back to [lat, lon]; null for anything we did not write. */
export function nearPoint(text: string): [number, number] | null {
	const match = NEAR.exec(text);
	if (!match) return null;
	const [lat, lon] = [Number(match[1]), Number(match[2])];
	return nearText(lat, lon) === text ? [lat, lon] : null;
}

function readNear(text: unknown): string {
	return typeof text === 'string' && nearPoint(text) ? text : '';
}

/** 'AA9A 9AA' is 8; 10 leaves room for a stray space without inviting essays. */
export const POSTCODE_MAX_CHARS = 10;

const TREATMENT_CODE = /^(C_\d{3}|X0\d)$/;

/** Keep only what postcodes are made of; the value is echoed into the page and the URL. */
export function tidyPostcode(text: unknown): string {
	if (typeof text !== 'string') return '';
	return text
		.replace(/[^A-Za-z0-9 ]+/g, ' ')
		.replace(/ +/g, ' ')
		.trim()
		.slice(0, POSTCODE_MAX_CHARS)
		.trim();
}

function readTreatment(text: unknown): string {
	return typeof text === 'string' && TREATMENT_CODE.test(text) ? text : '';
}

function readMiles(text: unknown): Miles {
	// Exact digits only: Number('0x19') is 25 and Number(' 25 ') too, neither is a link we wrote.
	if (typeof text !== 'string' || !/^\d{1,3}$/.test(text)) return DEFAULT_SEARCH.miles;
	const n = Number(text);
	return (MILES_CHOICES as readonly number[]).includes(n) ? (n as Miles) : DEFAULT_SEARCH.miles;
}

function readSort(text: unknown): SortOrder {
	return typeof text === 'string' && (SORT_CHOICES as readonly string[]).includes(text)
		? (text as SortOrder)
		: DEFAULT_SEARCH.sort;
}

/** Any query string → a valid search. Repeated keys: the first one wins, as URLSearchParams.get does. */
export function parseSearchParams(params: URLSearchParams): SearchState {
	try {
		return {
			postcode: tidyPostcode(params.get('postcode')),
			treatment: readTreatment(params.get('treatment')),
			miles: readMiles(params.get('miles')),
			sort: readSort(params.get('sort')),
			near: readNear(params.get('near'))
		};
	} catch {
		// Only reachable if something that is not URLSearchParams is passed in from untyped code.
		return { ...DEFAULT_SEARCH };
	}
}

/** Words longer than this cannot name a treatment (searchTreatments ignores them too). */
export const TREATMENT_WORDS_MAX_CHARS = 200;

/**
 * The treatment as typed, for a form sent without JavaScript (?treatment=knee):
 * the page turns it into a code, or shows it back in the box with an error.
 * Control characters become spaces and the length is capped, because it is echoed.
 */
export function typedTreatment(params: URLSearchParams): string {
	try {
		const text = params.get('treatment');
		if (typeof text !== 'string') return '';
		return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, TREATMENT_WORDS_MAX_CHARS).trim();
	} catch {
		return '';
	}
}

/**
 * A search → query string without the leading '?'. Defaults and empty fields
 * are left out so shared links stay short; the key order is fixed so the same
 * search always gives the same URL.
 */
export function searchParamsToString(state: SearchState): string {
	const params = new URLSearchParams();
	const postcode = tidyPostcode(state.postcode);
	const treatment = readTreatment(state.treatment);
	const miles = readMiles(String(state.miles));
	const sort = readSort(state.sort);
	if (postcode !== '') params.set('postcode', postcode);
	if (treatment !== '') params.set('treatment', treatment);
	if (miles !== DEFAULT_SEARCH.miles) params.set('miles', String(miles));
	if (sort !== DEFAULT_SEARCH.sort) params.set('sort', sort);
	const near = readNear(state.near);
	if (near !== '') params.set('near', near);
	return params.toString();
}
