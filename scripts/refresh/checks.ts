/**
 * The data checks a refresh runs on a freshly built data folder before it
 * replaces the published one. Problems stop the refresh (the last good data
 * stays); warnings are printed and kept with the refresh record.
 */
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { addMonths } from '../fetch/months.ts';

export interface CheckResult {
	problems: string[];
	warnings: string[];
}

/** A national total moving more than this in a month is worth a look (real month-on-month changes are a few per cent). */
const NATIONAL_JUMP = 0.15;

export function checkSiteData(next: Manifest, previous: Manifest | null, today: string): CheckResult {
	const problems: string[] = [];
	const warnings: string[] = [];
	for (const s of next.sources) {
		if (s.rowsRead !== s.rowsAccepted + s.rowsRejected) problems.push(`${s.file}: ${s.rowsRead} rows read but ${s.rowsAccepted} accepted and ${s.rowsRejected} rejected.`);
		if (s.rowsRejected > 0) problems.push(`${s.file}: ${s.rowsRejected} rows rejected.`);
	}
	if (next.rtt.length === 0) problems.push('No month of RTT waiting times was built.');
	for (const month of next.rtt) {
		if (month.incompletePathways <= 0 || month.providers <= 0) problems.push(`RTT ${month.period}: no one waiting or no providers (${month.incompletePathways} pathways, ${month.providers} providers).`);
	}
	if (previous) {
		const lost = (before: string[], now: string[]) => before.filter((p) => !now.includes(p));
		for (const p of lost(previous.periods, next.periods)) problems.push(`RTT ${p} was in the published data but is not in this build: its file is missing from the download folder.`);
		for (const p of lost(previous.aePeriods, next.aePeriods)) problems.push(`A&E ${p} was in the published data but is not in this build: its file is missing from the download folder.`);
	}
	const periods = next.periods;
	for (let i = 1; i < periods.length; i++) {
		if (addMonths(periods[i - 1], 1) !== periods[i]) warnings.push(`RTT months jump from ${periods[i - 1]} to ${periods[i]}.`);
	}
	for (let i = 1; i < next.rtt.length; i++) {
		const [a, b] = [next.rtt[i - 1], next.rtt[i]];
		const change = b.incompletePathwaysEngland / a.incompletePathwaysEngland - 1;
		if (Math.abs(change) > NATIONAL_JUMP) warnings.push(`People waiting in England moved ${(change * 100).toFixed(1)}% from ${a.period} to ${b.period}: check against NHS England's published total.`);
	}
	const latest = periods.at(-1);
	if (latest && latest < addMonths(today, -4)) warnings.push(`The latest RTT month is ${latest}; NHS England publishes each month about six weeks after it ends.`);
	return { problems, warnings };
}
