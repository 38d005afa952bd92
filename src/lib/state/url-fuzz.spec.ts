/**
 * Every route's reader of URL state, fed a few thousand seeded random query
 * strings each (raw bytes, broken percent-encoding, huge values, repeated
 * keys, unicode, prototype names): none may throw, and whatever comes in, the
 * result is a valid state (every value inside its allowed set or shape).
 *
 * Routes and their readers:
 *   /                 parseSearchParams, typedTreatment (+ resolveTreatment of the words)
 *   /compare          parseCompareParams
 *   /provider/[code]  parseProviderCode (the path segment)
 *   /league, /embed/league  parseLeagueQuery
 *   /explore          stateFromHash + decodeState (the #s= fragment)
 *   /council          parseCouncilFindParams
 *   /council/[code]   parseCouncilCode (the path segment), parsePeersParam (?peers=)
 * /league/custom, /about/* keep no state in the URL.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../stats/seeded-random.ts';
import { resolveTreatment } from '../data/patient-data.ts';
import { LIMITS_MODES } from '../league/compute.ts';
import { ALL_MEASURES, DEFAULT_QUERY, LEAGUE_PEER_GROUPS, leagueQueryToString, parseLeagueQuery, type LeagueQuery } from '../league/measures.ts';
import { CHART_KINDS, decodeState, encodeState, stateFromHash, toBase64Url, type ShareState } from '../explore/share.ts';
import { MILES_CHOICES, POSTCODE_MAX_CHARS, SORT_CHOICES, TREATMENT_WORDS_MAX_CHARS, nearPoint, parseSearchParams, searchParamsToString, typedTreatment, type SearchState } from './search-params.ts';
import { MAX_COMPARED, parseCompareParams } from './compare-params.ts';
import { parseProviderCode } from './provider-code.ts';
import { COUNCIL_NAME_MAX_CHARS, PEERS_CHOICES, councilFindToString, parseCouncilCode, parseCouncilFindParams, parsePeersParam, peersToString } from './council-params.ts';
import { decodedOrRaw, pick, randomQuery, randomText, randomValue } from './url-fuzz-random.ts';

const CASES_PER_READER = 3000;

// ------------------------------------------------------------------ what a valid state looks like

const POSTCODE_TEXT = /^([A-Za-z0-9]+( [A-Za-z0-9]+)*)?$/;
const TREATMENT_CODE_OR_EMPTY = /^((C_\d{3}|X0\d))?$/;
const PROVIDER_CODE = /^[A-Z0-9]{3,6}$/;

function expectValidSearch(state: SearchState): void {
	expect(Object.keys(state).sort()).toEqual(['miles', 'near', 'postcode', 'sort', 'treatment']);
	expect(state.near === '' || nearPoint(state.near) !== null).toBe(true);
	expect(state.postcode.length).toBeLessThanOrEqual(POSTCODE_MAX_CHARS);
	expect(state.postcode).toMatch(POSTCODE_TEXT);
	expect(state.treatment).toMatch(TREATMENT_CODE_OR_EMPTY);
	expect(MILES_CHOICES).toContain(state.miles);
	expect(SORT_CHOICES).toContain(state.sort);
	// Whatever came in, writing it out and reading it back gives the same search.
	expect(parseSearchParams(new URLSearchParams(searchParamsToString(state)))).toEqual(state);
}

function expectValidLeague(query: LeagueQuery): void {
	expect(Object.keys(query).sort()).toEqual(['area', 'council', 'limits', 'measure', 'peers', 'period', 'provider', 'treatment', 'year']);
	expect(ALL_MEASURES.map((m) => m.id)).toContain(query.measure);
	expect(query.treatment).toMatch(/^(C_\d{3}|X0\d)$/);
	expect(query.period).toMatch(/^(\d{4}-\d{2})?$/);
	expect(query.area).toMatch(/^([A-Z0-9]{2,6})?$/);
	expect([null, ...LIMITS_MODES]).toContain(query.limits);
	expect(query.year).toMatch(/^(\d{4}(-\d{2})?)?$/);
	expect(query.council).toMatch(/^([EWSN]\d{8})?$/);
	expect(['', ...LEAGUE_PEER_GROUPS]).toContain(query.peers);
	if (query.peers) expect(query.council).not.toBe('');
	// A provider's trend is open only on an RTT measure, and only for a code of the right shape.
	expect(query.provider).toMatch(/^([A-Z0-9]{3,6})?$/);
	if (query.provider) expect(ALL_MEASURES.find((m) => m.id === query.measure)?.periods).toBe('rtt');
	const again = parseLeagueQuery(new URLSearchParams(leagueQueryToString(query)));
	expect(leagueQueryToString(again)).toBe(leagueQueryToString(query));
}

function expectValidShare(state: ShareState | null): void {
	if (state === null) return;
	expect(typeof state.sql).toBe('string');
	if (state.chart === null) return;
	expect(CHART_KINDS).toContain(state.chart.kind);
	expect(typeof state.chart.x).toBe('string');
	expect(typeof state.chart.y).toBe('string');
	expect(state.chart.title.length).toBeLessThanOrEqual(200);
}

// ------------------------------------------------------------------ the readers

interface UrlReader {
	route: string;
	keys: readonly string[];
	good: readonly string[];
	/**
	 * Reads the query (or fragment, or path segment) and asserts the result is valid; throws on either
	 * failure. Returns true when something other than the defaults was read (the generator's reach).
	 */
	read(query: string): boolean | Promise<boolean>;
}

