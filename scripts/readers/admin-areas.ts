/**
 * Which council each postcode sector belongs to, from Code-Point Open's admin columns
 * (admin county code, admin district code: ONS codes as of the file's date, 2014 for
 * ours). A sector can straddle a boundary; the council of most of its postcodes wins.
 */
import { sectorOfTidy } from './text.ts';

/** A sector's councils as Code-Point gives them: the district or unitary, and the county ('' when none). */
export interface SectorAdmin {
	district: string;
	county: string;
	/** Postcodes in the sector that agree, of all postcodes in it. */
	agree: number;
	postcodes: number;
}

export class AdminAccumulator {
	private readonly sectors = new Map<string, Map<string, number>>();

	/** `postcode` must be tidy; codes as in the file, quotes already removed. */
	add(postcode: string, county: string, district: string): void {
		if (district === '') return;
		const sector = sectorOfTidy(postcode);
		let counts = this.sectors.get(sector);
		if (!counts) this.sectors.set(sector, (counts = new Map()));
		const key = `${district}|${county}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}

	/** Sorted by sector; ties go to the smaller code so the result never depends on file order. */
	result(): Map<string, SectorAdmin> {
		const out = new Map<string, SectorAdmin>();
		for (const sector of [...this.sectors.keys()].sort()) {
			let best = '';
			let bestCount = -1;
			let total = 0;
			for (const [key, n] of this.sectors.get(sector)!) {
				total += n;
				if (n > bestCount || (n === bestCount && key < best)) [best, bestCount] = [key, n];
			}
			const [district, county] = best.split('|');
			out.set(sector, { district, county, agree: bestCount, postcodes: total });
		}
		return out;
	}
}

const unquote = (s: string) => (s.charCodeAt(0) === 34 ? s.slice(1, -1) : s);

/**
 * The admin county and district of one Code-Point line, given where its 4th field ends.
 * Columns after Northings: country, NHS region, NHS health authority, admin county,
 * admin district, ward. Null when the line is shorter (an older release's layout).
 */
export function codePointAdmin(line: string, endOfNorthings: number): { county: string; district: string } | null {
	let at = endOfNorthings;
	const ends: number[] = [];
	for (let i = 0; i < 5; i++) {
		at = line.indexOf(',', at + 1);
		if (at < 0) {
			if (i === 4) ends.push(line.length);
			else return null;
			break;
		}
		ends.push(at);
	}
	return { county: unquote(line.slice(ends[2] + 1, ends[3])), district: unquote(line.slice(ends[3] + 1, ends[4])) };
}
