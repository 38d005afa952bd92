/**
 * Demonstration files other than RTT: the CQC inpatient survey Trust_Scores
 * sheet, the monthly A&E files and the README. All fictional. The ODS trust
 * list (etr.csv) and the NHS website hospital list are in organisations.ts,
 * re-exported here.
 */
import { Rng } from './random.ts';
import { REGIONS } from './places.ts';
import { NHS_TRUSTS, hasType1Ae, providerRegion } from './providers.ts';
import { csvField } from './rtt.ts';

export { HOSPITAL_HEADER, etrFile, hospitalSitesFile, latin1, placeSites, type PlacedSite } from './organisations.ts';

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