const SEARCH_KEYS = ['postcode', 'treatment', 'miles', 'sort'];
const SEARCH_GOOD = ['LS1 4AP', 'ls14ap', 'B15', 'C_110', 'X04', 'C_999', 'knee', 'eyes', '10', '25', '100', 'wait', 'distance', 'rating', 'within18'];

const READERS: UrlReader[] = [
	{
		route: '/ (parseSearchParams, typedTreatment)',
		keys: SEARCH_KEYS,
		good: SEARCH_GOOD,
		read(query) {
			const params = new URLSearchParams(query);
			const search = parseSearchParams(params);
			expectValidSearch(search);
			const words = typedTreatment(params);
			expect(words.length).toBeLessThanOrEqual(TREATMENT_WORDS_MAX_CHARS);
			expect(words).not.toMatch(/[\u0000-\u001f\u007f]|^\s|\s$/);
			const treatment = resolveTreatment(words);
			if (treatment) expect(treatment.code).toMatch(/^(C_\d{3}|X0\d)$/);
			return searchParamsToString(search) !== '' || treatment !== null;
		}
	},
	{
		route: '/compare (parseCompareParams)',
		keys: ['providers', ...SEARCH_KEYS],
		good: ['ZA1,ZA2', 'za1, zb2 ,ZN001', 'ZA1,ZA1,ZA1', 'ZA1,,ZA2,', 'A,B,C,D,E,F', 'RR8,RJ1,RAL,RXH,RYJ', ...SEARCH_GOOD],
		read(query) {
			const { providers, search } = parseCompareParams(new URLSearchParams(query));
			expectValidSearch(search);
			expect(providers.length).toBeLessThanOrEqual(MAX_COMPARED);
			expect(new Set(providers).size).toBe(providers.length);
			for (const code of providers) expect(code).toMatch(PROVIDER_CODE);
			return providers.length > 0;
		}
	},
	{
		route: '/provider/[code] (parseProviderCode)',
		keys: [],
		good: ['ZA1', 'ZN001', 'za1', 'RR8', 'ZA1/', 'ZA1.html', 'ZA1 '],
		read(segment) {
			let found = false;
			for (const text of [segment, decodedOrRaw(segment)]) {
				const code = parseProviderCode(text);
				if (code !== null) {
					expect(code).toMatch(PROVIDER_CODE);
					expect(code).toBe(text);
					found = true;
				}
			}
			return found;
		}
	},
	{
		route: '/council (parseCouncilFindParams)',
		keys: ['name', 'postcode'],
		good: ['Leeds', 'leeds city', 'E08000035', 'North Yorkshire', 'St. Helens', 'King’s Lynn', 'LS1 4AP', 'ls14ap', 'LS1'],
		read(query) {
			const state = parseCouncilFindParams(new URLSearchParams(query));
			expect(Object.keys(state).sort()).toEqual(['name', 'postcode']);
			expect(state.postcode.length).toBeLessThanOrEqual(POSTCODE_MAX_CHARS);
			expect(state.postcode).toMatch(POSTCODE_TEXT);
			expect([...state.name].length).toBeLessThanOrEqual(COUNCIL_NAME_MAX_CHARS);
			expect(state.name).not.toMatch(/[\u0000-\u001f\u007f]|^\s|\s$/);
			expect(state.name).toBe(state.name.toWellFormed());
			expect(parseCouncilFindParams(new URLSearchParams(councilFindToString(state)))).toEqual(state);
			return state.name !== '' || state.postcode !== '';
		}
	},
	{
		route: '/council/[code] (parseCouncilCode)',
		keys: [],
		good: ['E08000035', 'E10000023', 'E06000001', 'E09000033', 'e08000035', 'E08000035/', 'W06000001'],
		read(segment) {
			let found = false;
			for (const text of [segment, decodedOrRaw(segment)]) {
				const code = parseCouncilCode(text);
				if (code === null) continue;
				expect(code).toMatch(/^E\d{8}$/);
				expect(code).toBe(text);
				found = true;
			}
			return found;
		}
	},
	{
		route: '/council/[code]?peers= (parsePeersParam)',
		keys: ['peers'],
		good: [...PEERS_CHOICES],
		read(query) {
			const choice = parsePeersParam(new URLSearchParams(query));
			expect(PEERS_CHOICES).toContain(choice);
			expect(parsePeersParam(new URLSearchParams(peersToString(choice)))).toBe(choice);
			return choice !== 'similar';
		}
	},
	{
		route: '/league and /embed/league (parseLeagueQuery)',
		keys: ['measure', 'treatment', 'period', 'area', 'limits', 'year', 'council', 'peers', 'provider'],
		good: [...ALL_MEASURES.map((m) => m.id), 'C_110', 'X04', '2026-02', '2026-13', 'QWE', 'Y56', ...LIMITS_MODES, '2022-23', '2025', 'E08000035', ...LEAGUE_PEER_GROUPS, 'england', 'RR8', 'rr8'],
		read(query) {
			const league = parseLeagueQuery(new URLSearchParams(query));
			expectValidLeague(league);
			return leagueQueryToString(league) !== leagueQueryToString(DEFAULT_QUERY);
		}
	},
	{
		route: '/explore (stateFromHash + decodeState)',
		keys: ['s'],
		// Two real links (made by encodeState) among the garbage, so damaged copies of them are tried too.
		good: ['q1YqVLJSCnb1cXUOUTBUqgUA', 'FcoxDkAwGIDRqzTf3BP8qzARCS5QdGhQVCNEenfp9ob3cSL0ZV0Wg_Jms6rq2kYdYb_dbMOFZkI-FudnhNEENA9CvmjeTDTRxdUiDKT0Aw', '', 'AAAA', '____', 'not-really-a-link'],
		async read(fragment) {
			const encoded = stateFromHash(fragment.startsWith('#') ? fragment : `#${fragment}`);
			if (encoded === null) return false;
			expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
			const state = await decodeState(encoded);
			expectValidShare(state);
			return state !== null;
		}
	}
];

