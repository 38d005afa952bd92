/**
 * `npm run data:sample [-- --out data/demo/raw] [--seed 20260501] [--months 60]`
 *
 * Writes fictional DEMONSTRATION data in the exact formats of the real published
 * files. Deterministic: the same seed always gives byte-identical files.
 * `--months N` writes N consecutive RTT months ending 2026-04 (and A&E months over the
 * same span) for history at scale; without it the output is the small default demo.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { buildGeography, districtsCsv, sectorsCsv } from './places.ts';
import { buildRttModel, rttCsvName, rttMonthCsv, rttPeriodLabel } from './rtt.ts';
import { DEMO_COUNCILS } from './councils.ts';
import { councilCsvFiles } from './council-csvs.ts';
import { councilWorkbookFiles } from './council-workbooks.ts';
import { codePointAreaFiles, dfeNeighboursCsv, onsClustersCsv, onsNeighboursCsv } from './council-peers.ts';
import { consecutiveMonths, rttMonthIndex, RTT_LAST_MONTH } from './rtt-history.ts';
import { AE_MONTHS, aeFileName, aeMonthFile, etrFile, hospitalSitesFile, placeSites, readmeText, surveyFile } from './others.ts';

export const DEFAULT_SEED = 20260501;
export const DEFAULT_OUT = 'data/demo/raw';
export const RTT_MONTHS = ['2026-02', '2026-03', '2026-04'];
const README_MARK = 'OpenWaits DEMONSTRATION DATA';

/** A fixed timestamp for archive entries (local fields, so the bytes do not depend on the time zone). */
const ARCHIVE_TIME = new Date(2026, 4, 12, 9, 30, 0);

/** An AppleDouble resource-fork stub like the `__MACOSX/._…` entries of zips made on a Mac. */
function appleDoubleStub(): Uint8Array {
	const bytes = new Uint8Array(232);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, 0x00051607); // AppleDouble magic
	view.setUint32(4, 0x00020000); // version 2
	bytes.set(strToU8('Mac OS X        '), 8);
	view.setUint16(24, 2); // two entries
	view.setUint32(26, 9); view.setUint32(30, 50); view.setUint32(34, 182); // Finder info
	view.setUint32(38, 2); view.setUint32(42, 232); view.setUint32(46, 0); // empty resource fork
	bytes.set(strToU8('ATTR'), 84);
	return bytes;
}

export interface GenerateOptions {
	/** Consecutive RTT months ending 2026-04; undefined keeps the default three. */
	months?: number;
}

/** The RTT months and A&E months to write: the default demo, or `months` of history. */
export function generatedMonths(options: GenerateOptions = {}): { rtt: string[]; ae: string[] } {
	if (options.months === undefined) return { rtt: RTT_MONTHS, ae: AE_MONTHS };
	// A&E never shrinks below its fourteen months: the league's year-earlier change needs them.
	return { rtt: consecutiveMonths(RTT_LAST_MONTH, options.months), ae: consecutiveMonths(RTT_LAST_MONTH, Math.max(options.months, AE_MONTHS.length)) };
}

