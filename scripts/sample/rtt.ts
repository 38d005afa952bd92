/**
 * Demonstration RTT full extracts: the 121-column NHS England layout, one row per
 * provider × commissioner × part × treatment function, with a C_999 total row per
 * provider × commissioner × part equal to the sum of its detail rows.
 */
import { RTT_HEADER } from '../../src/lib/schema/rtt.ts';
import { Rng } from './random.ts';
import { REGIONS, type RegionId } from './places.ts';
import { PROVIDERS, providerRegion, type ProviderSpec } from './providers.ts';
import { MONTH_NAMES, historyFactors } from './rtt-history.ts';

export const TREATMENTS: readonly { code: string; name: string; share: number; median: number; dta: number }[] = [
	{ code: 'C_100', name: 'General Surgery Service', share: 0.07, median: 14, dta: 0.35 },
	{ code: 'C_101', name: 'Urology Service', share: 0.06, median: 13, dta: 0.3 },
	{ code: 'C_110', name: 'Trauma and Orthopaedic Service', share: 0.11, median: 20, dta: 0.4 },
	{ code: 'C_120', name: 'Ear Nose and Throat Service', share: 0.07, median: 18, dta: 0.25 },
	{ code: 'C_130', name: 'Ophthalmology Service', share: 0.09, median: 12, dta: 0.3 },
	{ code: 'C_140', name: 'Oral Surgery Service', share: 0.04, median: 21, dta: 0.35 },
	{ code: 'C_150', name: 'Neurosurgical Service', share: 0.012, median: 22, dta: 0.35 },
	{ code: 'C_160', name: 'Plastic Surgery Service', share: 0.03, median: 16, dta: 0.35 },
	{ code: 'C_170', name: 'Cardiothoracic Surgery Service', share: 0.01, median: 10, dta: 0.45 },
	{ code: 'C_300', name: 'General Internal Medicine Service', share: 0.012, median: 7, dta: 0.08 },
	{ code: 'C_301', name: 'Gastroenterology Service', share: 0.05, median: 11, dta: 0.25 },
	{ code: 'C_320', name: 'Cardiology Service', share: 0.05, median: 10, dta: 0.2 },
	{ code: 'C_330', name: 'Dermatology Service', share: 0.05, median: 14, dta: 0.08 },
	{ code: 'C_340', name: 'Respiratory Medicine Service', share: 0.03, median: 10, dta: 0.06 },
	{ code: 'C_400', name: 'Neurology Service', share: 0.03, median: 16, dta: 0.04 },
	{ code: 'C_410', name: 'Rheumatology Service', share: 0.02, median: 12, dta: 0.03 },
	{ code: 'C_430', name: 'Elderly Medicine Service', share: 0.01, median: 7, dta: 0.05 },
	{ code: 'C_502', name: 'Gynaecology Service', share: 0.06, median: 17, dta: 0.3 },
	{ code: 'X02', name: 'Other - Medical Services', share: 0.08, median: 10, dta: 0.12 },
	{ code: 'X03', name: 'Other - Mental Health Services', share: 0.004, median: 8, dta: 0.02 },
	{ code: 'X04', name: 'Other - Paediatric Services', share: 0.04, median: 15, dta: 0.2 },
	{ code: 'X05', name: 'Other - Surgical Services', share: 0.06, median: 15, dta: 0.35 },
	{ code: 'X06', name: 'Other - Other Services', share: 0.04, median: 11, dta: 0.15 }
];

export const TOTAL_TREATMENT = { code: 'C_999', name: 'Total' };

export const PARTS = [
	{ type: 'Part_1A', description: 'Completed Pathways For Admitted Patients' },
	{ type: 'Part_1B', description: 'Completed Pathways For Non-Admitted Patients' },
	{ type: 'Part_2', description: 'Incomplete Pathways' },
	{ type: 'Part_2A', description: 'Incomplete Pathways with DTA' },
	{ type: 'Part_3', description: 'New RTT Periods - All Patients' }
] as const;
type PartType = (typeof PARTS)[number]['type'];

const BANDS = 105;

export const HUB = { code: 'Z9H', name: 'NATIONAL COMMISSIONING HUB (DEMO)' };
export const NONC = 'NONC';
/** Treatment functions a specialised-commissioning hub pays for. */
const HUB_TREATMENTS = new Set(['C_150', 'C_170', 'C_160', 'C_400', 'X04']);
/** Providers that see a few patients from outside England (NONC). */
const NONC_PROVIDERS = new Set(['ZB4', 'ZC9', 'ZG4', 'ZE1', 'ZE2', 'ZB2', 'ZN003']);

