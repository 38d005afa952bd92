/**
 * The good files the fuzzer starts from: small real published files when the shared
 * data folder is there (A&E months, etr.csv, hospital lists, survey and sector CSVs,
 * a 2,000-row slice of an RTT month), otherwise the demonstration files.
 * Big files are cut to their first lines so a case stays fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, unzipSync } from 'fflate';
import { generateAll } from '../sample/generate.ts';
import { sharedDataDir } from '../lib/shared-data.ts';

export interface Base {
	name: string;
	bytes: Uint8Array;
	rtt: boolean;
}

/** The first `n` lines (and the header), as bytes. */
function head(bytes: Uint8Array, n: number): Uint8Array {
	let at = -1;
	for (let k = 0; k <= n; k++) {
		at = bytes.indexOf(0x0a, at + 1);
		if (at < 0) return bytes;
	}
	return bytes.subarray(0, at + 1);
}

function fromShared(dir: string, rttRows: number): Base[] {
	const bases: Base[] = [];
	const add = (relative: string, lines: number | null, transform: (b: Uint8Array) => Uint8Array = (b) => b) => {
		const path = join(dir, relative);
		if (!existsSync(path)) return;
		let bytes = transform(new Uint8Array(readFileSync(path)));
		if (relative.endsWith('.gz')) bytes = gunzipSync(bytes);
		bases.push({ name: relative.split('/').pop()!.replace(/\.gz$/, ''), bytes: lines ? head(bytes, lines) : bytes, rtt: false });
	};
	for (const ae of ['ae/Monthly-AE-September-2024.csv', 'ae/Monthly-AE-June-2024 copy.csv', 'ae/Monthly-AE-January-2025.csv', 'ae/2021-04__April-2021-revised-120522-ABC456.csv.gz']) add(ae, null);
	add('organisations/etr.csv', null);
	for (const h of ['Hospital_2018_TheRealMolen.csv', 'Hospital_2020_Voronoi_tilde.csv', 'Hospital_2023_MedMap2.csv']) add(`organisations/hospital-sites/${h}`, 300);
	add('satisfaction/aip2022_Trust_Scores.csv', 40);
	add('geo/postcode_sectors_gb_derived_cpo2014.csv.gz', 2000);
	add('geo/postcode-outcodes.csv', 1000);
	const zip = join(dir, 'rtt/RTT-January-2026-full-extract.zip');
	if (existsSync(zip)) {
		const entries = unzipSync(new Uint8Array(readFileSync(zip)), { filter: (f) => f.name.toLowerCase().endsWith('.csv') && !f.name.includes('__MACOSX') });
		const [name, bytes] = Object.entries(entries)[0] ?? [];
		if (bytes) bases.push({ name: name.split('/').pop()!, bytes: head(bytes, rttRows), rtt: true });
	}
	return bases;
}

function fromDemo(rttRows: number): Base[] {
	const files = generateAll();
	const bases: Base[] = [];
	for (const [path, bytes] of files) {
		if (path.endsWith('README.txt')) continue;
		if (path.startsWith('rtt/')) {
			if (path.endsWith('.csv')) bases.push({ name: path.split('/').pop()!, bytes: head(bytes, rttRows), rtt: true });
			continue;
		}
		bases.push({ name: path.split('/').pop()!, bytes, rtt: false });
	}
	return bases;
}

/** Real files when present (OPENWAITS_SHARED_DATA or ../shared/data), else the demonstration files. */
export function loadBases(source: 'auto' | 'demo' = 'auto', rttRows = 2000): { bases: Base[]; from: string } {
	const dir = source === 'auto' ? sharedDataDir() : null;
	const shared = dir ? fromShared(dir, rttRows) : [];
	if (shared.some((b) => b.rtt) && shared.length > 3) return { bases: shared, from: dir! };
	return { bases: fromDemo(rttRows), from: 'demonstration files' };
}
