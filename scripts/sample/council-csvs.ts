/**
 * Demonstration council CSVs in the exact published layouts: DfE Explore Education
 * Statistics files (children in need, child protection plans, placement stability,
 * social work workforce), ONS similar areas and cluster allocation, DfE statistical
 * neighbours, and Code-Point Open area files carrying the councils' codes.
 * Every figure is made up from the seed.
 */
import { Rng } from './random.ts';
import { upperTier, type DemoCouncil } from './councils.ts';

const YEARS = ['2025', '2024', '2023', '2022', '2021'];
const GEO_HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name';
const BOM = '\ufeff';

const pct = (n: number, d: number, decimals = 1) => (d > 0 ? String(Number(((100 * n) / d).toFixed(decimals))) : 'x');
/** DfE rounds national and regional counts to the nearest 10. */
const round10 = (n: number) => Math.round(n / 10) * 10;
const q = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The row's geography columns for England, a region (by its councils) or one council. */
function geo(year: string, level: 'National' | 'Regional' | 'Local authority', c?: DemoCouncil, region?: [string, string]): string {
	if (level === 'National') return `${year},Reporting year,National,E92000001,England,,,,,`;
	if (level === 'Regional') return `${year},Reporting year,Regional,E92000001,England,${region![0]},${region![1]},,,`;
	return `${year},Reporting year,Local authority,E92000001,England,${c!.region},${c!.regionName},${c!.dfeCode},${c!.code},${q(c!.name)}`;
}

interface Pair { n: number; d: number }

/** Rows for a two-count file: England and regions from the councils' sums (rounded), then councils. */
function twoCountRows(councils: readonly DemoCouncil[], values: (c: DemoCouncil, year: string) => Pair | 'c', row: (g: string, p: Pair | 'c', level: string) => string): string[] {
	const lines: string[] = [];
	for (const year of YEARS) {
		const pairs = councils.map((c) => ({ c, p: values(c, year) }));
		const sum = (list: typeof pairs): Pair => list.reduce((s, { p }) => (p === 'c' ? s : { n: s.n + p.n, d: s.d + p.d }), { n: 0, d: 0 });
		const national = sum(pairs);
		lines.push(row(geo(year, 'National'), { n: round10(national.n), d: round10(national.d), ...{ exact: national } } as Pair, 'National'));
		const regions = [...new Map(councils.map((c) => [c.region, c.regionName])).entries()].sort();
		for (const region of regions) {
			const s = sum(pairs.filter(({ c }) => c.region === region[0]));
			lines.push(row(geo(year, 'Regional', undefined, region), { n: round10(s.n), d: round10(s.d), ...{ exact: s } } as Pair, 'Regional'));
		}
		for (const { c, p } of pairs) lines.push(row(geo(year, 'Local authority', c), p, 'Local authority'));
	}
	return lines;
}

/** The published percentage comes from the exact counts, as DfE's does (rounded counts can differ from it). */
const exactPct = (p: Pair) => {
	const e = (p as Pair & { exact?: Pair }).exact ?? p;
	return pct(e.n, e.d);
};

function countsModel(seed: number, label: string, councils: readonly DemoCouncil[], size: [number, number], rate: [number, number]) {
	const base = new Map(councils.map((c) => {
		const rng = Rng.for(seed, `${label}-${c.code}`);
		return [c.code, { size: rng.int(size[0], size[1]), rate: rng.uniform(rate[0], rate[1]) }];
	}));
	return (c: DemoCouncil, year: string): Pair | 'c' => {
		const rng = Rng.for(seed, `${label}-${c.code}-${year}`);
		const b = base.get(c.code)!;
		const d = Math.max(5, Math.round(b.size * rng.uniform(0.85, 1.15)));
		// One small council's numerator is suppressed in one year, as DfE does for small counts.
		if (c === councils[councils.length - 1] && year === '2023') return 'c';
		return { n: rng.binomial(d, b.rate), d };
	};
}

export function cinCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const upper = upperTier(councils);
	const model = countsModel(seed, 'cin', upper, [900, 9000], [0.15, 0.3]);
	const header = `${GEO_HEADER},category,referral_count,rereferral_count,rereferral_percent`;
	const rows = twoCountRows(upper, model, (g, p) => `${g},Referrals and Re-referrals,${p === 'c' ? 'c,c,c' : `${p.d},${p.n},${exactPct(p)}`}`);
	return [header, ...rows].join('\n') + '\n';
}

export function cppCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const upper = upperTier(councils);
	const model = countsModel(seed, 'cpp', upper, [80, 900], [0.15, 0.32]);
	// d3 quotes its empty region and council cells on national and regional rows, as published.
	const header = `${GEO_HEADER},category,CPP_start,CPP_subsequent,CPP_subsequent_percent`;
	const rows = twoCountRows(upper, model, (g, p, level) => {
		const geoCells = level === 'Local authority' ? g : g.replace(/,,,,$/, ',"",,"",""').replace(/^(.*National,E92000001,England),"",/, '$1,"","",');
		return `${geoCells},Child Protection Plans which are a second or subsequent plan,${p === 'c' ? '12,c,c' : `${p.d},${p.n},${exactPct(p)}`}`;
	});
	return [header, ...rows].join('\n') + '\n';
}