/** Every output file: path relative to the output folder → bytes. */
export function generateAll(seed = DEFAULT_SEED, options: GenerateOptions = {}): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	const geo = buildGeography(seed);
	const model = buildRttModel(seed);
	const months = generatedMonths(options);

	// February is a plain CSV and March gzipped, as before; every other month is a zip, as NHS England publishes them.
	for (const period of months.rtt) {
		const name = rttCsvName(period);
		const csv = strToU8(rttMonthCsv(seed, period, rttMonthIndex(period), model));
		if (period === RTT_MONTHS[0]) files.set(`rtt/${name}`, csv);
		else if (period === RTT_MONTHS[1]) files.set(`rtt/${name}.gz`, gzipSync(csv, { level: 6, mtime: 0 }));
		else {
			files.set(
				`rtt/${rttPeriodLabel(period)}-full-extract.zip`,
				zipSync(
					{ [name]: [csv, { level: 6, mtime: ARCHIVE_TIME }], [`__MACOSX/._${name}`]: [appleDoubleStub(), { level: 0, mtime: ARCHIVE_TIME }] },
					{ mtime: ARCHIVE_TIME }
				)
			);
		}
	}

	const sites = placeSites(seed, geo);
	files.set('organisations/etr.csv', strToU8(etrFile(sites)));
	files.set('organisations/hospital-sites/Hospital_demo.csv', hospitalSitesFile(sites));
	files.set('satisfaction/demo_Trust_Scores.csv', strToU8(surveyFile(seed)));
	for (const period of months.ae) {
		const text = aeMonthFile(seed, period);
		// One month starts with a UTF-8 byte order mark, as several real files do.
		files.set(`ae/${aeFileName(period)}`, strToU8(period === '2025-12' ? `\ufeff${text}` : text));
	}
	files.set('geo/postcode_districts_demo.csv', strToU8(districtsCsv(geo)));
	files.set('geo/postcode_sectors_demo.csv', strToU8(sectorsCsv(geo)));
	for (const [path, text] of councilCsvFiles(seed, DEMO_COUNCILS)) files.set(path, strToU8(text));
	for (const [path, bytes] of councilWorkbookFiles(seed, DEMO_COUNCILS)) files.set(path, bytes);
	for (const list of ['global', 'economic', 'demographic']) files.set(`council/peers/${list}-neighbours.csv`, strToU8(onsNeighboursCsv(seed, list, DEMO_COUNCILS)));
	files.set('council/peers/cluster-allocation.csv', strToU8(onsClustersCsv(seed, DEMO_COUNCILS)));
	files.set('council/peers/sn_model_demo_wide.csv', strToU8(dfeNeighboursCsv(seed, DEMO_COUNCILS)));
	// Council codes per postcode, in Code-Point Open's own layout (one zip, as OS ships it).
	const codePoint = codePointAreaFiles(seed, geo, DEMO_COUNCILS);
	files.set('geo/codepo_gb_demo.zip', zipSync(Object.fromEntries([...codePoint].map(([area, text]) => [`codepo_gb/Data/CSV/${area}.csv`, [strToU8(text), { level: 6, mtime: ARCHIVE_TIME }]])), { mtime: ARCHIVE_TIME }));
	files.set('README.txt', strToU8(readmeText(seed, options.months === undefined ? undefined : months)));
	return files;
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function parseArgs(argv: string[]): { out: string; seed: number; months?: number } {
	let out = DEFAULT_OUT;
	let seed = DEFAULT_SEED;
	let months: number | undefined;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') out = argv[++i];
		else if (a.startsWith('--out=')) out = a.slice(6);
		else if (a === '--seed') seed = Number(argv[++i]);
		else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
		else if (a === '--months') months = Number(argv[++i]);
		else if (a.startsWith('--months=')) months = Number(a.slice(9));
		else if (a === '--help' || a === '-h') {
			console.log('usage: tsx scripts/sample/generate.ts [--out data/demo/raw] [--seed 20260501] [--months 60]');
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	if (!out) throw new Error('--out needs a folder');
	if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
	if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > 240)) throw new Error('--months must be a whole number from 1 to 240');
	return { out, seed, months };
}

function main(): void {
	const { out, seed, months } = parseArgs(process.argv.slice(2));
	const folder = resolve(out);
	const started = performance.now();
	const files = generateAll(seed, { months });
	// Clear a previous demonstration output (and only that) so no stale file survives.
	const readme = join(folder, 'README.txt');
	if (existsSync(readme) && readFileSync(readme, 'utf8').startsWith(README_MARK)) {
		rmSync(folder, { recursive: true, force: true });
	}
	let bytes = 0;
	for (const [path, content] of files) {
		const target = join(folder, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
		bytes += content.length;
		console.log(`${sha256(content).slice(0, 12)}  ${String(content.length).padStart(9)}  ${path}`);
	}
	console.log(`${files.size} files, ${(bytes / 1e6).toFixed(1)} MB of demonstration data in ${out} (seed ${seed}, ${Math.round(performance.now() - started)} ms)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main();
}
