/**
 * `npm run refresh`: fetch what is new, build the site data from the download
 * folder (strictly) into a folder of its own, check it, and only then put it
 * where the site reads it. On any failure the published data stays as it was.
 * Ends by printing what changed: months added, national totals, and the
 * providers that moved most beyond noise.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RefreshRecord } from '../../src/lib/schema/refresh.ts';
import { BuildFailed, buildSiteData, DEFAULT_MONTH_CACHE } from '../build/pipeline.ts';
import { runFetch, type FetchIo } from '../fetch/cli.ts';
import { periodOf } from '../fetch/months.ts';
import { SUMMARY_NAME, type FetchSummary } from '../fetch/summary.ts';
import { changesText, whatChanged } from './changes.ts';
import { checkSiteData } from './checks.ts';
import { readManifest, readSnapshot } from './snapshot.ts';

export const REFRESH_USAGE = `Usage: npm run refresh -- [options]

Fetches what is new (npm run data:fetch), builds the site data strictly, runs
the data checks, and replaces the published data only when all passed.

  --raw <dir>        download folder (default data/raw)
  --out <dir>        the site's data folder (default static/data)
  --no-fetch         build and check what is already in the download folder
  --demonstration    mark the data as demonstration data (tests)
  --since, --only, --mirror, --sources, --pause, --retries, --force
                     passed to data:fetch (see npm run data:fetch -- --help)`;

const FETCH_OPTIONS = ['since', 'only', 'mirror', 'sources', 'pause', 'retries'] as const;

export interface RefreshIo extends FetchIo {
	now?: () => Date;
}

export async function runRefresh(argv: string[], io: RefreshIo): Promise<number> {
	let values;
	try {
		values = parseArgs({
			args: argv,
			options: {
				raw: { type: 'string', default: 'data/raw' },
				out: { type: 'string', default: 'static/data' },
				'no-fetch': { type: 'boolean', default: false },
				demonstration: { type: 'boolean', default: false },
				force: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
				since: { type: 'string' },
				only: { type: 'string' },
				mirror: { type: 'string' },
				sources: { type: 'string' },
				pause: { type: 'string' },
				retries: { type: 'string' }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n\n${REFRESH_USAGE}\n`);
		return 2;
	}
	if (values.help) {
		io.stdout.write(`${REFRESH_USAGE}\n`);
		return 0;
	}
	const say = (line: string) => io.stdout.write(`${line}\n`);
	const now = io.now ?? (() => new Date());
	const raw = resolve(values.raw);
	const out = resolve(values.out);

	let fetchCode = 0;
	if (!values['no-fetch']) {
		const passed = FETCH_OPTIONS.flatMap((name) => (values[name] === undefined ? [] : [`--${name}`, String(values[name])]));
		fetchCode = await runFetch([...passed, ...(values.force ? ['--force'] : []), '--out', raw], io);
		if (fetchCode === 2) return 2;
		if (fetchCode !== 0) say('Some sources could not be fetched (above): building from the files already downloaded.');
	}
	const fetched = existsSync(join(raw, SUMMARY_NAME)) ? (JSON.parse(await readFile(join(raw, SUMMARY_NAME), 'utf8')) as FetchSummary) : null;

	const previous = await readManifest(out);
	const staging = `${out}.refresh-${process.pid}`;
	await rm(staging, { recursive: true, force: true });
	try {
		await buildSiteData({ input: raw, out: staging, allowRejects: false, demonstration: values.demonstration, cache: DEFAULT_MONTH_CACHE });
	} catch (error) {
		if (!(error instanceof BuildFailed)) throw error;
		io.stderr.write(`${error.message}\nThe site's data in ${out} is unchanged (the last good build).\n`);
		return 1;
	}

	const snapshot = await readSnapshot(staging);
	const checks = checkSiteData(snapshot.manifest, previous, periodOf(now()));
	if (checks.problems.length) {
		await rm(staging, { recursive: true, force: true });
		io.stderr.write(`The data checks failed:\n${checks.problems.map((p) => `  - ${p}`).join('\n')}\nThe site's data in ${out} is unchanged (the last good build).\n`);
		return 1;
	}

	const changes = whatChanged(previous, snapshot);
	const record: RefreshRecord = {
		ranAt: now().toISOString(),
		since: fetched?.since ?? null,
		fetchComplete: fetchCode === 0,
		sources: (fetched?.sources ?? []).map(({ id, title, lastFetched, months, added, revised, error }) => ({ id, title, lastFetched, months, added, revised, error })),
		...changes,
		warnings: checks.warnings
	};
	const manifestPath = join(staging, 'manifest.json');
	await writeFile(manifestPath, JSON.stringify({ ...snapshot.manifest, refresh: record }));
	await swapInto(staging, out);

	say(`\nBuilt and checked ${snapshot.manifest.sources.length} files into ${out}.`);
	for (const line of changesText(changes)) say(line);
	for (const warning of checks.warnings) say(`Note: ${warning}`);
	return fetchCode === 0 ? 0 : 1;
}

/** The checked folder takes the published one's place; the old one goes only once the new one is there. */
async function swapInto(staging: string, out: string): Promise<void> {
	const old = `${out}.previous-${process.pid}`;
	if (existsSync(out)) await rename(out, old);
	await rename(staging, out);
	await rm(old, { recursive: true, force: true });
}
