/**
 * The NHS RTT "treatment functions" in words a patient would use, and a search
 * that finds one from what they type ("hip", "cataract", "ENT", "C_110").
 * The official names stay available because letters and referrals use them.
 */
import terms from './treatment-terms.json';

export interface Treatment {
	/** RTT treatment function code as published: 'C_110', 'X02', 'C_999'. */
	code: string;
	/** The official name, e.g. 'Trauma and Orthopaedic Service'. */
	name: string;
	/** Plain words for patients, e.g. 'Bones and joints (trauma and orthopaedics)'. */
	words: string;
	/** Everyday search terms: conditions, body parts, operations. */
	terms: readonly string[];
}

export interface TreatmentMatch {
	treatment: Treatment;
	/** Higher is better; only the order matters. */
	score: number;
	/** The name or term that matched, so the page can say why a result appeared. */
	matched: string;
}

/** The all-treatments total row: useful as "not sure", never a specialty. */
export const ALL_TREATMENTS_CODE = 'C_999';

export const TREATMENTS: readonly Treatment[] = terms.treatments;

const byCode = new Map(TREATMENTS.map((t) => [t.code, t]));

export function treatmentByCode(code: string): Treatment | null {
	return byCode.get(code) ?? null;
}

/** Lower-case, accents and apostrophes dropped, other punctuation → spaces. */
export function normaliseSearchText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’`]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** 'c_110', 'C 110', 'c110' all mean C_110. */
const compactCode = (text: string): string => text.toUpperCase().replace(/[\s_\-.]/g, '');

// Words that carry no meaning on their own; "and" must not match every "X and Y".
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'my', 'in', 'for', 'with', 'to', 'on', 'service', 'services']);

const meaningfulWords = (text: string): string[] => text.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));

interface Indexed {
	treatment: Treatment;
	code: string;
	/** [normalised phrase, the original text to report, score when equal] */
	phrases: [string, string, number][];
	words: Set<string>;
}

const SCORE = {
	code: 100,
	term: 90,
	name: 85,
	phrasePrefix: 60,
	allWords: 50,
	wordPrefixes: 30
} as const;

function indexTreatment(treatment: Treatment): Indexed {
	const phrases: [string, string, number][] = [];
	const add = (text: string, score: number) => {
		const normal = normaliseSearchText(text);
		if (normal !== '') phrases.push([normal, text, score]);
	};
	// Terms first: "heart" should report the term, not the longer name, when both match.
	for (const term of treatment.terms) add(term, SCORE.term);
	add(treatment.words, SCORE.name);
	// 'Bones and joints (trauma and orthopaedics)' → both halves are things people type.
	const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(treatment.words);
	if (paren) {
		add(paren[1], SCORE.name);
		add(paren[2], SCORE.name);
	}
	add(treatment.name, SCORE.name);
	add(treatment.name.replace(/\s*Services?$/i, ''), SCORE.name);
	const words = new Set(phrases.flatMap(([normal]) => meaningfulWords(normal)));
	return { treatment, code: compactCode(treatment.code), phrases, words };
}

const INDEX: readonly Indexed[] = TREATMENTS.map(indexTreatment);

function scoreOne(entry: Indexed, query: string, queryCode: string, queryWords: string[]): TreatmentMatch | null {
	const { treatment } = entry;
	if (queryCode === entry.code) return { treatment, score: SCORE.code, matched: treatment.code };
	let best: TreatmentMatch | null = null;
	const offer = (score: number, matched: string) => {
		if (best === null || score > best.score) best = { treatment, score, matched };
	};
	for (const [normal, original, score] of entry.phrases) {
		if (normal === query) offer(score, original);
		// Two letters are too few to guess from ('he' → heart? hernia? hearing?).
		else if (query.length >= 3 && normal.startsWith(query)) offer(SCORE.phrasePrefix, original);
	}
	if (best === null && queryWords.length > 0) {
		if (queryWords.every((w) => entry.words.has(w))) offer(SCORE.allWords, treatment.words);
		else if (queryWords.every((w) => entry.words.has(w) || (w.length >= 3 && [...entry.words].some((x) => x.startsWith(w)))))
			offer(SCORE.wordPrefixes, treatment.words);
	}
	return best;
}

/**
 * Treatments matching what the patient typed, best first: exact code, then an
 * exact term or name, then a term starting with the text, then every word found,
 * then every word as the start of a word. Ties keep the published order.
 */
export function searchTreatments(query: string, limit = Infinity): TreatmentMatch[] {
	if (typeof query !== 'string' || query.length > 200) return [];
	const normal = normaliseSearchText(query);
	if (normal === '') return [];
	const queryCode = compactCode(query.trim());
	const queryWords = meaningfulWords(normal);
	const matches: TreatmentMatch[] = [];
	for (const entry of INDEX) {
		const match = scoreOne(entry, normal, queryCode, queryWords);
		if (match) matches.push(match);
	}
	// Array.prototype.sort is stable, so equal scores stay in published order.
	return matches.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * The treatment only when the text names it whole: its code, an everyday term
 * or its name ("knee", "trauma and orthopaedics", "C_110"), never a guess from
 * a prefix. Half-typed words ("ort") give null, so a page may fetch ahead on it.
 */
export function exactTreatment(text: string): Treatment | null {
	const best = searchTreatments(text, 1)[0];
	return best && best.score >= SCORE.name ? best.treatment : null;
}