interface Commissioner {
	code: string;
	name: string;
	parentCode: string;
	parentName: string;
}

function regionCommissioner(id: RegionId): Commissioner {
	const r = REGIONS[id];
	return { code: r.commissionerCode, name: r.commissionerName, parentCode: r.icbCode, parentName: r.icbName };
}

/** Treatment shares per kind of provider (normalised later). */
function treatmentShares(p: ProviderSpec, rng: Rng): Map<string, number> {
	const shares = new Map<string, number>();
	const set = (code: string, share: number) => shares.set(code, share);
	switch (p.kind) {
		case 'teaching':
			for (const t of TREATMENTS) if (t.code !== 'X03' || rng.chance(0.3)) set(t.code, t.share * rng.uniform(0.7, 1.3));
			break;
		case 'acute': {
			const dropped = new Set(rng.shuffle(['C_300', 'C_430', 'X03', 'C_140']).slice(0, rng.int(1, 2)));
			for (const t of TREATMENTS) {
				if (t.code === 'C_150' || t.code === 'C_170') continue;
				if (dropped.has(t.code) || t.code === 'X03') continue;
				set(t.code, t.share * rng.uniform(0.7, 1.3));
			}
			// A handful of patients in a service the trust hardly offers: "too few to say".
			if (rng.chance(0.5)) set('C_170', 0.0003);
			break;
		}
		case 'orthopaedic':
			set('C_110', 0.78); set('X05', 0.09); set('C_410', 0.05); set('C_160', 0.04); set('X06', 0.04);
			break;
		case 'children':
			set('X04', 0.6); set('C_110', 0.08); set('C_120', 0.08); set('C_160', 0.06); set('C_100', 0.06);
			set('C_330', 0.04); set('C_130', 0.05); set('C_150', 0.03);
			break;
		case 'mental-health':
			set('X03', 0.93); set('X06', 0.07);
			break;
		case 'independent':
			if (p.code === 'ZN002') {
				set('C_130', 0.6); set('C_120', 0.2); set('C_101', 0.2); set('C_110', 0.004);
			} else if (p.code === 'ZN003') {
				set('C_130', 0.5); set('C_100', 0.3); set('C_110', 0.01); set('X05', 0.19);
			} else {
				set('C_110', 0.35); set('C_130', 0.25); set('C_100', 0.12); set('C_101', 0.08); set('C_120', 0.1); set('X05', 0.1);
			}
			break;
	}
	let total = 0;
	for (const v of shares.values()) total += v;
	for (const [k, v] of shares) shares.set(k, v / total);
	return shares;
}

interface ServiceModel {
	treatment: (typeof TREATMENTS)[number];
	share: number;
	/** Median wait (weeks) of the waiting list in the first month. */
	median: number;
	dta: number;
	/** Fraction of the waiting list beyond 104 weeks. */
	tail: number;
	/** Month-to-month noise of the median, fixed per service. */
	wobble: number[];
}

interface ProviderModel {
	spec: ProviderSpec;
	region: RegionId;
	services: ServiceModel[];
	/** `only`: the treatments this commissioner sends patients to this provider for. */
	commissioners: { commissioner: Commissioner; share: number; only: Set<string> }[];
	/** Leaves `Patients with unknown clock start date` empty instead of 0, as some real providers do. */
	unknownEmpty: boolean;
	growth: number;
}

