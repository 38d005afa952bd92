/**
 * Reading what a patient types into the postcode box.
 *
 * A UK postcode is an outward code (area + district, e.g. `LS1`, `SW1A`) and an
 * inward code (sector digit + unit letters, e.g. `4AP`). People type them in any
 * case, with or without the space, and often only the first half. We accept a
 * full postcode, a sector (`LS1 4`) or a district (`LS1`), because the browser
 * only holds sector and district centroids anyway: asking for more than a
 * district never makes the answer more private than it needs to be.
 *
 * Format rules (Royal Mail / GOV.UK Bulk Data Transfer standard, BS 7666):
 * - outward code shapes: A9, A99, AA9, AA99, A9A, AA9A;
 * - first letter is never Q, V or X; second letter never I, J or Z;
 * - the letter in A9A is one of A B C D E F G H J K P S T U W;
 * - the letter in AA9A is one of A B E H M N P R V W X Y;
 * - inward code is 9AA, and its letters are never C, I, K, M, O or V.
 * Special and overseas codes (GIR 0AA, BFPO, ASCN 1ZZ…) have no NHS hospital
 * catchment, so they are treated as not a postcode.
 */

export type PostcodeKind = 'full' | 'sector' | 'district';

export interface ParsedPostcode {
	kind: PostcodeKind;
	/** The normalised text, for showing back: 'LS1 4AP', 'LS1 4' or 'LS1'. */
	postcode: string;
	/** 'LS1 4'; null when only a district was given. */
	sector: string | null;
	/** 'LS1' */
	district: string;
	/** 'LS' */
	area: string;
}

const FIRST = '[A-PR-UWYZ]';
const SECOND = '[A-HK-Y]';
const A9A_LETTER = '[ABCDEFGHJKPSTUW]';
const AA9A_LETTER = '[ABEHMNPRVWXY]';

const OUTWARD = new RegExp(
	'^(?:' +
		[
			`${FIRST}[0-9]`, // A9
			`${FIRST}[0-9][0-9]`, // A99
			`${FIRST}${SECOND}[0-9]`, // AA9
			`${FIRST}${SECOND}[0-9][0-9]`, // AA99
			`${FIRST}[0-9]${A9A_LETTER}`, // A9A
			`${FIRST}${SECOND}[0-9]${AA9A_LETTER}` // AA9A
		].join('|') +
		')$'
);

const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;
const SECTOR_DIGIT = /^[0-9]$/;

/** Longest sensible input: 'AA9A 9AA' plus generous stray spaces. */
const MAX_INPUT = 20;

export function isOutwardCode(text: string): boolean {
	return OUTWARD.test(text);
}

/** 'LS1' → 'LS', 'B15 2TH' → 'B'; null when the text does not start like a postcode. */
export function postcodeArea(text: string): string | null {
	const match = /^\s*([A-Za-z]{1,2})[0-9]/.exec(text);
	if (!match) return null;
	const area = match[1].toUpperCase();
	return new RegExp(`^${FIRST}${SECOND}?$`).test(area) ? area : null;
}

function build(kind: PostcodeKind, district: string, inward: string): ParsedPostcode {
	const area = postcodeArea(district) as string; // OUTWARD guarantees a valid area
	if (kind === 'district') return { kind, postcode: district, sector: null, district, area };
	const sector = `${district} ${inward[0]}`;
	const postcode = kind === 'full' ? `${district} ${inward}` : sector;
	return { kind, postcode, sector, district, area };
}

/** Split into outward + inward when the patient left out the space. */
function parseCompact(compact: string): ParsedPostcode | null {
	// A full postcode always ends in exactly three inward characters.
	if (compact.length >= 5) {
		const outward = compact.slice(0, -3);
		const inward = compact.slice(-3);
		if (OUTWARD.test(outward) && INWARD.test(inward)) return build('full', outward, inward);
	}
	// 'LS14' is the district LS14, not the sector LS1 4: a whole valid outward code wins.
	if (OUTWARD.test(compact)) return build('district', compact, '');
	const outward = compact.slice(0, -1);
	const digit = compact.slice(-1);
	if (SECTOR_DIGIT.test(digit) && OUTWARD.test(outward)) return build('sector', outward, digit);
	return null;
}

/**
 * Any spacing or case → a full postcode, sector or district; null when the text
 * cannot be a UK postcode (so the page can say so instead of guessing).
 */
export function normalisePostcode(text: string): ParsedPostcode | null {
	if (typeof text !== 'string' || text.length > MAX_INPUT) return null;
	const upper = text.trim().toUpperCase();
	// Only letters, digits and spaces occur in postcodes; anything else is a typo or mischief.
	if (upper === '' || !/^[A-Z0-9 \t]+$/.test(upper)) return null;
	const parts = upper.split(/\s+/);
	if (parts.length === 1) return parseCompact(parts[0]);
	// The last space separates the inward part; earlier stray spaces ('S W1A 1AA') are dropped.
	const inward = parts[parts.length - 1];
	const outward = parts.slice(0, -1).join('');
	if (OUTWARD.test(outward)) {
		if (INWARD.test(inward)) return build('full', outward, inward);
		if (SECTOR_DIGIT.test(inward)) return build('sector', outward, inward);
	}
	// Spaces in the wrong place ('LS1 4 AP', 'LS 14'): read it as if typed without them.
	return parseCompact(parts.join(''));
}
