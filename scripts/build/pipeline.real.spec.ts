/**
 * The pipeline on the real published files in ../shared/data: every RTT month
 * is read with zero rejects, and the manifest's national totals equal an
 * independent count straight from the raw CSV (PapaParse, not DuckDB).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestTable } from '../../src/lib/schema/site-data.ts';
import { sharedDataDir } from '../lib/shared-data.ts';
import { buildSiteData } from './pipeline.ts';
import { runSummarise } from '../summarise/cli.ts';
import { summariseWaits } from '../../src/lib/stats/wait-summary.ts';
import { roundTenth } from '../../src/lib/format/numbers.ts';

const shared = sharedDataDir();

/**
 * Sum of Total All over Part_2 total rows (C_999), all commissioners and without NONC,
 * and the Part_2 week bands of a few providers for trauma and orthopaedics (C_110).
 */
function independentTotals(zipPath: string): { period: string; all: number; england: number; bands: Map<string, number[]>; flows: Map<string, Flow> } {
	const files = unzipSync(new Uint8Array(readFileSync(zipPath)), { filter: (f) => f.name.endsWith('.csv') && !f.name.includes('__MACOSX') });
	const text = new TextDecoder().decode(Object.values(files)[0]);
	let all = 0;
	let england = 0;
	let period = '';
	const bands = new Map<string, number[]>();
	const flows = new Map<string, Flow>();
	Papa.parse<string[]>(text, {
		skipEmptyLines: true,
		step: ({ data }) => {
			if (FLOW_CHECKS.some(([code, treatment]) => data[3] === code && data[11] === treatment)) {
				const key = `${data[3]}|${data[11]}`;
				const flow = flows.get(key) ?? { Part_1A: { bands: new Array(105).fill(0), unknown: 0 }, Part_1B: { bands: new Array(105).fill(0), unknown: 0 }, referrals: 0 };
				flows.set(key, flow);
				if (data[9] === 'Part_3') flow.referrals += Number(data[120]);
				if (data[9] === 'Part_1A' || data[9] === 'Part_1B') {
					for (let k = 0; k < 105; k++) flow[data[9]].bands[k] += Number(data[13 + k] || 0);
					flow[data[9]].unknown += Number(data[119] || 0);
				}
			}
			if (data[9] === 'Part_2' && data[11] === 'C_110' && SPOT_CHECKS.includes(data[3])) {
				const sum = bands.get(data[3]) ?? new Array(105).fill(0);
				for (let k = 0; k < 105; k++) sum[k] += Number(data[13 + k] || 0);
				bands.set(data[3], sum);
			}
			if (data[9] !== 'Part_2' || data[11] !== 'C_999') return;
			period = data[0];
			const total = Number(data[120]);
			all += total;
			if (data[7] !== 'NONC') england += total;
		}
	});
	return { period, all, england, bands, flows };
}

const SPOT_CHECKS = ['RRK', 'RJ1', 'R0A', 'RR8'];
/** Provider × treatment whose treated-this-month figures are checked against the raw rows. */
const FLOW_CHECKS = [['RR8', 'C_130'], ['RRK', 'C_110'], ['RJ1', 'C_999']] as const;
interface Flow {
	Part_1A: { bands: number[]; unknown: number };
	Part_1B: { bands: number[]; unknown: number };
	referrals: number;
}

