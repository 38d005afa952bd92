/**
 * What a query cost to fetch, in words for the status line: /explore lists
 * every month's tables but fetches a table only when a query first names it.
 */

export interface Fetched {
	name: string;
	bytes: number;
}

/** Sizes as a person reads them: 0 B, 850 B, 12 kB, 1.2 MB. */
export function formatBytes(bytes: number): string {
	if (bytes < 1_000) return `${Math.round(bytes)} B`;
	if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} kB`;
	return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const totalBytes = (fetched: readonly Fetched[]) => fetched.reduce((sum, f) => sum + f.bytes, 0);

/** Named tables shown in full up to this many; beyond, the first few and a count. */
const LISTED = 3;

/** "fetched 1.2 MB (rtt_summary_2026_04)", or "fetched 0 B" when everything was loaded already. */
export function fetchedText(fetched: readonly Fetched[]): string {
	if (!fetched.length) return 'fetched 0 B (its tables were loaded already)';
	const names = fetched.map((f) => f.name);
	const listed = names.length <= LISTED ? names.join(', ') : `${names.length} tables: ${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
	return `fetched ${formatBytes(totalBytes(fetched))} (${listed})`;
}