export function buildRttModel(seed: number): ProviderModel[] {
	return PROVIDERS.map((spec) => {
		const rng = Rng.for(seed, `rtt-model:${spec.code}`);
		const region = providerRegion(spec);
		const shares = treatmentShares(spec, rng);
		const providerFactor =
			spec.kind === 'independent' ? rng.uniform(0.4, 0.6) : spec.kind === 'orthopaedic' ? 1.6 : rng.logNormal(1, 0.25);
		const services: ServiceModel[] = [];
		for (const t of TREATMENTS) {
			const share = shares.get(t.code);
			if (share === undefined) continue;
			const median = Math.min(40, Math.max(6, t.median * providerFactor * rng.logNormal(1, 0.18)));
			services.push({
				treatment: t,
				share,
				median,
				dta: Math.min(0.9, t.dta * rng.uniform(0.75, 1.25)),
				tail: median > 25 ? rng.uniform(0.002, 0.008) : rng.uniform(0, 0.0015),
				wobble: [0, rng.normal(0, 0.03), rng.normal(0, 0.03), rng.normal(0, 0.03)]
			});
		}
		const main = regionCommissioner(region);
		const neighbour = regionCommissioner(REGIONS[region].neighbour);
		const codes = services.map((s) => s.treatment.code);
		const some = (p: number) => new Set(codes.filter((c, i) => i === 0 || rng.chance(p)));
		const commissioners: ProviderModel['commissioners'] = [
			{ commissioner: main, share: spec.kind === 'independent' ? 0.95 : 0.87, only: new Set(codes) },
			{ commissioner: neighbour, share: spec.kind === 'independent' ? 0.05 : 0.08, only: some(0.4) }
		];
		if (spec.kind === 'teaching' || spec.kind === 'children') {
			const hub: Commissioner = { code: HUB.code, name: HUB.name, parentCode: '', parentName: '' };
			commissioners.push({ commissioner: hub, share: 0.25, only: new Set(codes.filter((c) => HUB_TREATMENTS.has(c))) });
		}
		if (NONC_PROVIDERS.has(spec.code)) {
			const nonc: Commissioner = { code: NONC, name: '', parentCode: '', parentName: '' };
			commissioners.push({ commissioner: nonc, share: 0.006, only: some(0.3) });
		}
		return { spec, region, services, commissioners, unknownEmpty: rng.chance(0.3), growth: rng.normal(0, 0.02) };
	});
}

/** Relative weight of each band for a waiting time distribution with roughly this median. */
export function bandProbabilities(median: number, shape: number, tail: number): Float64Array {
	// Wilson–Hilferty approximation of the median of a gamma(shape, 1).
	const gammaMedian = shape * (1 - 1 / (9 * shape)) ** 3;
	const scale = median / gammaMedian;
	const p = new Float64Array(BANDS);
	let sum = 0;
	for (let b = 0; b < BANDS - 1; b++) {
		const x = b + 0.5;
		let w = x ** (shape - 1) * Math.exp(-x / scale);
		// Long waits are actively cleared: the density falls away beyond a year.
		if (x > 52) w *= Math.exp(-(x - 52) / 14);
		p[b] = w;
		sum += w;
	}
	for (let b = 0; b < BANDS - 1; b++) p[b] = (p[b] / sum) * (1 - tail);
	p[BANDS - 1] = tail;
	return p;
}

function sampleBands(rng: Rng, expected: number, probs: Float64Array): number[] {
	const out = new Array<number>(BANDS);
	for (let b = 0; b < BANDS; b++) out[b] = rng.poisson(expected * probs[b]);
	return out;
}

interface Row {
	commissioner: Commissioner;
	part: PartType;
	treatment: { code: string; name: string };
	bands: number[] | null; // null for Part_3
	unknown: number | null; // null = empty cell
	totalAll: number;
}

export function rttPeriodLabel(period: string): string {
	const [year, month] = period.split('-').map(Number);
	return `RTT-${MONTH_NAMES[month - 1]}-${year}`;
}

