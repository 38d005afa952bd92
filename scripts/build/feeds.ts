/**
 * The Atom feeds (atom.ts) that let people follow a list without coming back:
 * per provider (all treatments), per provider × treatment (one entry per
 * month, the headline figures in words), and the site-wide "what changed"
 * feed of the latest month's biggest list rises and falls beyond noise.
 * Words come from the same sentence modules as the pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FEED_FILES, feedPath, type ProviderRecord, type WaitFigures } from '../../src/lib/schema/site-data.ts';
import { clearancePace, listChange, listSize, treatmentsStarted, type ListChange } from '../../src/lib/stats/list-flow.ts';
import { flowSentence, listChangeSentence, paceSentence, treatedSentence } from '../../src/lib/format/flow-sentences.ts';
import { monthName, p92Sentence, within18Sentence } from '../../src/lib/format/sentences.ts';
import { formatCount, formatPercent, formatWeeks, formatWeeksNumber } from '../../src/lib/format/numbers.ts';
import { treatmentByCode } from '../../src/lib/data/treatments.ts';
import { atomXml, monthEndTimestamp, type AtomEntry } from './atom.ts';
import type { PatientFigures } from './rtt-summaries.ts';

const AUTHOR = 'OpenWaits (figures from NHS England RTT statistics)';
const ALL = 'C_999';
const SUBTITLE = 'One entry a month: how long people wait, how long those treated had waited, and whether the list is getting shorter.';
/** How many rises and how many falls the "what changed" feed lists. */
export const CHANGES_PER_DIRECTION = 10;
/**
 * How many months a provider feed lists, newest first: a year and the month before it, so a
 * reader sees the same month a year earlier and the feed's bytes do not grow with history.
 */
export const FEED_MONTHS = 13;

/** The page a feed entry points at, relative to the feed file (feeds live under <base>/data/). */
function pageHref(feedFile: string, page: string): string {
	let depth = 1; // data/ + the feed's folders
	for (let slash = feedFile.indexOf('/'); slash !== -1; slash = feedFile.indexOf('/', slash + 1)) depth++;
	return `${'../'.repeat(depth)}${page}`;
}

function medianWords(w: WaitFigures): string {
	if (w.tooFew) return 'Too few people are waiting to say how long half have waited.';
	if (w.medianOver104) return 'Half have waited more than 104 weeks.';
	return w.median === null ? '' : `Half have waited ${formatWeeks(w.median, 'whole')} or less (median ${formatWeeksNumber(w.median)} weeks).`;
}

/** Every headline figure of one month, in words. */
export function monthSummary(w: WaitFigures, previous: WaitFigures | null): string {
	const p92 = w.p92Over104 ? ({ kind: 'over104' } as const) : w.p92 === null ? ({ kind: 'none' } as const) : ({ kind: 'weeks', weeks: w.p92 } as const);
	const treated = treatmentsStarted(w);
	return [
		`${formatCount(listSize(w))} people waiting at the end of ${monthName(w.period)}.`,
		medianWords(w),
		w.tooFew ? null : p92Sentence({ p92, tooFew: w.tooFew }),
		within18Sentence({ pct: w.pctWithin18, tooFew: w.tooFew }),
		treatedSentence(w.period, 'admitted', w.admitted),
		treatedSentence(w.period, 'nonAdmitted', w.nonAdmitted),
		previous ? listChangeSentence(listChange(previous, w)) : null,
		flowSentence(w.period, w.referrals, treated),
		paceSentence(w.period, clearancePace(listSize(w), treated))
	].filter((s): s is string => Boolean(s)).join(' ');
}

function treatmentWords(code: string, fallback: string): string {
	return code === ALL ? 'All treatments' : (treatmentByCode(code)?.words ?? fallback);
}

/** The months a feed lists, newest first (as feed readers expect), each with its words. */
function listedMonths(months: WaitFigures[]): { period: string; summary: string }[] {
	const sorted = [...months].sort((a, b) => a.period.localeCompare(b.period));
	const first = Math.max(0, sorted.length - FEED_MONTHS);
	return sorted
		.slice(first)
		// The oldest entry listed still says how the list changed since the month before it.
		.map((w, i) => ({ period: w.period, summary: monthSummary(w, sorted[first + i - 1] ?? null) }))
		.reverse();
}

function monthEntries(key: string, heading: string, listed: { period: string; summary: string }[], href: string): AtomEntry[] {
	return listed.map(({ period, summary }) => ({
		key: `${key}/${period}`,
		title: `${heading}: ${monthName(period)}`,
		updated: monthEndTimestamp(period),
		summary,
		href
	}));
}

export interface FeedFile {
	path: string;
	xml: string;
}

/** One feed per provider and per provider × treatment. */
export function providerFeeds(patient: PatientFigures, providers: readonly ProviderRecord[]): FeedFile[] {
	return [...providerFeedFiles(patient, providers)];
}

