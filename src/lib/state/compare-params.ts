/**
 * /compare?providers=ZA1,ZA2&treatment=C_110[&postcode=LS1 4AP]: which
 * hospitals to put side by side. Like every URL reader it never throws: codes
 * are trimmed, upper-cased, checked by shape, de-duplicated and capped, and
 * the rest of the search is read by parseSearchParams.
 */
import { parseProviderCode } from './provider-code.ts';
import { DEFAULT_SEARCH, parseSearchParams, type SearchState } from './search-params.ts';

/** The compare page has room for 4 columns; the results list lets people tick up to this many. */
export const MAX_COMPARED = 4;

export interface CompareState {
	/** Distinct provider codes in the order given, at most MAX_COMPARED. */
	providers: string[];
	search: SearchState;
}

/** Any query string → the providers to compare (possibly fewer than 2) and the search they came from. */
export function parseCompareParams(params: URLSearchParams): CompareState {
	try {
		const listed = (params.get('providers') ?? '').split(',').map((c) => parseProviderCode(c.trim().toUpperCase()));
		const providers = [...new Set(listed.filter((c): c is string => c !== null))].slice(0, MAX_COMPARED);
		return { providers, search: parseSearchParams(params) };
	} catch {
		// Only reachable if something that is not URLSearchParams is passed in from untyped code.
		return { providers: [], search: { ...DEFAULT_SEARCH } };
	}
}
