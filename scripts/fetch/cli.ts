/**
 * `npm run data:fetch`: finds each source's files (on the publisher's landing
 * pages, or at the fixed addresses listed) and downloads what is missing into
 * the output folder. One failed file or page does not stop the others; the
 * exit code says whether all succeeded, and a summary says what was new.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSiteConfig } from '../lib/site-config-file.ts';
import { sha256OfFile } from '../lib/source-files.ts';
import { discoverFiles } from './discover.ts';
import { downloadFile, type DownloadOptions } from './download.ts';
import { addMonths, PERIOD, periodOf } from './months.ts';
import { getPage, politeFetch } from './polite.ts';
import { createProgress, formatBytes, type ProgressSink } from './progress.ts';
import { readRecord, writeRecord, RECORD_NAME, type FetchedRecord } from './record.ts';
import { hostMirrorUrl, loadSources, mirrorUrl, type Source } from './sources.ts';
import { emptySourceSummary, summaryText, writeSummary, SUMMARY_NAME, type FetchSummary, type SourceSummary } from './summary.ts';

export const USAGE = `Usage: npm run data:fetch -- [options]

Finds the official files (on the publishers' landing pages, or at the fixed
addresses in the sources list) and downloads what is missing.

  --since <YYYY-MM>  first month wanted of monthly sources (default: 24 months ago)
  --sources <file>   sources list (default data/sources.json)
  --out <dir>        output folder (default data/raw)
  --only <ids>       fetch these sources only (comma-separated ids; default: the
                     "datasets" of openwaits.config.json, else all)
  --mirror <url>     fetch https://host/path from <url>/host/path instead, pages
                     and files alike (a copy of the publishers' sites, or a
                     local server in tests); the record keeps the official URL
  --base-url <url>   fetch <url>/<saveAs> for fixed-address files (a mirror of
                     the output folder)
  --force            download again even when the file is already there
  --retries <n>      extra attempts on network errors and HTTP 5xx (default 4)
  --pause <seconds>  wait between requests, to be gentle on the servers (default 1)
  -h, --help         this text

Requests go one at a time with a User-Agent naming OpenWaits (set
OPENWAITS_CONTACT to add your address). For each month the newest upload
wins: a revised file replaces the earlier one. Interrupted downloads are kept
as <file>.part and resumed. ${RECORD_NAME} records the URL, size, sha256 and
date of every file; ${SUMMARY_NAME} what the last run found.`;

export interface FetchIo {
	stderr: ProgressSink;
	stdout: ProgressSink;
	/** Test hooks: passed to every download and page request. */
	download?: Pick<DownloadOptions, 'fetch' | 'sleep' | 'backoffMs' | 'idleTimeoutMs'>;
	now?: () => Date;
}

/** One file to fetch now. */
interface Item {
	saveAs: string;
	officialUrl: string;
	url: string;
	sha256: string | null;
	period: string | null;
	page: string | null;
}

interface Options {
	since: string;
	until: string;
	force: boolean;
	retries: number;
	mirror?: string;
	baseUrl?: string;
	outDir: string;
	fetch: typeof fetch;
	now: () => Date;
	io: FetchIo;
}

function parse(argv: string[]) {
	return parseArgs({
		args: argv,
		options: {
			since: { type: 'string' },
			sources: { type: 'string', default: 'data/sources.json' },
			out: { type: 'string', default: 'data/raw' },
			only: { type: 'string' },
			mirror: { type: 'string' },
			'base-url': { type: 'string' },
			force: { type: 'boolean', default: false },
			retries: { type: 'string', default: '4' },
			pause: { type: 'string', default: '1' },
			help: { type: 'boolean', short: 'h', default: false }
		},
		strict: true,
		allowPositionals: false
	}).values;
}