describe('URL state readers never throw and always give a valid state', () => {
	for (const reader of READERS) {
		it(`${reader.route}: ${CASES_PER_READER.toLocaleString('en-GB')} random query strings`, async () => {
			// Seeded by the route's name, not its place in the list: adding a route must not reshuffle the others' cases.
			const random = seededRandom(20260700 + [...reader.route].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 0));
			const failures: string[] = [];
			let readSomething = 0;
			for (let i = 0; i < CASES_PER_READER; i++) {
				const query = randomQuery(random, reader.keys.length ? reader.keys : ['x'], reader.good);
				// The path reader gets the value alone, as a route parameter would be.
				const input = reader.keys.length ? query : random() < 0.5 ? randomValue(random, reader.good) : query;
				try {
					if (await reader.read(input)) readSomething++;
				} catch (error) {
					failures.push(`${JSON.stringify(input.slice(0, 200))}: ${(error as Error).message.split('\n')[0]}`);
					if (failures.length >= 5) break;
				}
			}
			expect(failures).toEqual([]);
			// A generator that only ever produced defaults would test little: at least 3% must read as something.
			// (The league reader, with 8 keys and ~30 good values to pair at random, reads about 4–5%.)
			expect(readSomething).toBeGreaterThan(CASES_PER_READER * 0.03);
		});
	}
});

describe('/explore: well-formed links of the wrong shape', () => {
	async function deflated(json: string): Promise<string> {
		const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
		return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
	}

	const shapes: string[] = [
		'null', '1', '"SELECT 1"', '[]', '[{"q":"x"}]', '{}', '{"q":null}', '{"q":["SELECT 1"]}', '{"q":{"toString":"x"}}',
		'{"__proto__":{"q":"polluted"}}', '{"q":"SELECT 1","c":{"kind":"__proto__","x":"a","y":"b"}}',
		'{"q":"SELECT 1","c":{"kind":"bar","x":1,"y":"b"}}', '{"q":"SELECT 1","c":{"kind":"bar","x":"a","y":"b","title":{"length":1}}}',
		'{"q":"SELECT 1","c":"bar"}', '{"q":"SELECT 1","c":[]}', `{"q":"SELECT 1","c":{"kind":"line","x":"a","y":"b","title":"${'t'.repeat(5000)}"}}`,
		'{"q":"SELECT 1"', '{"q":"\\ud800"}'
	];

	it.each(shapes)('%s decodes to null or a valid state', async (json) => {
		const state = await decodeState(await deflated(json));
		expectValidShare(state);
		expect(({} as Record<string, unknown>).q).toBeUndefined();
	});

	it('a random valid state survives the round trip and stays valid', async () => {
		const random = seededRandom(7);
		for (let i = 0; i < 200; i++) {
			const state: ShareState = { sql: randomText(random, 60), chart: random() < 0.5 ? null : { kind: pick(random, CHART_KINDS), x: randomText(random, 5), y: randomText(random, 5), title: randomText(random, 20) } };
			const decoded = await decodeState(await encodeState(state));
			expectValidShare(decoded);
			expect(decoded).toEqual(state);
		}
	});
});
