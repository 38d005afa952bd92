/**
 * Demonstration files other than RTT: the ODS trust list (etr.csv), the NHS
 * website hospital list (¬-separated, Latin-1), the CQC inpatient survey
 * Trust_Scores sheet, and the monthly A&E files. All fictional.
 */
import { Rng } from './random.ts';
import { REGIONS, TOWNS, type Geography } from './places.ts';
import { CLOSED_TRUST, INDEPENDENT_PARENT, NHS_TRUSTS, PROVIDERS, hasType1Ae, providerRegion, type ProviderSpec } from './providers.ts';
import { csvField } from './rtt.ts';

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

// ------------------------------------------------------------------ inpatient survey

export const SURVEY_QUESTIONS = [
	{ id: 'Q2', national: 7.3 },
	{ id: 'Q4', national: 7.7 },
	{ id: 'Q45', national: 8.4 },
	{ id: 'Q46', national: 7.6 },
	{ id: 'Q47', national: 8.1 }
];

const Z90 = 1.6448536269514722;
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** Band as published: 1 much worse … 4 about the same … 7 much better (0 = not applicable). */
export function surveyBand(z: number): number {
	if (z < -Z998) return 1;
	if (z < -Z95) return 2;
	if (z < -Z90) return 3;
	if (z <= Z90) return 4;
	if (z <= Z95) return 5;
	if (z <= Z998) return 6;
	return 7;
}

