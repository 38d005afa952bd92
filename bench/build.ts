/**
 * Everything the benchmark needs, under .cache/bench/:
 *   rtt-month/<the January 2026 RTT file>   the pipeline's input (one month only)
 *   rtt-month.csv                           the same month extracted once, for plain DuckDB
 *   site/static/data, site/build            the site on all the real data (the data is rebuilt only
 *                                           when the input files or the build scripts change)
 *   site/build/naive/                       the naive baseline page, served beside the site
 *   site/build/floor/                       DuckDB-WASM's floor (SELECT 1 on the site's own files), beside it too
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { build as esbuild } from 'esbuild';
import { sharedDataDir } from '../scripts/lib/shared-data.ts';

export const CACHE = resolve('.cache/bench');

export interface Prepared {
	dataset: 'real' | 'demo';
	/** Why the data is what it is, for the report. */
	dataNote: string;
	monthDir: string;
	monthFile: string;
	monthCsv: string;
	monthCsvBytes: number;
	siteBuild: string;
	siteBuildSeconds: number | null;
	dataBuildSeconds: number | null;
}

const log = (line: string) => console.log(`[bench] ${line}`);

function npx(args: string[], env: NodeJS.ProcessEnv = {}): void {
	const result = spawnSync('npx', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed (exit ${result.status})`);
}

export function walk(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(path));
		else if (entry.isFile()) out.push(path);
	}
	return out.sort();
}

/** A bench-only page at site/build/<name>/ (never in the shipped site): bench/<name>/index.html, <name>.ts bundled, config.json. */
async function benchPage(siteBuild: string, name: string, config: Record<string, unknown>): Promise<string> {
	const dir = join(siteBuild, name);
	mkdirSync(dir, { recursive: true });
	copyFileSync(`bench/${name}/index.html`, join(dir, 'index.html'));
	await esbuild({ entryPoints: [`bench/${name}/${name}.ts`], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, outfile: join(dir, `${name}.js`), logLevel: 'warning' });
	writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
	return dir;
}

/** Input files by name, size and time; build code by content. */
function fingerprint(input: string): string {
	const hash = createHash('sha256');
	for (const file of walk(input)) {
		const info = statSync(file);
		hash.update(`${relative(input, file)}\0${info.size}\0${info.mtimeMs}\n`);
	}
	for (const dir of ['scripts', 'src/lib/schema']) for (const file of walk(dir)) if (!file.endsWith('.spec.ts')) hash.update(readFileSync(file));
	return hash.digest('hex');
}

/** The January 2026 RTT month (or, on demonstration data, the first RTT month there is). */
function findMonth(input: string): string {
	const rtt = walk(input).filter((f) => /RTT.*full-extract\.(csv|csv\.gz|zip)$/i.test(basename(f)));
	const january = rtt.find((f) => /January-2026/i.test(basename(f)));
	if (january) return january;
	if (!rtt.length) throw new Error(`No RTT full extract found in ${input}`);
	return rtt[0];
}

function extractCsv(file: string, target: string): void {
	const bytes = readFileSync(file);
	if (/\.zip$/i.test(file)) {
		const entries = Object.entries(unzipSync(bytes, { filter: (f) => /\.csv$/i.test(f.name) }));
		if (entries.length !== 1) throw new Error(`${file}: expected one CSV inside, found ${entries.length}`);
		writeFileSync(target, entries[0][1]);
	} else if (/\.gz$/i.test(file)) writeFileSync(target, gunzipSync(bytes));
	else copyFileSync(file, target);
}

function linkOrCopy(from: string, to: string): void {
	rmSync(to, { force: true });
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}

export async function prepare(options: { rebuildSite: boolean }): Promise<Prepared> {
	mkdirSync(CACHE, { recursive: true });
	let input = sharedDataDir();
	let dataset: Prepared['dataset'] = 'real';
	let dataNote = `real published data from ${input}`;
	if (!input) {
		dataset = 'demo';
		input = join(CACHE, 'demo-raw');
		dataNote = `NO REAL DATA: ${resolve(process.env.OPENWAITS_SHARED_DATA ?? '../shared/data')} is absent, so the figures are on demonstration data (made-up, far smaller files) and say little about real performance`;
		log(dataNote);
		if (!existsSync(input)) execFileSync('npx', ['tsx', 'scripts/sample/generate.ts', '--out', input], { stdio: 'inherit' });
	}

	// One month, alone in a folder, and extracted once.
	const source = findMonth(input);
	const monthDir = join(CACHE, 'rtt-month');
	const monthFile = join(monthDir, basename(source));
	const monthCsv = join(CACHE, 'rtt-month.csv');
	const stamp = `${basename(source)}\0${statSync(source).size}\0${statSync(source).mtimeMs}`;
	if (!existsSync(monthCsv) || !existsSync(monthFile) || readFileSync(join(CACHE, 'rtt-month.stamp'), 'utf8') !== stamp) {
		log(`extracting ${basename(source)}`);
		rmSync(monthDir, { recursive: true, force: true });
		mkdirSync(monthDir, { recursive: true });
		copyFileSync(source, monthFile);
		extractCsv(source, monthCsv);
		writeFileSync(join(CACHE, 'rtt-month.stamp'), stamp);
	}

	// The site's data, rebuilt only when needed.
	const root = join(CACHE, 'site');
	const dataDir = join(root, 'static/data');
	const print = fingerprint(input) + dataset;
	const dataStamp = join(root, 'data.stamp');
	let dataBuildSeconds: number | null = null;
	if (!existsSync(dataStamp) || readFileSync(dataStamp, 'utf8') !== print || !existsSync(join(dataDir, 'manifest.json'))) {
		log(`building the site's data from ${input} (cached afterwards)…`);
		const started = Date.now();
		mkdirSync(join(root, 'static'), { recursive: true });
		rmSync(dataStamp, { force: true });
		npx(['tsx', 'scripts/build-data.ts', '--input', input, '--out', dataDir, '--quiet', ...(dataset === 'demo' ? ['--demonstration'] : [])]);
		writeFileSync(dataStamp, print);
		dataBuildSeconds = (Date.now() - started) / 1000;
	}
	cpSync('static/favicon.svg', join(root, 'static/favicon.svg'));

	// The site itself: rebuilt every run (the code changes more often than the data).
	const siteBuild = join(root, 'build');
	let siteBuildSeconds: number | null = null;
	if (options.rebuildSite || !existsSync(join(siteBuild, 'index.html'))) {
		log('building the site (vite build)…');
		const started = Date.now();
		rmSync(siteBuild, { recursive: true, force: true });
		npx(['vite', 'build', '--logLevel', 'warn'], { OPENWAITS_ASSETS: join(root, 'static'), OPENWAITS_BUILD_DIR: siteBuild, BASE_PATH: '' });
		siteBuildSeconds = (Date.now() - started) / 1000;
	}

	// The naive page and the floor page, beside the site, using the site's own DuckDB-WASM files.
	const assets = readdirSync(join(siteBuild, '_app/immutable/assets'));
	const asset = (pattern: RegExp, what: string) => {
		const found = assets.find((f) => pattern.test(f));
		if (!found) throw new Error(`The site build has no ${what} in _app/immutable/assets`);
		return `/_app/immutable/assets/${found}`;
	};
	const ehWasm = asset(/^duckdb-eh.*\.wasm$/, 'duckdb-eh wasm');
	const ehWorker = asset(/^duckdb-browser-eh\.worker.*\.js$/, 'duckdb-eh worker');
	const naive = await benchPage(siteBuild, 'naive', {
		wasm: ehWasm,
		worker: ehWorker,
		csv: '/naive/rtt.csv',
		providers: '/data/patient/providers.json',
		origin: [52.4508, -1.9305],
		miles: 25,
		treatment: 'C_110'
	});
	linkOrCopy(monthCsv, join(naive, 'rtt.csv'));
	await benchPage(siteBuild, 'floor', {
		ehWasm,
		ehWorker,
		mvpWasm: asset(/^duckdb-mvp.*\.wasm$/, 'duckdb-mvp wasm'),
		mvpWorker: asset(/^duckdb-browser-mvp\.worker.*\.js$/, 'duckdb-mvp worker')
	});
	return { dataset, dataNote, monthDir, monthFile, monthCsv, monthCsvBytes: statSync(monthCsv).size, siteBuild, siteBuildSeconds, dataBuildSeconds };
}
