/**
 * Demonstration organisation files: every listed provider's sites placed in
 * real postcode sectors, the NHS website hospital list (¬-separated, Latin-1)
 * and the ODS trust list (etr.csv). All fictional.
 */
import { Rng } from './random.ts';
import { REGIONS, TOWNS, type Geography } from './places.ts';
import { CLOSED_TRUST, INDEPENDENT_PARENT, NHS_TRUSTS, PROVIDERS, providerRegion, type ProviderSpec } from './providers.ts';

// ------------------------------------------------------------------ sites

export interface PlacedSite {
	provider: ProviderSpec;
	organisationId: number;
	code: string; // site code: trust code + 2 digits; for independent providers the provider code
	name: string;
	street: string;
	town: string;
	county: string;
	postcode: string;
	sector: string;
	lat: number;
	lon: number;
	phone: string;
	subType: string;
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Places every site in a sector of its district (so the sector is in the sector file), with a fictional full postcode. */
export function placeSites(seed: number, geo: Geography): PlacedSite[] {
	const rng = Rng.for(seed, 'sites');
	const out: PlacedSite[] = [];
	let id = 900100;
	for (const provider of PROVIDERS) {
		if (provider.kind === 'independent' && !provider.listed) continue;
		provider.sites.forEach((site, i) => {
			const town = TOWNS.find((t) => t.name === site.town)!;
			const sectors = geo.sectors.filter((s) => s.district === site.district);
			const sector = rng.pick(sectors);
			const postcode = `${sector.sector}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
			out.push({
				provider,
				organisationId: (id += rng.int(3, 40)),
				code: provider.kind === 'independent' ? provider.code : `${provider.code}${String(i + 1).padStart(2, '0')}`,
				name: site.name,
				street: `${rng.int(1, 120)} ${site.street}`,
				town: site.town,
				county: town.county,
				postcode,
				sector: sector.sector,
				lat: sector.lat + rng.uniform(-0.0025, 0.0025),
				lon: sector.lon + rng.uniform(-0.004, 0.004),
				phone: `${town.phonePrefix}${String(rng.int(0, 999)).padStart(3, '0')}`,
				subType: site.subType ?? 'Hospital'
			});
		});
	}
	return out;
}

/** Latin-1 bytes; throws on a character Latin-1 cannot hold. */
export function latin1(text: string): Uint8Array {
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c > 255) throw new Error(`character ${text[i]} is not Latin-1`);
		out[i] = c;
	}
	return out;
}

export const HOSPITAL_HEADER = [
	'OrganisationID', 'OrganisationCode', 'OrganisationType', 'SubType', 'Sector', 'OrganisationStatus', 'IsPimsManaged',
	'OrganisationName', 'Address1', 'Address2', 'Address3', 'City', 'County', 'Postcode', 'Latitude', 'Longitude',
	'ParentODSCode', 'ParentName', 'Phone', 'Email', 'Website', 'Fax'
];

/** Coordinates as the publisher prints them: single precision, 17 significant digits. */
function float32Text(x: number): string {
	return Math.fround(x).toPrecision(17).replace(/0+$/, '').replace(/\.$/, '');
}

/** The NHS website hospital list in its original format: `¬` separator, Latin-1, no quoting, LF. */
export function hospitalSitesFile(sites: PlacedSite[]): Uint8Array {
	const sep = '\u00ac';
	const lines = [HOSPITAL_HEADER.join(sep)];
	for (const s of sites) {
		const independent = s.provider.kind === 'independent';
		const cells = [
			String(s.organisationId),
			s.code,
			'Hospital',
			s.subType,
			independent ? 'Independent Sector' : 'NHS Sector',
			'Visible',
			s.subType === 'UNKNOWN' ? 'False' : 'True',
			s.name,
			independent ? '' : s.name,
			s.street,
			'',
			s.town,
			s.county,
			s.postcode,
			float32Text(s.lat),
			float32Text(s.lon),
			independent ? INDEPENDENT_PARENT.code : s.provider.code,
			independent ? INDEPENDENT_PARENT.name : s.provider.name,
			s.phone,
			'',
			`https://example.org/${s.code}`,
			''
		];
		for (const c of cells) if (c.includes(sep) || /[\r\n]/.test(c)) throw new Error(`cell cannot hold ${JSON.stringify(c)}`);
		lines.push(cells.join(sep));
	}
	return latin1(lines.join('\n') + '\n');
}

// ------------------------------------------------------------------ etr.csv

/** ODS "etr" layout: 27 quoted fields, no header, CRLF. */
export function etrFile(sites: PlacedSite[]): string {
	const row = (fields: string[]) => fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
	const lines: string[] = [];
	const make = (code: string, name: string, regionId: keyof typeof REGIONS, addr: [string, string, string], town: string, postcode: string, phone: string, opened: string, closed: string) => {
		const r = REGIONS[regionId];
		const f = new Array<string>(27).fill('');
		f[0] = code; f[1] = name.toUpperCase(); f[2] = r.nationalGrouping; f[3] = r.icbCode;
		f[4] = addr[0].toUpperCase(); f[5] = addr[1].toUpperCase(); f[6] = addr[2].toUpperCase(); f[7] = town.toUpperCase();
		f[9] = postcode; f[10] = opened; f[11] = closed; f[17] = phone; f[21] = '1'; f[23] = r.etrLetter;
		lines.push(row(f));
	};
	for (const trust of NHS_TRUSTS) {
		const hq = sites.find((s) => s.provider === trust)!;
		make(trust.code, trust.name, providerRegion(trust), ['Trust Headquarters', hq.name, hq.street], hq.town, hq.postcode, hq.phone, trust.opened, '');
	}
	const closedTown = TOWNS.find((t) => t.name === CLOSED_TRUST.town)!;
	make(CLOSED_TRUST.code, CLOSED_TRUST.name, closedTown.region, ['Mill Lane House', '2 Mill Lane', ''], closedTown.name, `${CLOSED_TRUST.district} 3QX`, '', CLOSED_TRUST.opened, CLOSED_TRUST.closed);
	return lines.join('\r\n') + '\r\n';
}
