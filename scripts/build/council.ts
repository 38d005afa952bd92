/**
 * The council build stage (issue #12): what the council readers found, merged into the
 * files of src/lib/schema/council.ts. One measure at a time; each code keeps its own
 * figures (a successor's history starts with its own code, its predecessors are named).
 */
import type { CouncilMeasure, CouncilMeasureFile, CouncilRecord, CouncilsFile, CouncilValue, OfstedJudgement } from '../../src/lib/schema/council.ts';
import { COUNCIL_FILES, COUNCIL_TYPE_OF_PREFIX } from '../../src/lib/schema/council.ts';
import { COUNCIL_MEASURES, type MeasureDefinition } from '../../src/lib/council/measures.ts';
import { predecessorsOf, replacementOf } from '../../src/lib/council/reorganisations.ts';
import type { CouncilFact, CouncilObservation, CouncilReadResult, OfstedRow } from '../readers/council/types.ts';

export const ENGLAND_CODE = 'E92000001';

/** A council read result with the file it came from, for messages. */
export interface CouncilSource {
	file: string;
	result: CouncilReadResult;
}

export interface CouncilData {
	councils: CouncilsFile;
	measures: CouncilMeasureFile[];
	/** Problems that stop a strict build (two files giving the same cell, an unknown measure). */
	problems: string[];
}

const UNIT_SCALE: Record<CouncilMeasure['unit'], number> = { percent: 100, 'per-1000': 1000, 'kg-per-household': 1, count: 1 };

/**
 * The value in the measure's unit: a ratio where the measure has both parts, the count
 * where it is a count, else the publisher's own figure (a weighted survey estimate).
 * Kept unrounded: rounding is for display only.
 */
export function councilValue(definition: MeasureDefinition, o: Pick<CouncilObservation, 'numerator' | 'denominator' | 'published' | 'suppressed'>): number | null {
	if (o.suppressed) return null;
	if (definition.numeratorLabel && definition.denominatorLabel) {
		if (o.numerator !== null && o.denominator) return (UNIT_SCALE[definition.unit] * o.numerator) / o.denominator;
		// Only the publisher's rate (England's recycling rate, and years before 2014-15, are in Table_3 alone).
		return o.published;
	}
	if (definition.unit === 'count' && definition.numeratorLabel) return o.numerator;
	return o.published;
}

const byCodeYear = (a: CouncilValue, b: CouncilValue) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year < b.year ? -1 : a.year > b.year ? 1 : 0);

/** Every measure with observations, in the order of COUNCIL_MEASURES. */
export function measureFiles(sources: CouncilSource[], problems: string[]): CouncilMeasureFile[] {
	const cells = new Map<string, { file: string; observation: CouncilObservation }>();
	const fileOf = new Map<string, Set<string>>();
	for (const { file, result } of sources) {
		for (const o of result.observations) {
			const key = `${o.measure}|${o.code}|${o.year}`;
			const other = cells.get(key);
			if (other) {
				problems.push(`${file}: ${o.measure} for ${o.code} in ${o.year} is already read from ${other.file}; keep one file per measure and year.`);
				continue;
			}
			cells.set(key, { file, observation: o });
			if (!fileOf.has(o.measure)) fileOf.set(o.measure, new Set());
			fileOf.get(o.measure)!.add(file);
		}
	}
	for (const measure of fileOf.keys()) {
		if (!COUNCIL_MEASURES.some((m) => m.id === measure)) problems.push(`${[...fileOf.get(measure)!].join(', ')}: measure "${measure}" is not in src/lib/council/measures.ts.`);
	}
	const files: CouncilMeasureFile[] = [];
	for (const definition of COUNCIL_MEASURES) {
		const observations = [...cells.values()].filter((c) => c.observation.measure === definition.id).map((c) => c.observation);
		if (observations.length === 0) continue;
		const values = observations.map((o): CouncilValue => ({
			code: o.code,
			year: o.year,
			numerator: o.numerator,
			denominator: o.denominator,
			value: councilValue(definition, o),
			suppressed: o.suppressed,
			published: o.published
		}));
		values.sort(byCodeYear);
		const measure: CouncilMeasure = {
			...definition,
			source: { ...definition.source, file: [...fileOf.get(definition.id)!].sort().join(', ') },
			years: [...new Set(values.map((v) => v.year))].sort(),
			path: COUNCIL_FILES.measure.replace('{measure}', definition.id),
			csv: COUNCIL_FILES.measureCsv.replace('{measure}', definition.id)
		};
		files.push({ measure, england: values.filter((v) => v.code === ENGLAND_CODE), values: values.filter((v) => v.code !== ENGLAND_CODE) });
	}
	return files;
}

