/**
 * URL state for the council pages: /council?name=&postcode= (the finder) and
 * /council/[code]?peers= (the peer group). Anything can arrive in a URL, so reading
 * never throws and always yields a valid state.
 */
import { PEER_GROUPS, type PeerGroupId } from '../schema/council.ts';
import { tidyPostcode } from './search-params.ts';

/**
 * An English council's ONS code: E + 8 digits (E06, E07, E08, E09, E10 …), or two joined by
 * `+` where the publisher gives one figure for councils that share a service (DfE's workforce
 * figures for North and West Northamptonshire's children's trust).
 */
const COUNCIL_CODE = /^E\d{8}(\+E\d{8}){0,3}$/;
export const COUNCIL_NAME_MAX_CHARS = 100;

/** 'E08000035' (or 'E06000061+E06000062') → itself; anything else → null (refused before any data is read). */
export function parseCouncilCode(text: unknown): string | null {
	return typeof text === 'string' && COUNCIL_CODE.test(text) ? text : null;
}

export interface CouncilFindState {
	/** As typed (tidied), echoed back into the box. */
	name: string;
	postcode: string;
}

/** Control characters become spaces, runs of space one, and the length is capped: the text is echoed. */
export function tidyCouncilName(text: unknown): string {
	if (typeof text !== 'string') return '';
	// Array.from walks code points: a lone surrogate (which no URL we write holds) stands alone and is dropped.
	const points = Array.from(text.slice(0, COUNCIL_NAME_MAX_CHARS * 4).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\s]+/g, ' ').trim());
	return points
		.filter((ch) => !/^[\ud800-\udfff]$/.test(ch))
		.slice(0, COUNCIL_NAME_MAX_CHARS)
		.join('')
		.replace(/ +/g, ' ')
		.trim();
}

export function parseCouncilFindParams(params: URLSearchParams): CouncilFindState {
	try {
		return { name: tidyCouncilName(params.get('name')), postcode: tidyPostcode(params.get('postcode')) };
	} catch {
		return { name: '', postcode: '' };
	}
}

export function councilFindToString(state: CouncilFindState): string {
	const params = new URLSearchParams();
	if (state.name) params.set('name', state.name);
	if (state.postcode) params.set('postcode', state.postcode);
	return params.toString();
}

/** The default: each measure in its own most similar group (ONS similar areas, DfE neighbours …). */
export const DEFAULT_PEERS = 'similar';
export type PeersChoice = PeerGroupId | typeof DEFAULT_PEERS;
export const PEERS_CHOICES: readonly PeersChoice[] = [DEFAULT_PEERS, ...PEER_GROUPS];

export function parsePeersParam(params: URLSearchParams): PeersChoice {
	try {
		const text = params.get('peers');
		return text !== null && (PEERS_CHOICES as readonly string[]).includes(text) ? (text as PeersChoice) : DEFAULT_PEERS;
	} catch {
		return DEFAULT_PEERS;
	}
}

export function peersToString(choice: PeersChoice): string {
	return choice === DEFAULT_PEERS ? '' : new URLSearchParams({ peers: choice }).toString();
}