/** `20260430-RTT-April-2026-full-extract.csv` */
export function rttCsvName(period: string): string {
	const [year, month] = period.split('-').map(Number);
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}${String(month).padStart(2, '0')}${lastDay}-${rttPeriodLabel(period)}-full-extract.csv`;
}

export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One month of the full extract as CSV text (CRLF, as published).
 * `monthIndex` counts months from 2026-02 (drives the drift); negative months are history,
 * shaped by rtt-history.ts (the factors are exactly 1 from month 0 on, so those bytes never change).
 */
export function rttMonthCsv(seed: number, period: string, monthIndex: number, model = buildRttModel(seed)): string {
	const label = rttPeriodLabel(period);
	const lines: string[] = [RTT_HEADER.map(csvField).join(',')];
	for (const pm of model) {
		const rng = Rng.for(seed, `rtt:${period}:${pm.spec.code}`);
		const history = monthIndex < 0;
		// Each provider strays a little from the national shape, slowly.
		const h = historyFactors(period, monthIndex, pm.growth * 0.15);
		const listSize = history ? pm.spec.listSize * h.list : pm.spec.listSize * Math.exp(pm.growth * monthIndex);
		const region = REGIONS[pm.region];
		const providerKey = [label, region.icbCode, region.icbName, pm.spec.code, pm.spec.name.toUpperCase()];
		for (const { commissioner, share, only } of pm.commissioners) {
			const rows: Row[] = [];
			for (const svc of pm.services) {
				if (!only.has(svc.treatment.code)) continue;
				const n2 = listSize * svc.share * share;
				const median = history
					? Math.min(45, Math.max(5, svc.median * h.wait * Math.exp(svc.wobble[((monthIndex % 4) + 4) % 4])))
					: Math.min(45, Math.max(5, svc.median * Math.exp(pm.spec.trend * monthIndex + svc.wobble[monthIndex % 4])));
				const p2 = bandProbabilities(median, 1.35, svc.tail);
				const part2 = sampleBands(rng, n2, p2);
				const part2a = part2.map((c, b) => rng.binomial(c, Math.min(0.95, svc.dta * (1 + (0.4 * b) / 104))));
				const p1a = bandProbabilities(Math.max(3, median * 1.15), 1.7, svc.tail / 3);
				const p1b = bandProbabilities(Math.max(2, median * 0.55), 1.4, svc.tail / 3);
				const part1a = sampleBands(rng, n2 * svc.dta * 0.12 * h.activity, p1a);
				const part1b = sampleBands(rng, n2 * (1 - svc.dta) * 0.16 * h.activity, p1b);
				// A few pathways with an unknown clock start, only on rows with some volume.
				const unknown = (bands: number[]) => (rng.chance(0.05) && sum(bands) >= 20 ? rng.int(1, 4) : 0);
				const t = svc.treatment;
				const u1a = unknown(part1a);
				const u1b = unknown(part1b);
				rows.push(
					{ commissioner, part: 'Part_1A', treatment: t, bands: part1a, unknown: u1a === 0 && pm.unknownEmpty ? null : u1a, totalAll: sum(part1a) + u1a },
					{ commissioner, part: 'Part_1B', treatment: t, bands: part1b, unknown: u1b === 0 && pm.unknownEmpty ? null : u1b, totalAll: sum(part1b) + u1b },
					{ commissioner, part: 'Part_2', treatment: t, bands: part2, unknown: null, totalAll: sum(part2) },
					{ commissioner, part: 'Part_2A', treatment: t, bands: part2a, unknown: null, totalAll: sum(part2a) },
					{ commissioner, part: 'Part_3', treatment: t, bands: null, unknown: null, totalAll: rng.poisson(n2 * 0.15 * h.activity) }
				);
			}
			for (const part of PARTS) {
				const detail = rows.filter((r) => r.part === part.type && r.totalAll > 0);
				if (detail.length === 0) continue;
				const total: Row = {
					commissioner,
					part: part.type,
					treatment: TOTAL_TREATMENT,
					bands: detail[0].bands ? new Array<number>(BANDS).fill(0) : null,
					unknown: detail.every((r) => r.unknown === null) ? null : 0,
					totalAll: 0
				};
				for (const r of detail) {
					if (total.bands && r.bands) for (let b = 0; b < BANDS; b++) total.bands[b] += r.bands[b];
					if (total.unknown !== null) total.unknown += r.unknown ?? 0;
					total.totalAll += r.totalAll;
				}
				for (const r of [...detail, total]) {
					lines.push(formatRow(providerKey, r, part.description));
				}
			}
		}
	}
	return lines.join('\r\n') + '\r\n';
}

function formatRow(providerKey: string[], r: Row, description: string): string {
	const c = r.commissioner;
	const cells: string[] = [...providerKey, c.parentCode, c.parentName, c.code, c.name, r.part, description, r.treatment.code, r.treatment.name];
	const isPart1 = r.part === 'Part_1A' || r.part === 'Part_1B';
	if (r.bands) for (const v of r.bands) cells.push(String(v));
	else for (let b = 0; b < BANDS; b++) cells.push('');
	if (isPart1) {
		cells.push(String(sum(r.bands!)), r.unknown === null ? '' : String(r.unknown), String(r.totalAll));
	} else {
		cells.push('', '', String(r.totalAll));
	}
	return cells.map(csvField).join(',');
}

function sum(values: number[]): number {
	let s = 0;
	for (const v of values) s += v;
	return s;
}