/** Facts about one code from every file, the first file's word kept where they differ (names, regions). */
function mergeFacts(sources: CouncilSource[]): Map<string, CouncilFact> {
	const facts = new Map<string, CouncilFact>();
	for (const { result } of sources) {
		for (const f of result.councils) {
			const known = facts.get(f.code);
			facts.set(f.code, known ? { ...f, ...known, ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined)) } : f);
		}
		for (const o of result.observations) if (!facts.has(o.code) && o.code !== ENGLAND_CODE) facts.set(o.code, { code: o.code, name: o.name });
	}
	return facts;
}

/** Newest judgement first; earlier ones become its history. */
function ofstedOf(rows: OfstedRow[]): OfstedJudgement | null {
	if (rows.length === 0) return null;
	const sorted = [...rows].sort((a, b) => b.date.localeCompare(a.date));
	return { overall: sorted[0].overall, date: sorted[0].date, history: sorted.slice(1).map((r) => ({ overall: r.overall, date: r.date })) };
}

/**
 * DfE statistical neighbours name councils by DfE number; the DfE files pair each number
 * with an ONS code per year. A number whose code changed (815: North Yorkshire county,
 * then unitary) means the code of its newest year.
 */
export function dfeNumberToCode(sources: CouncilSource[]): Map<string, string> {
	const latest = new Map<string, { code: string; year: string }>();
	const dfeOf = new Map<string, string>();
	for (const { result } of sources) for (const f of result.councils) if (f.dfeCode && /^\d{3}$/.test(f.dfeCode)) dfeOf.set(f.code, f.dfeCode);
	for (const { result } of sources) {
		for (const o of result.observations) {
			const dfe = dfeOf.get(o.code);
			if (!dfe) continue;
			const known = latest.get(dfe);
			if (!known || o.year > known.year) latest.set(dfe, { code: o.code, year: o.year });
		}
	}
	return new Map([...latest].map(([dfe, { code }]) => [dfe, code]));
}

function peersOf(sources: CouncilSource[], problems: string[]): CouncilsFile['peers'] {
	const peers: CouncilsFile['peers'] = { 'ons-global': {}, 'ons-economic': {}, 'ons-demographic': {}, dfe: {} };
	const toCode = dfeNumberToCode(sources);
	for (const { file, result } of sources) {
		for (const group of ['ons-global', 'ons-economic', 'ons-demographic'] as const) Object.assign(peers[group], result.peers[group] ?? {});
		for (const [dfe, neighbours] of Object.entries(result.peers.dfe ?? {})) {
			const code = toCode.get(dfe);
			const mapped = neighbours.map((n) => toCode.get(n));
			const missing = [dfe, ...neighbours].filter((n) => !toCode.has(n));
			if (!code || missing.length) {
				problems.push(`${file}: DfE number${missing.length > 1 ? 's' : ''} ${missing.join(', ')} appear${missing.length > 1 ? '' : 's'} in no DfE data file read, so ${dfe}'s statistical neighbours cannot be given ONS codes.`);
				continue;
			}
			peers.dfe[code] = mapped as string[];
		}
	}
	return peers;
}

/** councils.json: every English council any file names, with its reorganisation history. */
export function councilsFile(sources: CouncilSource[], measures: CouncilMeasureFile[], problems: string[]): CouncilsFile {
	const facts = mergeFacts(sources);
	const ofsted = sources.flatMap((s) => s.result.ofsted);
	const measuresOf = new Map<string, Set<string>>();
	for (const file of measures) {
		for (const v of file.values) {
			if (!measuresOf.has(v.code)) measuresOf.set(v.code, new Set());
			measuresOf.get(v.code)!.add(file.measure.id);
		}
	}
	const councils: CouncilRecord[] = [];
	for (const [code, f] of [...facts].sort(([a], [b]) => a.localeCompare(b))) {
		const type = f.type ?? COUNCIL_TYPE_OF_PREFIX[code.slice(0, 3)];
		if (!type || !code.startsWith('E')) continue; // Welsh, Scottish and Northern Irish areas appear only in peer lists
		const dfeCode = f.dfeCode ?? null;
		const own = ofsted.filter((o) => o.code === code || (o.code === null && dfeCode !== null && o.dfeCode === dfeCode));
		councils.push({
			code,
			name: f.name,
			type,
			region: f.region ?? null,
			regionName: f.regionName ?? null,
			dfeCode,
			replacedBy: replacementOf(code),
			// The table's names: DfE calls both Somerset councils "Somerset"; "Somerset County Council" says which.
			predecessors: predecessorsOf(code).map((p) => ({ code: p.code, name: p.name, year: p.year })),
			measures: COUNCIL_MEASURES.map((m) => m.id).filter((id) => measuresOf.get(code)?.has(id)),
			ofsted: ofstedOf(own)
		});
	}
	return { councils, peers: peersOf(sources, problems), measures: measures.map((m) => m.measure) };
}

export function buildCouncilData(sources: CouncilSource[]): CouncilData {
	const problems: string[] = [];
	const measures = measureFiles(sources, problems);
	return { councils: councilsFile(sources, measures, problems), measures, problems };
}
