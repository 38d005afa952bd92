/**
 * Demonstration RTT full extracts: the 121-column NHS England layout, one row per
 * provider × commissioner × part × treatment function, with a C_999 total row per
 * provider × commissioner × part equal to the sum of its detail rows. The providers'
 * model (treatments, waits, commissioners) is in rtt-model.ts, re-exported here.
 */
import { RTT_HEADER } from '../../src/lib/schema/rtt.ts';
import { Rng } from './random.ts';
import { REGIONS } from './places.ts';
import { MONTH_NAMES, historyFactors } from './rtt-history.ts';
import { buildRttModel, type Commissioner } from './rtt-model.ts';

export { HUB, NONC, TREATMENTS, buildRttModel } from './rtt-model.ts';

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