/** Runs the command; returns the process exit code. */
export async function runFetch(argv: string[], io: FetchIo): Promise<number> {
	let values;
	try {
		values = parse(argv);
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
		return 2;
	}
	if (values.help) {
		io.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const now = io.now ?? (() => new Date());
	const until = periodOf(now());
	const since = values.since ?? addMonths(until, -24);
	const retries = Number(values.retries);
	const pause = Number(values.pause);
	const problems = [
		PERIOD.test(since) && since <= until ? '' : `--since must be a month YYYY-MM no later than ${until}, got "${since}".`,
		Number.isInteger(retries) && retries >= 0 && retries <= 20 ? '' : `--retries must be a whole number from 0 to 20, got "${values.retries}".`,
		Number.isFinite(pause) && pause >= 0 && pause <= 60 ? '' : `--pause must be a number of seconds from 0 to 60, got "${values.pause}".`
	].filter(Boolean);
	if (problems.length) {
		io.stderr.write(`${problems.join('\n')}\n`);
		return 2;
	}

	let sources: Source[];
	try {
		// Without --only, the sources the site configuration lists (openwaits.config.json "datasets"), else all.
		sources = chooseSources(await loadSources(resolve(values.sources)), values.only ?? loadSiteConfig().datasets?.join(','));
		for (const url of [values.mirror, values['base-url']]) if (url && !/^https?:\/\//.test(url)) throw new Error(`--mirror and --base-url must be http(s) URLs, got "${url}".`);
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n`);
		return 2;
	}

	const options: Options = {
		since, until, now, io, retries,
		force: values.force,
		mirror: values.mirror,
		baseUrl: values['base-url'],
		outDir: resolve(values.out),
		fetch: politeFetch({ fetch: io.download?.fetch, sleep: io.download?.sleep, pauseMs: pause * 1000 })
	};
	const record = await readRecord(options.outDir);
	const summary: FetchSummary = { ranAt: now().toISOString(), since, sources: [] };
	for (const source of sources) summary.sources.push(await fetchSource(source, record, options));

	await mkdir(options.outDir, { recursive: true });
	await writeSummary(options.outDir, summary);
	const total = Object.values(record.files).reduce((sum, f) => sum + f.size, 0);
	io.stderr.write(`${summaryText(summary)}\n${Object.keys(record.files).length} files in ${options.outDir} (${formatBytes(total)} recorded in ${RECORD_NAME}).\n`);
	return summary.sources.some((s) => s.error || s.failed.length) ? 1 : 0;
}

function chooseSources(sources: Source[], only: string | undefined): Source[] {
	if (!only) return sources;
	const ids = only.split(',').map((id) => id.trim()).filter(Boolean);
	const unknown = ids.filter((id) => !sources.some((s) => s.id === id));
	if (unknown.length) throw new Error(`no source with id "${unknown.join('", "')}"; the ids are: ${sources.map((s) => s.id).join(', ')}.`);
	return sources.filter((s) => ids.includes(s.id));
}

/** Where a request for an official URL goes: the mirror when there is one. */
function served(url: string, saveAs: string | null, options: Options): string {
	if (options.mirror) return hostMirrorUrl(options.mirror, url);
	if (options.baseUrl && saveAs) return mirrorUrl(options.baseUrl, saveAs);
	return url;
}

async function plan(source: Source, options: Options, summary: SourceSummary): Promise<Item[]> {
	const items: Item[] = source.files.map((f) => ({ saveAs: f.saveAs, officialUrl: f.url, url: served(f.url, f.saveAs, options), sha256: f.sha256 ?? null, period: null, page: null }));
	if (!source.discover) return items;
	if (options.baseUrl && !options.mirror) throw new Error('--base-url serves files by their saveAs name and cannot serve landing pages; use --mirror for sources found on pages.');
	const pageOptions = { fetch: options.fetch, sleep: options.io.download?.sleep, retries: options.retries, backoffMs: options.io.download?.backoffMs };
	const found = await discoverFiles(source.discover, {
		sourceId: source.id,
		landingPage: source.landingPage,
		since: options.since,
		until: options.until,
		getPage: (url) => getPage(served(url, null, options), pageOptions, url)
	});
	summary.notes.push(...found.notes);
	return [...items, ...found.files.map((f) => ({ saveAs: f.saveAs, officialUrl: f.url, url: served(f.url, f.saveAs, options), sha256: null, period: f.period, page: f.page }))];
}

async function fetchSource(source: Source, record: FetchedRecord, options: Options): Promise<SourceSummary> {
	const summary = emptySourceSummary(source.id, source.title);
	let items: Item[];
	try {
		items = await plan(source, options, summary);
	} catch (error) {
		summary.error = (error as Error).message;
		options.io.stderr.write(`${source.id}: FAILED: ${summary.error}\n`);
		items = [];
	}
	for (const item of items) {
		const label = item.period ?? item.saveAs;
		const dest = join(options.outDir, item.saveAs);
		const earlier = record.files[item.saveAs];
		const progress = createProgress(item.saveAs, options.io.stderr);
		try {
			if (!options.force && existsSync(dest) && (await alreadyHere(dest, item, earlier))) {
				summary.unchanged++;
				progress.done((await stat(dest)).size, 'already fetched (use --force to fetch again)');
				continue;
			}
			const revision = item.period !== null && earlier !== undefined && earlier.url !== item.officialUrl && existsSync(dest);
			const result = await downloadFile(item.url, dest, { ...options.io.download, fetch: options.fetch, expectedSha256: item.sha256, retries: options.retries, progress });
			record.files[item.saveAs] = {
				url: item.officialUrl,
				...(item.url !== item.officialUrl ? { servedFrom: item.url } : {}),
				sourceId: source.id,
				size: result.size,
				sha256: result.sha256,
				fetchedAt: options.now().toISOString(),
				...(item.period ? { period: item.period } : {}),
				...(item.page ? { page: item.page } : {}),
				...(revision ? { replaces: { url: earlier.url, sha256: earlier.sha256 } } : {})
			};
			await writeRecord(options.outDir, record);
			(revision ? summary.revised : summary.added).push(label);
			const notes = [
				revision ? 'revised: replaces the earlier upload' : '',
				item.sha256 ? 'sha256 verified' : `sha256 ${result.sha256}`,
				result.resumed ? 'resumed' : '',
				result.attempts > 1 ? `${result.attempts} attempts` : ''
			].filter(Boolean);
			progress.done(result.size, `(${notes.join(', ')})`);
		} catch (error) {
			progress.fail((error as Error).message);
			summary.failed.push(label);
		}
	}
	const mine = Object.entries(record.files).filter(([name, f]) => f.sourceId === source.id && existsSync(join(options.outDir, name)));
	summary.months = [...new Set(mine.flatMap(([, f]) => (f.period ? [f.period] : [])))].sort();
	summary.lastFetched = mine.map(([, f]) => f.fetchedAt).sort().at(-1) ?? null;
	return summary;
}

/**
 * A file found on a page is kept while the page still links the same upload
 * and the bytes are those recorded; a fixed-address file when it matches the
 * listed sha256 or, with none listed, the one recorded when it was fetched.
 */
async function alreadyHere(dest: string, item: Item, recorded: FetchedRecord['files'][string] | undefined): Promise<boolean> {
	if (item.period !== null && recorded?.url !== item.officialUrl) return false;
	const wanted = item.sha256 ?? recorded?.sha256;
	if (!wanted) return false;
	return (await sha256OfFile(dest)) === wanted;
}