/** The feeds of `providerFeeds`, each made when it is asked for. */
function* providerFeedFiles(patient: PatientFigures, providers: readonly ProviderRecord[]): Generator<FeedFile> {
	const byCode = new Map(providers.map((p) => [p.code, p]));
	for (const [treatment, { name, providers: rows }] of patient) {
		for (const [code, months] of rows) {
			const provider = byCode.get(code);
			if (!provider || months.length === 0) continue;
			const words = treatmentWords(treatment, name);
			// All treatments has two feeds (the provider's own and its C_999 one): the same words for both.
			const listed = listedMonths(months);
			const heading = `${provider.name}, ${words.toLowerCase()}`;
			const updated = monthEndTimestamp(months.reduce((a, b) => (a.period > b.period ? a : b)).period);
			for (const path of treatment === ALL ? [feedPath(code), feedPath(code, treatment)] : [feedPath(code, treatment)]) {
				const href = pageHref(path, `provider/${code}`);
				yield {
					path,
					xml: atomXml({
						key: path,
						title: `Waiting times: ${heading}`,
						subtitle: SUBTITLE,
						updated,
						author: AUTHOR,
						href,
						self: path.slice(path.lastIndexOf('/') + 1),
						entries: monthEntries(path, heading, listed, href)
					})
				};
			}
		}
	}
}

export interface NotableChange {
	provider: ProviderRecord;
	change: ListChange;
	latest: WaitFigures;
}

/** All-treatment lists that grew or shrank beyond noise in the latest month: biggest first, each way. */
export function notableChanges(patient: PatientFigures, providers: readonly ProviderRecord[], periods: readonly string[]): { rises: NotableChange[]; falls: NotableChange[] } {
	const sorted = [...periods].sort();
	const [previousPeriod, latestPeriod] = [sorted.at(-2), sorted.at(-1)];
	const all = patient.get(ALL);
	const byCode = new Map(providers.map((p) => [p.code, p]));
	const found: NotableChange[] = [];
	if (all && previousPeriod && latestPeriod) {
		for (const [code, months] of all.providers) {
			const latest = months.find((m) => m.period === latestPeriod);
			const provider = byCode.get(code);
			if (!latest || !provider) continue; // closed or merged before the latest month
			const change = listChange(months.find((m) => m.period === previousPeriod), latest);
			if (change && change.direction !== 'about the same') found.push({ provider, change, latest });
		}
	}
	const biggest = (direction: ListChange['direction']) =>
		found
			.filter((f) => f.change.direction === direction)
			.sort((a, b) => Math.abs(b.change.change) - Math.abs(a.change.change) || a.provider.code.localeCompare(b.provider.code))
			.slice(0, CHANGES_PER_DIRECTION);
	return { rises: biggest('grew'), falls: biggest('shrank') };
}

export function changesFeed(patient: PatientFigures, providers: readonly ProviderRecord[], periods: readonly string[]): FeedFile {
	const path = FEED_FILES.changes;
	const latestPeriod = [...periods].sort().at(-1) ?? null;
	const { rises, falls } = notableChanges(patient, providers, periods);
	const entries: AtomEntry[] = [...rises, ...falls].map(({ provider, change, latest }) => ({
		key: `changes/${latest.period}/${provider.code}`,
		title: `${provider.name}: waiting list ${change.direction} by ${formatCount(Math.abs(change.change))} people${change.pct === null ? '' : ` (${formatPercent(Math.abs(change.pct))})`} since ${monthName(change.since)}`,
		updated: monthEndTimestamp(latest.period),
		summary: `${listChangeSentence(change)} ${monthSummary(latest, null)}`,
		href: pageHref(path, `provider/${provider.code}`)
	}));
	return {
		path,
		xml: atomXml({
			key: path,
			title: `What changed in NHS waiting lists${latestPeriod ? `, ${monthName(latestPeriod)}` : ''}`,
			subtitle: `The ${CHANGES_PER_DIRECTION} biggest rises and falls in providers' waiting lists (all treatments) since the month before, where the change is larger than month-to-month churn would explain.`,
			updated: latestPeriod ? monthEndTimestamp(latestPeriod) : new Date(0).toISOString().replace('.000Z', 'Z'),
			author: AUTHOR,
			href: pageHref(path, ''),
			self: 'changes.xml',
			entries
		})
	};
}

const WRITES_AT_ONCE = 64;

/**
 * Writes every feed under `dir`; returns how many. Thousands of small files: one at a time,
 * the build would wait on each open and close in turn, so they go WRITES_AT_ONCE at a time,
 * and the next batch is made while one is written (with 60 months, 745 feeds of 13 months
 * each are 12.5 MB: making them and writing them take about as long as each other).
 */
export async function writeFeeds(dir: string, patient: PatientFigures, providers: readonly ProviderRecord[], periods: readonly string[]): Promise<number> {
	const folders = new Set<string>();
	let writing: Promise<unknown> = Promise.resolve();
	let batch: FeedFile[] = [];
	let count = 0;
	const write = async () => {
		await writing;
		const files = batch;
		batch = [];
		for (const folder of files.map((f) => dirname(join(dir, f.path)))) {
			if (folders.has(folder)) continue;
			folders.add(folder);
			await mkdir(folder, { recursive: true });
		}
		writing = Promise.all(files.map((file) => writeFile(join(dir, file.path), file.xml)));
		writing.catch(() => {}); // awaited before the next batch and at the end, where a failure is thrown
	};
	const add = async (file: FeedFile) => {
		batch.push(file);
		count++;
		if (batch.length === WRITES_AT_ONCE) await write();
	};
	for (const file of providerFeedFiles(patient, providers)) await add(file);
	await add(changesFeed(patient, providers, periods));
	await write();
	await writing;
	return count;
}
