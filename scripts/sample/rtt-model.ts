/**
 * The demonstration RTT providers' fixed character, drawn once per seed: which
 * treatment functions each provider offers and in what share, its waits, and
 * which commissioners send it patients. rtt.ts draws each month from this.
 */
import { Rng } from './random.ts';
import { REGIONS, type RegionId } from './places.ts';
import { PROVIDERS, providerRegion, type ProviderSpec } from './providers.ts';

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

export const HUB = { code: 'Z9H', name: 'NATIONAL COMMISSIONING HUB (DEMO)' };
export const NONC = 'NONC';
/** Treatment functions a specialised-commissioning hub pays for. */
const HUB_TREATMENTS = new Set(['C_150', 'C_170', 'C_160', 'C_400', 'X04']);
/** Providers that see a few patients from outside England (NONC). */
const NONC_PROVIDERS = new Set(['ZB4', 'ZC9', 'ZG4', 'ZE1', 'ZE2', 'ZB2', 'ZN003']);

export interface Commissioner {
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
