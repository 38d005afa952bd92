/**
 * Finding a council: by name (with suggestions) or by postcode. Postcode sectors come from
 * Code-Point Open, whose council codes date from 2014; the build maps them to today's
 * councils, and any abolished code that remains is followed here to its successors, so a
 * postcode never leads to a council that no longer exists.
 */
import type { CouncilPostcodeAreaFile, CouncilRecord } from '../schema/council.ts';
import type { ParsedPostcode } from '../geo/postcode.ts';
import { currentCodes } from './peers.ts';

/** What finding needs of a council (the finder page carries only this much). */
export type FindableCouncil = Pick<CouncilRecord, 'code' | 'name' | 'type' | 'replacedBy'>;

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export type NameMatch<T> = { kind: 'one'; council: T } | { kind: 'several'; councils: T[] } | { kind: 'none' };

/** Councils that exist today, by name: a full name or code is one match; otherwise every name containing the words. */
export function findCouncilByName<T extends FindableCouncil>(text: string, councils: readonly T[], limit = 20): NameMatch<T> {
	const needle = fold(text);
	if (needle === '') return { kind: 'none' };
	const current = councils.filter((c) => c.replacedBy === null);
	const exact = councils.filter((c) => fold(c.name) === needle || c.code.toLowerCase() === needle.replace(/ /g, ''));
	if (exact.length === 1) return { kind: 'one', council: exact[0] };
	const words = needle.split(' ');
	const startsWith = (c: T) => (fold(c.name).startsWith(needle) ? 0 : 1);
	const found = (exact.length ? exact : current.filter((c) => words.every((w) => fold(c.name).includes(w))))
		.sort((a, b) => startsWith(a) - startsWith(b) || a.name.localeCompare(b.name, 'en-GB'))
		.slice(0, limit);
	if (found.length === 1) return { kind: 'one', council: found[0] };
	return found.length ? { kind: 'several', councils: found } : { kind: 'none' };
}

export type PostcodeMatch<T> =
	| { kind: 'one'; council: T }
	/** Two-tier areas (a district and its county), or a district spanning councils. */
	| { kind: 'several'; councils: T[] }
	| { kind: 'unknown' };

/** Sector 'LS1 4' → its councils; a district ('LS1') → every council of its sectors. Today's councils only. */
export function councilsForPostcode<T extends FindableCouncil>(postcode: ParsedPostcode, area: CouncilPostcodeAreaFile | null, index: ReadonlyMap<string, T>): PostcodeMatch<T> {
	if (!area) return { kind: 'unknown' };
	const sectors = postcode.sector ? [postcode.sector] : Object.keys(area.sectors).filter((s) => s.slice(0, s.lastIndexOf(' ')) === postcode.district);
	const codes = [...new Set(sectors.flatMap((s) => Object.hasOwn(area.sectors, s) ? area.sectors[s] : []).flatMap((c) => currentCodes(c, index)))];
	const found = codes.map((c) => index.get(c)).filter((c): c is T => c !== undefined);
	if (found.length === 0) return { kind: 'unknown' };
	return found.length === 1 ? { kind: 'one', council: found[0] } : { kind: 'several', councils: found };
}

/** What a council does, for choosing between a district and its county. */
export function councilRoleWords(council: Pick<CouncilRecord, 'type'>): string {
	switch (council.type) {
		case 'district':
			return 'District council: bin collections, recycling, housing, planning';
		case 'county':
			return 'County council: children’s services, adult social care, waste disposal';
		default:
			return 'Runs all council services here, including bins, children’s services and adult social care';
	}
}
