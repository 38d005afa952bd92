/**
 * Demonstration peer lists in the published layouts (ONS similar areas and cluster
 * allocation, DfE statistical neighbours), and Code-Point Open area files that carry
 * each demonstration postcode's council codes so postcode → council works on demo data.
 */
import { Rng } from './random.ts';
import { DEMO_COUNCIL_POSTCODE_DISTRICTS, upperTier, type DemoCouncil } from './councils.ts';
import type { Geography } from './places.ts';

const BOM = '\ufeff';
const q = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** `AREACD,1,…,20`: every council with up to 20 others, most similar first (ONS includes counties). */
export function onsNeighboursCsv(seed: number, list: string, councils: readonly DemoCouncil[]): string {
	const lines = [`${BOM}AREACD,${Array.from({ length: 20 }, (_, i) => i + 1).join(',')}`];
	for (const c of councils) {
		const others = Rng.for(seed, `ons-${list}-${c.code}`).shuffle(councils.filter((o) => o.code !== c.code)).slice(0, 20).map((o) => o.code);
		lines.push([c.code, ...others, ...Array(20 - others.length).fill('')].join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

export function onsClustersCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const rng = Rng.for(seed, 'ons-clusters');
	const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
	const lines = [`${BOM}AREACD,AREANM,Global,Economic,Demographic`];
	for (const c of councils) lines.push(`${c.code},${q(c.name)},${rng.pick(letters)},${rng.pick(letters)},${rng.pick(letters)}`);
	return lines.join('\r\n') + '\r\n';
}

const CLOSENESS = ['Very close', 'Close ', 'Somewhat close'];

/** DfE statistical neighbours: upper-tier councils by DfE number, 10 each with how close. */
export function dfeNeighboursCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const upper = upperTier(councils);
	const header = `${BOM}old_la_code,la_name,region_ind,region_name,${Array.from({ length: 10 }, (_, i) => `SN_${i + 1},SN_${i + 1}P`).join(',')}`;
	const lines = [header];
	for (const c of upper) {
		const rng = Rng.for(seed, `sn-${c.code}`);
		const others = rng.shuffle(upper.filter((o) => o.code !== c.code)).slice(0, 10);
		lines.push(`${c.dfeCode},${q(c.name)},${Number(c.region.slice(-1))},${c.regionName},${others.map((o, i) => `${o.dfeCode},${CLOSENESS[Math.min(2, Math.floor(i / 4))]}`).join(',')}`);
	}
	return lines.join('\r\n') + '\r\n';
}

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * Code-Point Open area files (`Data/CSV/<area>.csv`, headerless, CRLF) with a few postcodes
 * per demonstration sector and their admin county and district codes. The postcodes carry
 * positional quality 90 ("no coordinates", 0,0) on purpose: the demonstration's locations
 * come from its sector file, and these rows only say which council each sector belongs to.
 */
export function codePointAreaFiles(seed: number, geo: Geography, councils: readonly DemoCouncil[]): Map<string, string> {
	const councilOf = new Map<string, DemoCouncil>();
	for (const c of councils) for (const d of DEMO_COUNCIL_POSTCODE_DISTRICTS.get(c.code) ?? []) councilOf.set(d, c);
	const byCode = new Map(councils.map((c) => [c.code, c]));
	const files = new Map<string, string[]>();
	for (const s of geo.sectors) {
		const council = councilOf.get(s.district);
		if (!council) continue;
		const area = /^[A-Z]+/.exec(s.sector)![0].toLowerCase();
		const rng = Rng.for(seed, `codepoint-${s.sector}`);
		const county = council.county ? byCode.get(council.county)!.code : '';
		for (let i = 0, n = rng.int(2, 4); i < n; i++) {
			const unit = `${LETTERS[(i * 7 + rng.int(0, 6)) % LETTERS.length]}${LETTERS[rng.int(0, LETTERS.length - 1)]}`;
			const postcode = `${s.sector}${unit}`.padEnd(7).replace(/^(\S+) (\d\S\S)\s*$/, (_, out: string, inward: string) => `${out.padEnd(4)}${inward}`);
			const line = `"${postcode}",90,0,0,"E92000001","E19000001","E18000001","${county}","${council.code}","E05000001"`;
			if (!files.has(area)) files.set(area, []);
			files.get(area)!.push(line);
		}
	}
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([area, lines]) => [area, [...new Set(lines)].sort().join('\r\n') + '\r\n']));
}
