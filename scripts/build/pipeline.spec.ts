import { COUNCIL_MEASURES } from '../../src/lib/council/measures.ts';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { rttMonthPath, trendPartPath, type Manifest, type RttLeagueMonthFile } from '../../src/lib/schema/site-data.ts';
import { RTT_BAND_COLUMNS } from '../../src/lib/schema/rtt.ts';
import { generateAll } from '../sample/generate.ts';
import { BuildFailed, buildSiteData } from './pipeline.ts';

/**
 * Each month's detail file as /explore reads it: the rows the month's report accepted, stored in
 * the file's order (a clean month's rows are sorted into it as they are read, any other month's
 * after its checks), against the order each row is stored in.
 */
async function detailFiles(out: string, manifest: Manifest): Promise<{ period: string; rows: number; accepted: number; unsorted: number }[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const scratch = mkdtempSync(join(tmpdir(), 'pipeline-detail-'));
	try {
		const found = [];
		for (const period of manifest.periods) {
			const table = manifest.tables.find((t) => t.name === `rtt_detail_${period.replace('-', '_')}`)!;
			const file = join(scratch, `${table.name}.duckdb`);
			writeFileSync(file, gunzipSync(readFileSync(join(out, table.path))));
			await connection.run(`ATTACH '${file}' AS ${table.name} (READ_ONLY)`);
			const key = '(provider_code, commissioner_code, part, treatment_code)';
			const [[rows, unsorted]] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER, (count(*) FILTER (WHERE ${key} <= previous))::INTEGER
				FROM (SELECT ${key} AS key, lag(${key}) OVER (ORDER BY rowid) AS previous, * FROM ${table.name}.rtt_detail)`)).getRows() as number[][];
			const accepted = manifest.sources.find((s) => s.dataset === 'rtt' && s.period === period)!.rowsAccepted;
			found.push({ period, rows, accepted, unsorted });
		}
		return found;
	} finally {
		connection.closeSync();
		instance.closeSync();
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** The demonstration data, written to a temporary folder, is the pipeline's everyday input. */
function writeDemo(dir: string): void {
	for (const [path, bytes] of generateAll(20260501)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), bytes);
	}
}

let input: string;
let out: string;
let manifest: Manifest;

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'pipeline-spec-'));
	input = join(root, 'raw');
	out = join(root, 'site-data');
	writeDemo(input);
	manifest = await buildSiteData({ input, out, allowRejects: false, demonstration: true });
});

describe('data build on the demonstration data', () => {
	it('reads every file and accounts for every row', () => {
		expect(manifest.demonstration).toBe(true);
		expect(manifest.periods).toEqual(['2026-02', '2026-03', '2026-04']);
		const datasets = new Set(manifest.sources.map((s) => s.dataset));
		for (const d of ['rtt', 'trusts', 'hospital-sites', 'inpatient-survey', 'ae', 'postcode-sectors', 'postcode-districts']) expect(datasets).toContain(d);
		for (const s of manifest.sources) {
			expect(s.rowsAccepted + s.rowsRejected).toBe(s.rowsRead);
			expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
		}
	});

	const datapackageFields = (name: string) =>
		(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).resources as { name: string; schema: { fields: { name: string }[] } }[]).find((r) => r.name === name)!.schema.fields.map((f) => f.name);

	it('writes every table the manifest lists, and the first-answer files', () => {
		for (const t of manifest.tables.filter((t) => t.format !== 'union')) {
			expect(existsSync(join(out, t.path))).toBe(true);
			expect(existsSync(join(out, t.parquet!))).toBe(true);
			expect(t.rows).toBeGreaterThan(0);
		}
		expect(manifest.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['rtt_summary', 'rtt_england', 'providers', 'sites', 'postcode_sectors', 'inpatient_survey', 'ae_monthly', 'rtt_detail_2026_04', 'rtt_summary_2026_04']));
		// Each month lives in its own folder; every month's summary together is a view over the parts.
		const byName = new Map(manifest.tables.map((t) => [t.name, t]));
		expect(byName.get('rtt_detail_2026_04')).toMatchObject({ format: 'duckdb', innerTable: 'rtt_detail', path: 'months/2026-04/rtt_detail.duckdb.gz', lazy: true });
		expect(byName.get('rtt_summary_2026_04')).toMatchObject({ format: 'duckdb', innerTable: 'rtt_summary', path: 'months/2026-04/rtt_summary.duckdb.gz', lazy: true });
		const union = byName.get('rtt_summary')!;
		expect(union).toMatchObject({ format: 'union', parts: ['rtt_summary_2026_02', 'rtt_summary_2026_03', 'rtt_summary_2026_04'], parquet: null });
		// Every month's summary is downloaded by year: one union and one Parquet file per calendar year.
		expect(byName.get('rtt_summary_2026')).toMatchObject({ family: 'rtt_summary', format: 'union', parts: union.parts, parquet: 'parquet/rtt_summary_2026.parquet', rows: union.rows });
		expect(existsSync(join(out, 'parquet/rtt_summary_2026.parquet'))).toBe(true);
		expect(existsSync(join(out, 'parquet/rtt_summary.parquet'))).toBe(false);
		const parts = union.parts!.map((n) => byName.get(n)!);
		expect(union.rows).toBe(parts.reduce((sum, p) => sum + p.rows, 0));
		expect(union.bytes).toBe(parts.reduce((sum, p) => sum + p.bytes, 0));
		expect(byName.get('rtt_england')).toMatchObject({ format: 'duckdb', path: 'tables/rtt_england.duckdb.gz', lazy: false });
		expect(byName.get('providers')!.format).toBeUndefined();
		// Columns are listed once per family: each month's tables name theirs, and no table carries its own.
		expect(Object.keys(manifest.families).sort()).toEqual(['ae_monthly', 'inpatient_survey', 'postcode_districts', 'postcode_sectors', 'providers', 'rtt_detail', 'rtt_england', 'rtt_summary', 'sites']);
		expect(manifest.families.rtt_detail.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['period', 'provider_code', 'commissioner_code', ...RTT_BAND_COLUMNS]));
		for (const period of manifest.periods) {
			expect(byName.get(`rtt_detail_${period.replace('-', '_')}`)).toMatchObject({ family: 'rtt_detail', period });
			expect(byName.get(`rtt_detail_${period.replace('-', '_')}`)).not.toHaveProperty('description');
		}
		expect(union).toMatchObject({ family: 'rtt_summary', description: expect.stringContaining('Naming it fetches every month') });
		expect(manifest.tables.some((t) => 'columns' in t)).toBe(false);
		// /explore fetches explorer.json, not the whole manifest: the same tables and families.
		expect(JSON.parse(readFileSync(join(out, 'explorer.json'), 'utf8'))).toEqual({ latestPeriod: '2026-04', demonstration: true, tables: manifest.tables, families: manifest.families });
		expect(datapackageFields('rtt_detail_2026_04')).toEqual(manifest.families.rtt_detail.columns.map((c) => c.name));
		const providers = JSON.parse(readFileSync(join(out, 'patient/providers.json'), 'utf8')).providers;
		expect(providers.length).toBeGreaterThan(20);
		const waits = JSON.parse(readFileSync(join(out, 'patient/waits-C_110.json'), 'utf8'));
		// The first answer holds the months it compares (the latest two here); every month is in the trend file.
		expect(waits.periods).toEqual(['2026-03', '2026-04']);
		// The trend is in parts of neighbouring providers; each waits row names the part holding its series.
		const trendFiles = Array.from({ length: waits.trendParts }, (_, i) => JSON.parse(readFileSync(join(out, trendPartPath('C_110', i)), 'utf8')));
		for (const part of trendFiles) expect(part.periods).toEqual(manifest.periods);
		for (const row of waits.rows) expect(trendFiles[row.trendPart].rows.map((r: { provider: string }) => r.provider)).toContain(row.provider);
		expect(JSON.parse(readFileSync(join(out, 'patient/waits-C_999.json'), 'utf8')).trendParts).toBeGreaterThan(1);
		expect(existsSync(join(out, 'patient/postcodes/LS.json'))).toBe(true);
		const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
		expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual([...manifest.tables.filter((t) => t.parquet).map((t) => t.name), ...manifest.council!.measures.map((m) => `council-${m}`)]);
		expect(pkg.resources[0]).toMatchObject({ name: 'rtt_summary_2026', path: 'parquet/rtt_summary_2026.parquet' });
		expect(pkg.resources[0].schema.fields[0]).toMatchObject({ name: 'period', type: 'string' });
	});

	it("writes each month's detail file with the rows it accepted, each after the last in the file's order", async () => {
		const files = await detailFiles(out, manifest);
		expect(files.map((f) => f.period)).toEqual(manifest.periods);
		for (const f of files) expect(f).toEqual({ period: f.period, rows: f.accepted, accepted: f.accepted, unsorted: 0 });
		expect(files[0].rows).toBeGreaterThan(100);
	});

	it("writes each month's league file, with the same counts as that month of the trend files", () => {
		expect(manifest.files.rttMonth).toBe('league/rtt-{period}.json');
		const read = (path: string) => JSON.parse(readFileSync(join(out, path), 'utf8'));
		for (const period of manifest.periods) {
			const file: RttLeagueMonthFile = read(rttMonthPath(period));
			expect(file.period).toBe(period);
			expect(file.treatments.map((t) => t.treatment)).toContain('C_999');
			for (const t of file.treatments) {
				const waits = read(`patient/waits-${t.treatment}.json`);
				const trend = Array.from({ length: waits.trendParts }, (_, i) => read(trendPartPath(t.treatment, i))).flatMap((p) => p.rows);
				const i = manifest.periods.indexOf(period);
				// Every provider with figures that month in the trend, and no other, with the same counts.
				const inTrend = trend.filter((r) => r.pathways[i] !== null).map((r) => [r.provider, r.tooFew[i], r.pathways[i], r.pctWithin18[i], r.within18[i], r.over52[i]]);
				const inFile = t.providers.map((code, j) => [code, t.tooFew[j], t.pathways[j], t.pctWithin18[j], t.within18[j], t.over52[j]]);
				expect(inFile.sort()).toEqual(inTrend.sort());
				expect(inFile.length).toBeGreaterThan(0);
			}
		}
	});

	it('writes the council files the manifest lists, and finds a council by postcode sector', () => {
		// The demonstration data has a file for every measure in the table, workbooks included.
		expect(manifest.council!.measures).toEqual(COUNCIL_MEASURES.map((m) => m.id));
		for (const file of manifest.council!.files) expect(existsSync(join(out, file)), file).toBe(true);
		const councils = JSON.parse(readFileSync(join(out, 'council/councils.json'), 'utf8')).councils as { code: string; name: string }[];
		const leeds = JSON.parse(readFileSync(join(out, 'council/postcodes/LS.json'), 'utf8')).sectors['LS1 4'] as string[];
		expect(councils.find((c) => c.code === leeds[0])?.name).toBe('Airedale');
		const cambridge = JSON.parse(readFileSync(join(out, 'council/postcodes/CB.json'), 'utf8')).sectors['CB1 1'] as string[];
		expect(cambridge.map((code) => councils.find((c) => c.code === code)?.name)).toEqual(['Granta Vale', 'Eastmarsh County']);
		expect(readFileSync(join(out, 'council/cin-rereferrals.csv'), 'utf8').split('\r\n')[0]).toBe('measure,code,name,year,numerator,denominator,value,suppressed,published');
	});

	it('records the national incomplete-pathway total per month, counted once', () => {
		expect(manifest.rtt.map((m) => m.period)).toEqual(manifest.periods);
		for (const m of manifest.rtt) {
			expect(m.incompletePathways).toBeGreaterThan(m.incompletePathwaysEngland);
			expect(m.englandMedianWeeks).toBeGreaterThan(0);
		}
	});

	it('says which providers could not be located (the demo has one on purpose)', () => {
		expect(manifest.unlocatedProviders).toEqual(['ZN003']);
	});
});

describe('strict validation and atomic output', () => {
	it('fails on a bad row, names file, line and column, and leaves the last good output untouched', async () => {
		const bad = mkdtempSync(join(tmpdir(), 'pipeline-bad-'));
		cpSync(input, bad, { recursive: true });
		const csv = join(bad, 'rtt/20260228-RTT-February-2026-full-extract.csv');
		const lines = readFileSync(csv, 'utf8').split('\r\n');
		const fields = lines[5].split(',');
		fields[20] = 'n/a';
		lines[5] = fields.join(',');
		writeFileSync(csv, lines.join('\r\n'));
		const before = readFileSync(join(out, 'manifest.json'), 'utf8');
		const attempt = buildSiteData({ input: bad, out, allowRejects: false, demonstration: true });
		await expect(attempt).rejects.toBeInstanceOf(BuildFailed);
		await attempt.catch((error: BuildFailed) => {
			expect(error.message).toContain('rtt/20260228-RTT-February-2026-full-extract.csv, line 6, column "Gt 07 To 08 Weeks SUM 1": \"n/a\" is not a whole number');
		});
		expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
		expect(readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-'))).toEqual([]);

		const kept = await buildSiteData({ input: bad, out: join(bad, 'out'), allowRejects: true, demonstration: true });
		const source = kept.sources.find((s) => s.file.endsWith('February-2026-full-extract.csv'))!;
		expect(source).toMatchObject({ rowsRejected: 1 });
		expect(source.rowsAccepted).toBe(source.rowsRead - 1);
		// February goes the ordered way (it has a rejected row), the other months the clean way: each file is sorted all the same.
		for (const f of await detailFiles(join(bad, 'out'), kept)) expect(f).toEqual({ period: f.period, rows: f.accepted, accepted: f.accepted, unsorted: 0 });
	});

	it('refuses two files for the same month', async () => {
		const twice = mkdtempSync(join(tmpdir(), 'pipeline-twice-'));
		cpSync(input, twice, { recursive: true });
		cpSync(join(twice, 'rtt/20260228-RTT-February-2026-full-extract.csv'), join(twice, 'rtt/copy-of-february.csv'));
		await expect(buildSiteData({ input: twice, out: join(twice, 'out'), allowRejects: false, demonstration: true })).rejects.toThrow(/month 2026-02 is already read/);
	});
});
