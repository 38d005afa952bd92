/**
 * `npm run data:fetch`: downloads every file in the sources list into the
 * output folder. One failed file does not stop the others; the exit code says
 * whether all succeeded.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sha256OfFile } from '../lib/source-files.ts';
import { downloadFile, type DownloadOptions } from './download.ts';
import { createProgress, formatBytes, type ProgressSink } from './progress.ts';
import { readRecord, writeRecord, RECORD_NAME } from './record.ts';
import { loadSources, planDownloads } from './sources.ts';

export const USAGE = `Usage: npm run data:fetch -- [options]

Downloads the official source files listed in the sources list.

  --sources <file>   sources list (default data/sources.json)
  --out <dir>        output folder (default data/raw); files go to <out>/<saveAs>
  --only <id>        fetch one source only
  --base-url <url>   fetch <url>/<saveAs> instead of each official URL (a mirror,
                     or a local server in tests); fetched.json still records the
                     official URL
  --force            download again even when the file is already there
  --retries <n>      extra attempts on network errors and HTTP 5xx (default 4)
  -h, --help         this text

Interrupted downloads are kept as <file>.part and resumed on the next run.
Each file is checked against its sha256 when the list gives one; a file that
does not match is removed. ${RECORD_NAME} in the output folder records url,
size, sha256 and date of every file fetched.`;

export interface FetchIo {
	stderr: ProgressSink;
	stdout: ProgressSink;
	/** Test hooks: passed to every download. */
	download?: Pick<DownloadOptions, 'fetch' | 'sleep' | 'backoffMs' | 'idleTimeoutMs'>;
	now?: () => Date;
}

/** Runs the command; returns the process exit code. */
export async function runFetch(argv: string[], io: FetchIo): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				sources: { type: 'string', default: 'data/sources.json' },
				out: { type: 'string', default: 'data/raw' },
				only: { type: 'string' },
				'base-url': { type: 'string' },
				force: { type: 'boolean', default: false },
				retries: { type: 'string', default: '4' },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
		return 2;
	}
	if (values.help) {
		io.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const retries = Number(values.retries);
	if (!Number.isInteger(retries) || retries < 0 || retries > 20) {
		io.stderr.write(`--retries must be a whole number from 0 to 20, got "${values.retries}".\n`);
		return 2;
	}

	let plan;
	try {
		const sources = await loadSources(resolve(values.sources));
		plan = planDownloads(sources, { only: values.only, baseUrl: values['base-url'] });
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n`);
		return 2;
	}

	const outDir = resolve(values.out);
	const record = await readRecord(outDir);
	const failures: string[] = [];
	const now = io.now ?? (() => new Date());
	for (const item of plan) {
		const dest = join(outDir, item.saveAs);
		const progress = createProgress(item.saveAs, io.stderr);
		try {
			if (!values.force && existsSync(dest) && (await alreadyFetched(dest, item.sha256, record.files[item.saveAs]?.sha256))) {
				progress.done((await stat(dest)).size, 'already fetched (use --force to fetch again)');
				continue;
			}
			const result = await downloadFile(item.url, dest, {
				...io.download,
				expectedSha256: item.sha256,
				retries,
				progress
			});
			record.files[item.saveAs] = {
				url: item.officialUrl,
				...(item.url !== item.officialUrl ? { servedFrom: item.url } : {}),
				sourceId: item.sourceId,
				size: result.size,
				sha256: result.sha256,
				fetchedAt: now().toISOString()
			};
			await writeRecord(outDir, record);
			const notes = [
				item.sha256 ? 'sha256 verified' : `sha256 ${result.sha256}`,
				result.resumed ? 'resumed' : '',
				result.attempts > 1 ? `${result.attempts} attempts` : ''
			].filter(Boolean);
			progress.done(result.size, `(${notes.join(', ')})`);
		} catch (error) {
			progress.fail((error as Error).message);
			failures.push(item.saveAs);
		}
	}
	const total = Object.values(record.files).reduce((sum, f) => sum + f.size, 0);
	io.stderr.write(
		failures.length
			? `${failures.length} of ${plan.length} files failed: ${failures.join(', ')}\n`
			: `${plan.length} files in ${outDir} (${formatBytes(total)} recorded in ${RECORD_NAME})\n`
	);
	return failures.length ? 1 : 0;
}

/** A file is kept when it matches the listed sha256, or, with none listed, the one recorded when it was fetched. */
async function alreadyFetched(dest: string, expected: string | null, recorded: string | undefined): Promise<boolean> {
	const wanted = expected ?? recorded;
	if (!wanted) return false;
	return (await sha256OfFile(dest)) === wanted;
}
