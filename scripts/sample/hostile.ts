/**
 * `tsx scripts/sample/hostile.ts --out .cache/hostile-raw`
 *
 * The demonstration data with some provider and hospital names swapped for
 * hostile strings (markup that runs script if a page ever treats a name as
 * HTML, and spreadsheet formulas), for the end-to-end test that every page
 * shows them as plain text (tests/e2e/hostile.e2e.ts). Everything else is the
 * ordinary demonstration data, written by the same generator in the same
 * published formats, so the names travel through every reader like real ones.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateAll } from './generate.ts';
import { PROVIDERS } from './providers.ts';
import { DEMO_COUNCILS } from './councils.ts';
import type { DemoCouncil } from './demo-councils-types.ts';

/**
 * Provider code → hostile name. The RTT, etr and A&E files carry names in
 * capitals, so the site shows them re-cased (tidyName), but the markup and
 * formula survive: HTML ignores the case of tags and attributes, and the
 * script words are kept in lower case.
 */
export const HOSTILE_PROVIDER_NAMES: Readonly<Record<string, string>> = {
	ZA1: '<img src=x onerror="window.__pwned=1"> (demo)',
	ZA2: '"><script>window.__pwned=1</script> (demo)',
	ZA3: '=HYPERLINK("http://example.invalid/","click me") (demo)',
	// Independent: named by the RTT file alone (it is not in the trust list).
	ZN001: '@SUM(1+1) <svg onload="window.__pwned=1"> (demo)'
};

/** Provider code → hostile name for its first hospital, as the hospital list holds it (mixed case, Latin-1). */
export const HOSTILE_SITE_NAMES: Readonly<Record<string, string>> = {
	ZA1: '<iframe src="javascript:window.__pwned=1"></iframe> (demo)',
	ZA2: "+cmd|' /C calc'!A0 (demo)"
};

/**
 * Council name → hostile name: through every council format (DfE CSVs, ONS and DfE peer
 * lists, ODS and XLSX workbooks) to /council, /league and the measure files.
 */
export const HOSTILE_COUNCIL_NAMES: Readonly<Record<string, string>> = {
	Airedale: '<img src=x onerror="window.__pwned=1"> Airedale (demo)',
	'Granta Vale': '=HYPERLINK("http://example.invalid/","click me"), Granta Vale (demo)'
};

/** Runs `make` with the hostile names in place, and puts the demonstration names back afterwards. */
function withHostileNames<T>(make: () => T): T {
	const saved = PROVIDERS.map((p) => ({ provider: p, name: p.name, sites: p.sites.map((s) => s.name) }));
	const councils = DEMO_COUNCILS as DemoCouncil[];
	const councilNames = councils.map((c) => c.name);
	try {
		for (const council of councils) council.name = HOSTILE_COUNCIL_NAMES[council.name] ?? council.name;
		for (const name of Object.keys(HOSTILE_COUNCIL_NAMES)) {
			if (!councilNames.includes(name)) throw new Error(`hostile names: no demonstration council ${name}`);
		}
		for (const provider of PROVIDERS) {
			provider.name = HOSTILE_PROVIDER_NAMES[provider.code] ?? provider.name;
			const siteName = HOSTILE_SITE_NAMES[provider.code];
			if (siteName && provider.sites[0]) provider.sites[0].name = siteName;
		}
		for (const code of [...Object.keys(HOSTILE_PROVIDER_NAMES), ...Object.keys(HOSTILE_SITE_NAMES)]) {
			if (!PROVIDERS.some((p) => p.code === code)) throw new Error(`hostile names: no demonstration provider ${code}`);
		}
		return make();
	} finally {
		councils.forEach((council, i) => (council.name = councilNames[i]));
		for (const { provider, name, sites } of saved) {
			provider.name = name;
			sites.forEach((siteName, i) => (provider.sites[i].name = siteName));
		}
	}
}

/** Every output file (path relative to the output folder → bytes), as generateAll, with the hostile names. */
export function generateHostile(seed = DEFAULT_SEED): Map<string, Uint8Array> {
	return withHostileNames(() => generateAll(seed));
}

function main(): void {
	const args = process.argv.slice(2);
	const at = args.indexOf('--out');
	const out = at >= 0 ? args[at + 1] : undefined;
	if (!out || args.length !== 2) {
		console.error('usage: tsx scripts/sample/hostile.ts --out <folder>');
		process.exit(2);
	}
	const folder = resolve(out);
	// Clear a previous output of this generator (and only that) so no stale file survives.
	const readme = join(folder, 'README.txt');
	if (existsSync(readme) && readFileSync(readme, 'utf8').startsWith('OpenWaits DEMONSTRATION DATA')) rmSync(folder, { recursive: true, force: true });
	const files = generateHostile();
	for (const [path, bytes] of files) {
		const target = join(folder, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, bytes);
	}
	console.log(`${files.size} files of demonstration data with hostile names in ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main();
}