describe.skipIf(!shared)('data build on the real published files', () => {
	let manifest: Manifest;
	let out: string;
	beforeAll(async () => {
		out = join(mkdtempSync(join(tmpdir(), 'pipeline-real-')), 'data');
		manifest = await buildSiteData({ input: shared!, out, allowRejects: false, demonstration: false });
	}, 600_000);

	it('reads every RTT month with zero rejected rows', () => {
		const rtt = manifest.sources.filter((s) => s.dataset === 'rtt');
		expect(rtt.map((s) => s.period).sort()).toEqual(['2026-01', '2026-04']);
		for (const s of rtt) expect(s).toMatchObject({ rowsRejected: 0, rowsAccepted: s.rowsRead });
		expect(rtt.find((s) => s.period === '2026-01')!.rowsRead).toBe(183417);
		expect(rtt.find((s) => s.period === '2026-04')!.rowsRead).toBe(180781);
		for (const s of manifest.sources) expect(s.rowsAccepted + s.rowsRejected).toBe(s.rowsRead);
	});

	it('records national totals equal to an independent sum over the raw CSV', () => {
		const waits = JSON.parse(readFileSync(join(out, 'patient/waits-C_110.json'), 'utf8'));
		for (const [file, period] of [['RTT-January-2026-full-extract.zip', '2026-01'], ['RTT-April-2026-full-extract.zip', '2026-04']]) {
			const independent = independentTotals(join(shared!, 'rtt', file));
			// What a patient sees for trauma and orthopaedics equals the statistics core run on the raw bands.
			for (const code of SPOT_CHECKS) {
				const direct = summariseWaits(independent.bands.get(code)!, 0);
				const shown = waits.rows.find((r: { provider: string }) => r.provider === code).months.find((m: { period: string }) => m.period === period);
				expect(shown.pathways).toBe(direct.pathways);
				expect(shown.median).toBeCloseTo((direct.median as { weeks: number }).weeks, 1);
				expect(shown.p92).toBeCloseTo((direct.p92 as { weeks: number }).weeks, 1);
				expect(shown.pctWithin18).toBeCloseTo(direct.pctWithin18!, 1);
				expect(shown.over52).toBe(direct.over52);
			}
			// The waits of people treated that month, and the referrals in: the same core on the raw bands.
			for (const [code, treatment] of FLOW_CHECKS) {
				const file = JSON.parse(readFileSync(join(out, `patient/waits-${treatment}.json`), 'utf8'));
				const shown = file.rows.find((r: { provider: string }) => r.provider === code).months.find((m: { period: string }) => m.period === period);
				const flow = independent.flows.get(`${code}|${treatment}`)!;
				expect(shown.referrals).toBe(flow.referrals);
				for (const [part, key] of [['Part_1A', 'admitted'], ['Part_1B', 'nonAdmitted']] as const) {
					const direct = summariseWaits(flow[part].bands, flow[part].unknown);
					expect(direct.tooFew).toBe(false);
					expect(shown[key]).toEqual({
						pathways: direct.pathways, unknownClockStart: direct.unknownClockStart,
						median: roundTenth((direct.median as { weeks: number }).weeks), p92: roundTenth((direct.p92 as { weeks: number }).weeks),
						medianOver104: false, p92Over104: false, tooFew: false
					});
				}
			}
			const month = manifest.rtt.find((m) => m.period === period)!;
			expect(month.incompletePathways).toBe(independent.all);
			expect(month.incompletePathwaysEngland).toBe(independent.england);
		}
		// The figures NHS England's data README gives for the same files.
		expect(manifest.rtt.map((m) => [m.period, m.incompletePathways, m.incompletePathwaysEngland])).toEqual([
			['2026-01', 7187677, 7155958],
			['2026-04', 7123980, 7093502]
		]);
	});

	it('writes each month’s DuckDB files holding that month’s national total (what /explore reads)', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		const scratch = mkdtempSync(join(tmpdir(), 'pipeline-real-months-'));
		const attach = async (table: ManifestTable, alias: string) => {
			const file = join(scratch, `${table.name}.duckdb`);
			writeFileSync(file, gunzipSync(readFileSync(join(out, table.path))));
			await connection.run(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
			return `${alias}.${table.innerTable}`;
		};
		const one = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS()[0];
		try {
			const byName = new Map(manifest.tables.map((t) => [t.name, t]));
			const england = await attach(byName.get('rtt_england')!, 'england');
			for (const month of manifest.rtt) {
				const suffix = month.period.replace('-', '_');
				const detail = await attach(byName.get(`rtt_detail_${suffix}`)!, `detail_${suffix}`);
				const summary = await attach(byName.get(`rtt_summary_${suffix}`)!, `summary_${suffix}`);
				expect(await one(`SELECT sum(total_all)::DOUBLE AS all_rows, (sum(total_all) FILTER (WHERE commissioner_code <> 'NONC'))::DOUBLE AS england, count(DISTINCT period)::INTEGER AS months
					FROM ${detail} WHERE part = 'Part_2' AND treatment_code = 'C_999'`)).toEqual({ all_rows: month.incompletePathways, england: month.incompletePathwaysEngland, months: 1 });
				const headline = `SELECT median_weeks, pct_within_18 FROM %s WHERE period = '${month.period}' AND provider_code = 'ENG' AND part = 'Part_2' AND treatment_code = 'C_999'`;
				const expected = { median_weeks: month.englandMedianWeeks, pct_within_18: month.englandPctWithin18 };
				expect(await one(headline.replace('%s', summary))).toEqual(expected);
				expect(await one(headline.replace('%s', england))).toEqual(expected);
			}
			expect(byName.get('rtt_summary')!.rows).toBe(manifest.periods.reduce((sum, p) => sum + byName.get(`rtt_summary_${p.replace('-', '_')}`)!.rows, 0));
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	});

	it('gives provider figures that add up to the published spot checks', () => {
		const waits = JSON.parse(readFileSync(join(out, 'patient/waits-C_999.json'), 'utf8'));
		const latest = (code: string, period: string) => {
			const m = waits.rows.find((r: { provider: string }) => r.provider === code).months.find((x: { period: string }) => x.period === period);
			return m.pathways + m.unknownClockStart;
		};
		expect([latest('RRK', '2026-01'), latest('RRK', '2026-04'), latest('RJ1', '2026-01'), latest('RJ1', '2026-04')]).toEqual([93311, 90948, 107777, 109898]);
		expect([latest('R0A', '2026-01'), latest('R0A', '2026-04'), latest('RR8', '2026-01'), latest('RR8', '2026-04')]).toEqual([175344, 168774, 86915, 86725]);
	});

	it('locates University Hospitals Birmingham by its hospital sites and keeps the A&E and survey figures', () => {
		const providers = JSON.parse(readFileSync(join(out, 'patient/providers.json'), 'utf8')).providers;
		const uhb = providers.find((p: { code: string }) => p.code === 'RRK');
		expect(uhb.locatedBy).toBe('sites');
		expect(uhb.lat).toBeCloseTo(52.45, 0);
		expect(uhb.survey).toMatchObject({ year: 2022 });
		expect(uhb.ae.period).toBe('2026-02');
		expect(manifest.unlocatedProviders.length).toBeGreaterThan(0);
		expect(manifest.unlocatedProviders.every((code) => !providers.find((p: { code: string }) => p.code === code).lat)).toBe(true);
	});

	it('writes one A&E month file per month, adding up to the data README’s totals', () => {
		expect(manifest.aePeriods).toHaveLength(59);
		expect([manifest.aePeriods[0], manifest.aePeriods.at(-1)]).toEqual(['2021-04', '2026-02']);
		// ../shared/data/README.md, A&E oracle: all attendances (Type 1 + 2 + Other) and over 4 hours, provider rows only.
		const oracle: [string, number, number][] = [['2021-04', 1787500, 239717], ['2025-02', 2008463, 545676], ['2026-02', 2043572, 541635]];
		for (const [period, attendances, over4h] of oracle) {
			const file = JSON.parse(readFileSync(join(out, manifest.files.aeMonth.replace('{period}', period)), 'utf8'));
			expect(file.period).toBe(period);
			const sum = (key: 'attendances' | 'within4h') => file.rows.reduce((s: number, r: Record<string, number>) => s + r[key], 0);
			expect([sum('attendances'), sum('attendances') - sum('within4h')]).toEqual([attendances, over4h]);
		}
		const providers = JSON.parse(readFileSync(join(out, 'patient/providers.json'), 'utf8')).providers;
		expect(providers.find((p: { code: string }) => p.code === 'R0A')).toMatchObject({ region: 'QOP' });
		expect(JSON.parse(readFileSync(join(out, 'patient/providers.json'), 'utf8')).regions.QOP).toBe('NHS Greater Manchester Integrated Care Board');
	});

	it('records the England median and % within 18 weeks, equal to what `npm run summarise -- --by england` prints', async () => {
		// Figures from this build, recorded here so a change in method shows up as a failing test.
		const recorded: Record<string, [number, number]> = { '2026-01': [13.62, 61.43], '2026-04': [11.9, 64.95] };
		for (const [file, period] of [['RTT-January-2026-full-extract.zip', '2026-01'], ['RTT-April-2026-full-extract.zip', '2026-04']]) {
			let output = '';
			const status = await runSummarise([join(shared!, 'rtt', file), '--by', 'england', '--format', 'json'], { stdout: { write: (t: string) => (output += t) }, stderr: { write: () => true } });
			expect(status).toBe(0);
			const [england] = JSON.parse(output);
			const month = manifest.rtt.find((m) => m.period === period)!;
			expect(month.englandMedianWeeks!).toBeCloseTo(england.median_weeks, 2);
			expect(month.englandPctWithin18!).toBeCloseTo(england.pct_within_18, 2);
			expect(month.englandMedianWeeks!).toBeCloseTo(recorded[period][0], 2);
			expect(month.englandPctWithin18!).toBeCloseTo(recorded[period][1], 2);
		}
	}, 120_000);

	it('writes a real month whose clean load found a duplicate row into a file of its own size, not the rows twice over', async () => {
		// A real month fills a whole row group, which DuckDB writes into the file as it loads: then
		// dropped, it would still take up its blocks (the demonstration months are too small to show it).
		const files = unzipSync(new Uint8Array(readFileSync(join(shared!, 'rtt', 'RTT-January-2026-full-extract.zip'))), { filter: (f) => f.name.endsWith('.csv') && !f.name.includes('__MACOSX') });
		const lines = new TextDecoder().decode(Object.values(files)[0]).split('\n');
		lines.splice(lines.at(-1) === '' ? -1 : lines.length, 0, lines[1]);
		const input = mkdtempSync(join(tmpdir(), 'pipeline-real-duplicate-'));
		writeFileSync(join(input, 'RTT-January-2026-with-a-duplicate.csv'), lines.join('\n'));
		const built = await buildSiteData({ input, out: join(input, 'out'), allowRejects: true, demonstration: false });
		expect(built.sources[0]).toMatchObject({ rowsRead: 183418, rowsAccepted: 183417, rowsRejected: 1 });
		expect(built.sources[0].issues[0].message).toMatch(/duplicate/);
		const bytes = (m: Manifest) => m.tables.find((t) => t.name === 'rtt_detail_2026_01')!.bytes;
		expect(bytes(built)).toBeLessThan(bytes(manifest) * 1.2);
	}, 120_000);
});
