/**
 * What a fetch run found: per source, the months that were new, the months
 * whose file the publisher revised, what was already here, and what failed.
 * Printed at the end of a run and kept as fetch-summary.json beside the files,
 * where `npm run refresh` and the About the data page read it.
 */
import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export interface SourceSummary {
	id: string;
	title: string;
	/** Months (or file names for sources without months) downloaded for the first time. */
	added: string[];
	/** Months whose file was replaced by a newer upload. */
	revised: string[];
	unchanged: number;
	/** Months (or files) whose download failed. */
	failed: string[];
	/** Discovery failed (e.g. a page changed its layout): the message naming the page. */
	error: string | null;
	notes: string[];
	/** Months this source now holds in the output folder, oldest first. */
	months: string[];
	lastFetched: string | null;
}

export interface FetchSummary {
	ranAt: string;
	since: string | null;
	sources: SourceSummary[];
}

export const SUMMARY_NAME = 'fetch-summary.json';

export function emptySourceSummary(id: string, title: string): SourceSummary {
	return { id, title, added: [], revised: [], unchanged: 0, failed: [], error: null, notes: [], months: [], lastFetched: null };
}

/** One line per source, then a total: meant to be read in a CI log. */
export function summaryText(summary: FetchSummary): string {
	const lines = summary.sources.map((s) => {
		const parts = [
			s.added.length ? `new ${s.added.join(', ')}` : '',
			s.revised.length ? `revised ${s.revised.join(', ')}` : '',
			s.unchanged ? `${s.unchanged} already here` : '',
			s.failed.length ? `FAILED ${s.failed.join(', ')}` : '',
			s.error ? `FAILED: ${s.error}` : '',
			...s.notes
		].filter(Boolean);
		return `  ${s.id}: ${parts.join('; ') || 'nothing listed'}`;
	});
	const added = summary.sources.reduce((n, s) => n + s.added.length, 0);
	const revised = summary.sources.reduce((n, s) => n + s.revised.length, 0);
	const failed = summary.sources.filter((s) => s.error || s.failed.length).map((s) => s.id);
	const head = added + revised === 0 ? 'Nothing new.' : `${added} new and ${revised} revised file${added + revised === 1 ? '' : 's'}.`;
	return [`What was new${summary.since ? ` since ${summary.since}` : ''}: ${head}`, ...lines, ...(failed.length ? [`Failed: ${failed.join(', ')}.`] : [])].join('\n');
}

export async function writeSummary(outDir: string, summary: FetchSummary): Promise<void> {
	const path = join(outDir, SUMMARY_NAME);
	await writeFile(`${path}.tmp`, `${JSON.stringify(summary, null, 2)}\n`);
	await rename(`${path}.tmp`, path);
}