const CLA_GROUPS: [string, string[]][] = [
	['Children looked after continuously for at least 2.5 years on 31 March aged under 16 years', ['Living with the same carer for at least 2 years', 'Total children']],
	['CLA 2 years on 31 March', ['With 3 or more placements during the previous 2 years', 'Total children']],
	['CLA on 31 March', ['With 3 or more placements during the year', 'Total children']]
];

/** Placement stability, long format, la_name before new_la_code as in the real file; whole-number percentages. */
export function claCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const upper = upperTier(councils);
	const lines = [`${BOM}time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent`];
	for (const year of YEARS) {
		const councilLines: string[] = [];
		const sums = CLA_GROUPS.map(() => ({ n: 0, total: 0 }));
		for (const c of upper) {
			const rng = Rng.for(seed, `cla-${c.code}-${year}`);
			const total = rng.int(120, 1800);
			CLA_GROUPS.forEach(([group, [part]], i) => {
				const n = rng.binomial(total, rng.uniform(0.05, 0.16));
				sums[i].n += n;
				sums[i].total += total;
				const g = `${year},Reporting year,Local authority,E92000001,England,${c.region},${c.regionName},${c.dfeCode},${q(c.name)},${c.code},${group}`;
				councilLines.push(`${g},${q(part)},${n},${pct(n, total, 0)}`, `${g},Total children,${total},100`);
			});
		}
		// England first, its counts rounded to the nearest 10 and its percentage from the exact ones.
		CLA_GROUPS.forEach(([group, [part]], i) => {
			const g = `${year},Reporting year,National,E92000001,England,,,,,,${group}`;
			lines.push(`${g},${q(part)},${round10(sums[i].n)},${pct(sums[i].n, sums[i].total, 0)}`, `${g},Total children,${round10(sums[i].total)},100`);
		});
		lines.push(...councilLines);
	}
	return lines.join('\n') + '\n';
}

/** The workforce file: FTEs to 0.1, rates from them; one 'low' agency cell and one 'x' vacancy. */
export function workforceCsv(seed: number, councils: readonly DemoCouncil[]): string {
	const upper = upperTier(councils);
	const lines = [`${GEO_HEADER},inpost_fte,inpost_headcount,starters_fte,starters_headcount,leavers_fte,leavers_headcount,turnover_rate_fte,turnover_rate_headcount,agency_fte,agency_headcount,agency_rate_fte,agency_rate_headcount,agency_cover_fte,agency_cover_rate_fte,vacancy_fte,vacancy_rate_fte,vacancy_agency_cover_rate_fte,case_holders_fte,cases,caseload_fte,working_days_lost_fte,absence_rate_fte`];
	const f1 = (x: number) => Math.round(x * 10) / 10;
	for (const year of YEARS.slice(0, 4)) {
		const rows = upper.map((c) => {
			const rng = Rng.for(seed, `csww-${c.code}-${year}`);
			const inpost = f1(rng.uniform(60, 600));
			return { c, inpost, leavers: f1(inpost * rng.uniform(0.06, 0.22)), agency: f1(inpost * rng.uniform(0, 0.3)), vacancy: f1(inpost * rng.uniform(0.03, 0.3)) };
		});
		const line = (g: string, r: { inpost: number; leavers: number; agency: number; vacancy: number }, low = false, noVacancy = false) => {
			const head = Math.round(r.inpost * 1.05);
			const agency = low ? 'low,low,low,low' : `${r.agency},${Math.round(r.agency)},${pct(r.agency, r.agency + r.inpost)},${pct(r.agency, r.agency + r.inpost)}`;
			const vacancy = noVacancy ? 'x,x' : `${r.vacancy},${pct(r.vacancy, r.vacancy + r.inpost)}`;
			return `${g},${r.inpost},${head},${f1(r.leavers * 1.1)},${Math.round(r.leavers * 1.1)},${r.leavers},${Math.round(r.leavers)},${pct(r.leavers, r.inpost)},${pct(Math.round(r.leavers), head)},${agency},z,z,${vacancy},z,${f1(r.inpost * 0.6)},${Math.round(r.inpost * 9)},15.2,${f1(r.inpost * 9)},3.1`;
		};
		const total = rows.reduce((s, r) => ({ inpost: s.inpost + r.inpost, leavers: s.leavers + r.leavers, agency: s.agency + r.agency, vacancy: s.vacancy + r.vacancy }), { inpost: 0, leavers: 0, agency: 0, vacancy: 0 });
		lines.push(line(geo(year, 'National'), { inpost: f1(total.inpost), leavers: f1(total.leavers), agency: f1(total.agency), vacancy: f1(total.vacancy) }));
		rows.forEach((r, i) => lines.push(line(geo(year, 'Local authority', r.c), r, i === 1 && year === '2024', i === 2 && year === '2022')));
	}
	return lines.join('\n') + '\n';
}

/** Every council CSV of the demonstration, by path under the output folder. */
export function councilCsvFiles(seed: number, councils: readonly DemoCouncil[]): Map<string, string> {
	return new Map([
		['council/childrens-services/c1_children_in_need_referrals_and_rereferrals_demo.csv', cinCsv(seed, councils)],
		['council/childrens-services/d3_cpps_subsequent_plan_demo.csv', cppCsv(seed, councils)],
		['council/childrens-services/la_cla_placement_stability_demo.csv', claCsv(seed, councils)],
		['council/childrens-services/csww_indicators_demo.csv', workforceCsv(seed, councils)]
	]);
}