/** Trust_Scores sheet as CSV: TrustCode,trustname,n_tpat then 9 columns per question. CRLF. */
export function surveyFile(seed: number): string {
	const rng = Rng.for(seed, 'survey');
	const header = ['TrustCode', 'trustname', 'n_tpat'];
	for (const q of SURVEY_QUESTIONS) {
		const x = q.id;
		header.push(`mean${x}`, `ll90${x}`, `ul90${x}`, `ll95${x}`, `ul95${x}`, `ll99${x}`, `ul99${x}`, `band${x}`, `${x}_Zfinal`);
	}
	const lines = [header.join(',')];
	const trusts = NHS_TRUSTS.filter((t) => !t.noSurvey).sort((a, b) => (a.code < b.code ? -1 : 1));
	for (const t of trusts) {
		const n = rng.int(180, 650);
		// A trust-wide effect, with two deliberate outliers so every verdict occurs.
		const effect = t.code === 'ZG5' ? 0.9 : t.code === 'ZB4' ? -0.85 : rng.normal(0, 0.22);
		const cells = [t.code, t.name, String(n)];
		for (const q of SURVEY_QUESTIONS) {
			if (q.id === 'Q2' && t.kind === 'orthopaedic') {
				// Not applicable: a trust without an A&E department.
				cells.push('', '', '', '', '', '', '', '0', '');
				continue;
			}
			const nq = Math.round(n * rng.uniform(0.55, 0.95));
			const se = Math.sqrt(2.3 ** 2 / nq + 0.3 ** 2);
			const centre = q.national + rng.normal(0, 0.05); // case-mix adjustment moves the expected value a little
			const mean = Math.min(10, Math.max(0, centre + effect + rng.normal(0, 0.22)));
			const z = (mean - centre) / se;
			const lim = (k: number) => String(Math.min(10, Math.max(0, centre + k * se)));
			cells.push(String(mean), lim(-Z90), lim(Z90), lim(-Z95), lim(Z95), lim(-Z998), lim(Z998), String(surveyBand(z)), String(z));
		}
		lines.push(cells.map(csvField).join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------ A&E

export const AE_HEADER = [
	'Period', 'Org Code', 'Parent Org', 'Org name',
	'A&E attendances Type 1', 'A&E attendances Type 2', 'A&E attendances Other A&E Department',
	'A&E attendances Booked Appointments Type 1', 'A&E attendances Booked Appointments Type 2', 'A&E attendances Booked Appointments Other Department',
	'Attendances over 4hrs Type 1', 'Attendances over 4hrs Type 2', 'Attendances over 4hrs Other Department',
	'Attendances over 4hrs Booked Appointments Type 1', 'Attendances over 4hrs Booked Appointments Type 2', 'Attendances over 4hrs Booked Appointments Other Department',
	'Patients who have waited 4-12 hs from DTA to admission', 'Patients who have waited 12+ hrs from DTA to admission',
	'Emergency admissions via A&E - Type 1', 'Emergency admissions via A&E - Type 2', 'Emergency admissions via A&E - Other A&E department',
	'Other emergency admissions'
];

/** Fourteen months, so the league's change column has a year-earlier month for March and April 2026. */
export const AE_MONTHS = [
	'2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10',
	'2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'
];
/** Months before this drift with each trust's own trend; from it on the figures are as they always were. */
const DRIFT_FROM = '2025-11';
const MONTHS_UPPER = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const SEASON: Record<number, [number, number]> = {
	// month: [attendance factor, extra share over 4 hours]
	11: [1.0, 0.03], 12: [1.02, 0.06], 1: [0.99, 0.07], 2: [0.91, 0.03], 3: [1.03, 0.0], 4: [0.99, -0.01],
	5: [1.04, -0.01], 6: [1.03, -0.01], 7: [1.05, 0.0], 8: [0.98, -0.01], 9: [1.0, 0.0], 10: [1.01, 0.01]
};

/** Drift stops growing this far back, so years of history stay believable (the default months reach 8). */
const MAX_DRIFT_MONTHS = 12;

/** Whole months from `period` up to DRIFT_FROM (0 from DRIFT_FROM on), at most MAX_DRIFT_MONTHS. */
function monthsBeforeDrift(period: string): number {
	const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
	return Math.min(MAX_DRIFT_MONTHS, Math.max(0, index(DRIFT_FROM) - index(period)));
}

export function aePeriodLabel(period: string): string {
	const [year, month] = period.split('-').map(Number);
	return `MSitAE-${MONTHS_UPPER[month - 1]}-${year}`;
}

export function aeFileName(period: string): string {
	const [year, month] = period.split('-').map(Number);
	const name = MONTHS_UPPER[month - 1][0] + MONTHS_UPPER[month - 1].slice(1).toLowerCase();
	return `Monthly-AE-${name}-${year}.csv`;
}

/** One month of A&E attendances: provider rows then the national TOTAL row (their exact sum). CRLF. */
export function aeMonthFile(seed: number, period: string): string {
	const month = Number(period.split('-')[1]);
	const [seasonFactor, winter] = SEASON[month] ?? [1, 0];
	const label = aePeriodLabel(period);
	const lines = [AE_HEADER.join(',')];
	const totals = new Array<number>(18).fill(0);
	for (const t of NHS_TRUSTS.filter(hasType1Ae)) {
		const fixed = Rng.for(seed, `ae-trust:${t.code}`); // the trust's character, the same every month
		const rng = Rng.for(seed, `ae:${period}:${t.code}`);
		const base = t.kind === 'children' ? 5200 : Math.max(3500, t.listSize * 0.17);
		const perf = fixed.uniform(0.22, 0.48);
		const eyeUnit = t.code === 'ZB1' || t.code === 'ZA1';
		const utc = fixed.chance(0.7) ? fixed.uniform(1500, 6000) : 0;
		const bookedT1 = fixed.chance(0.4);
		// Drawn last so every earlier draw, and so every month from DRIFT_FROM on, is unchanged.
		const drift = fixed.uniform(-0.007, 0.007) * monthsBeforeDrift(period);
		const t1 = rng.poisson(base * seasonFactor * rng.logNormal(1, 0.03));
		const t2 = eyeUnit ? rng.poisson(1100 * seasonFactor) : 0;
		const other = rng.poisson(utc * seasonFactor);
		const b1 = bookedT1 ? rng.int(20, 250) : 0;
		const b3 = utc > 0 && rng.chance(0.5) ? rng.int(0, 400) : 0;
		const o1 = rng.binomial(t1, Math.min(0.7, Math.max(0.12, perf + winter + drift + rng.normal(0, 0.02))));
		const o2 = rng.binomial(t2, 0.02);
		const o3 = rng.binomial(other, 0.03);
		const ob1 = rng.binomial(b1, 0.1);
		const ob3 = rng.binomial(b3, 0.02);
		const ea1 = rng.binomial(t1, 0.27);
		const ea2 = eyeUnit ? rng.binomial(t2, 0.005) : 0;
		const ea3 = rng.binomial(other, 0.003);
		const dta412 = rng.binomial(ea1, 0.22 + winter);
		const dta12 = rng.binomial(ea1 - dta412, Math.max(0.01, 0.07 + winter));
		const oea = rng.poisson(t1 * 0.09);
		const values = [t1, t2, other, b1, 0, b3, o1, o2, o3, ob1, 0, ob3, dta412, dta12, ea1, ea2, ea3, oea];
		values.forEach((v, i) => (totals[i] += v));
		lines.push([label, t.code, REGIONS[providerRegion(t)].aeParent, t.name.toUpperCase(), ...values.map(String)].map(csvField).join(','));
	}
	lines.push([label, 'TOTAL', 'TOTAL', 'TOTAL', ...totals.map(String)].join(','));
	return lines.join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------ README

/** `history`: the months written by `--months`, named in the README; undefined for the default demo. */
export function readmeText(seed: number, history?: { rtt: string[]; ae: string[] }): string {
	const lines = [
		'OpenWaits DEMONSTRATION DATA - FICTIONAL',
		'',
		'Everything in this folder was generated by `npm run data:sample`',
		`(scripts/sample/generate.ts, seed ${seed}). It is NOT real NHS data.`,
		'',
		'The files copy the layouts of the real published files (NHS England RTT',
		'full extract and monthly A&E, ODS etr.csv, the NHS website hospital list,',
		'the CQC adult inpatient survey Trust_Scores sheet, postcode centroids), so',
		'the real readers and the whole build can be exercised without real data.',
		'',
		'Providers, names, commissioners, addresses, phone numbers (Ofcom drama',
		'ranges), websites (example.org) and every figure are invented. NHS trust',
		'codes start with Z (ZA1, ZB1, ...) and independent-sector codes with ZN',
		'(ZN001, ...), so they can never be mistaken for real ODS codes; every',
		'name ends in "(demo)". Town centres and postcode districts are real places',
		'(approximate coordinates typed from general knowledge); the full postcodes',
		'of the sites are made up.',
		'',
		'Contents:',
		'  rtt/         RTT full extracts 2026-02 (.csv), 2026-03 (.csv.gz), 2026-04 (.zip)',
		'  ae/          A&E monthly files 2025-03 to 2026-04 (December has a UTF-8 BOM)',
		'  organisations/etr.csv, organisations/hospital-sites/Hospital_demo.csv',
		'  satisfaction/demo_Trust_Scores.csv',
		'  geo/         postcode_districts_demo.csv, postcode_sectors_demo.csv',
		''
	];
	if (history) {
		lines.push(
			`History (--months ${history.rtt.length}): RTT ${history.rtt[0]} to ${history.rtt.at(-1)} (months before 2026-02 as .zip),`,
			`A&E ${history.ae[0]} to ${history.ae.at(-1)}.`,
			''
		);
	}
	return lines.join('\n');
}
