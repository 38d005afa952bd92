/**
 * `npm run refresh` end to end against the publishers' pages served from
 * 127.0.0.1, with demonstration-format files behind the links: a first
 * refresh, a month later (new months, what changed), and a new month whose
 * file is broken (the build fails and the published data stays as it was).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { monthPeriod } from '../fetch/months.ts';
import { startFileServer, type TestServer } from '../fetch/test-server.ts';
import { buildMirror, PUBLISHER_PAGES } from '../fetch/test-mirror.ts';
import { DEFAULT_SEED, generateAll } from '../sample/generate.ts';
import { aeMonthFile } from '../sample/others.ts';
import { buildRttModel, rttCsvName, rttMonthCsv } from '../sample/rtt.ts';
import { runRefresh } from './run.ts';

const SOURCES = resolve(import.meta.dirname, '../../data/sources.json');
const AREAS = 'www.england.nhs.uk/statistics/statistical-work-areas';
const RTT_2627 = `${AREAS}/rtt-waiting-times/rtt-data-2026-27/index.html`;
const AE_2627 = `${AREAS}/ae-waiting-times-and-activity/ae-attendances-and-emergency-admissions-2026-27/index.html`;
const model = buildRttModel(DEFAULT_SEED);

/** Demonstration-format bytes for a link on the pages: an RTT month zip or an A&E month CSV. */
function demonstrationFile(url: string): Buffer | undefined {
	const rtt = /Full-CSV-data-file-([A-Za-z]{3})(\d{2})-/.exec(url);
	if (rtt) {
		const period = monthPeriod(rtt[1], rtt[2])!;
		const index = Number(period.slice(5)) + 12 * (Number(period.slice(0, 4)) - 2026);
		return Buffer.from(zipSync({ [rttCsvName(period)]: strToU8(rttMonthCsv(DEFAULT_SEED, period, index, model)) }));
	}
	const ae = /\/([A-Z][a-z]+)-(\d{4})-CSV-(bad-)?/.exec(url);
	if (ae) {
		const text = aeMonthFile(DEFAULT_SEED, monthPeriod(ae[1], ae[2])!);
		// A broken upload: a count that is not a number on the first data row.
		return Buffer.from(ae[3] ? text.replace(/\n([^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,)\d+/, '\n$1lots') : text);
	}
	return undefined;
}

/** A year page as it was before its newest month was published (that month's section removed). */
function pageWithout(page: string, heading: string): string {
	const path = join(work, `${heading.replace(' ', '-')}.html`);
	const html = readFileSync(join(PUBLISHER_PAGES, page), 'utf8');
	const cut = html.replace(new RegExp(`<h3>${heading}</h3>[\\s\\S]*?(?=<h3>)`), '');
	expect(cut).not.toBe(html);
	writeFileSync(path, cut);
	return path;
}

let work: string;
const servers: TestServer[] = [];
const mirrors: string[] = [];
async function refresh(mirrorOptions: Parameters<typeof buildMirror>[0], ...args: string[]) {
	const mirror = buildMirror({ content: demonstrationFile, ...mirrorOptions });
	mirrors.push(mirror);
	const server = await startFileServer(mirror);
	servers.push(server);
	const out: string[] = [];
	const err: string[] = [];
	const code = await runRefresh(
		['--sources', SOURCES, '--mirror', server.baseUrl, '--only', 'nhse-rtt,nhse-ae', '--since', '2026-07', '--raw', join(work, 'raw'), '--out', join(work, 'data'), '--demonstration', ...args],
		{ stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, download: { sleep: async () => {} }, now: () => new Date('2026-12-06T09:00:00Z') }
	);
	return { code, stdout: out.join(''), stderr: err.join('') };
}
const manifest = (): Manifest => JSON.parse(readFileSync(join(work, 'data/manifest.json'), 'utf8'));

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'openwaits-refresh-'));
	// The sources without months (trusts, sites, survey, postcodes) are already in the download folder.
	for (const [name, bytes] of generateAll(DEFAULT_SEED)) {
		if (name.startsWith('rtt/') || name.startsWith('ae/')) continue;
		mkdirSync(dirname(join(work, 'raw', name)), { recursive: true });
		writeFileSync(join(work, 'raw', name), bytes);
	}
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.close()));
	for (const dir of [work, ...mirrors]) rmSync(dir, { recursive: true, force: true });
});

describe('npm run refresh', () => {
	it('fetches, builds, checks and publishes the first months', async () => {
		const { code, stdout, stderr } = await refresh({ replacePages: { [RTT_2627]: pageWithout(RTT_2627, 'September 2026'), [AE_2627]: pageWithout(AE_2627, 'October 2026') } });
		expect(code, stderr).toBe(0);
		expect(manifest().periods).toEqual(['2026-07', '2026-08']);
		expect(stdout).toContain('Months added: RTT 2026-07, 2026-08; A&E 2026-07, 2026-08, 2026-09.');
		expect(manifest().refresh).toMatchObject({ since: '2026-07', fetchComplete: true, monthsAdded: { rtt: ['2026-07', '2026-08'], ae: ['2026-07', '2026-08', '2026-09'] } });
	});

	it('a month later: adds the new months and says what changed', async () => {
		const { code, stdout, stderr } = await refresh({});
		expect(code, stderr).toBe(0);
		expect(stderr).toContain('What was new since 2026-07: 2 new and 0 revised files.');
		const built = manifest();
		expect(built.periods).toEqual(['2026-07', '2026-08', '2026-09']);
		expect(stdout).toContain('Months added: RTT 2026-09; A&E 2026-10.');
		const [aug, sep] = built.rtt.slice(-2);
		expect(stdout).toContain(`England 2026-09: ${sep.incompletePathwaysEngland.toLocaleString('en-GB')} waiting, ${sep.englandPctWithin18!.toFixed(1)}% within 18 weeks`);
		expect(stdout).toContain(`(2026-08: ${aug.incompletePathwaysEngland.toLocaleString('en-GB')}, ${aug.englandPctWithin18!.toFixed(1)}%)`);
		const refreshed = built.refresh!;
		expect(refreshed.sources.map((s) => [s.id, s.added, s.months])).toEqual([
			['nhse-rtt', ['2026-09'], ['2026-07', '2026-08', '2026-09']],
			['nhse-ae', ['2026-10'], ['2026-07', '2026-08', '2026-09', '2026-10']]
		]);
		expect(refreshed.sources.every((s) => s.lastFetched === '2026-12-06T09:00:00.000Z')).toBe(true);
		// Every movement printed is one the rule calls beyond noise, biggest first within each measure.
		for (const m of refreshed.movements) expect(stdout).toContain(`${m.name} (${m.code})`);
		const rtt = refreshed.movements.filter((m) => m.measure === 'rtt-within-18-weeks').map((m) => Math.abs(m.after.pct - m.before.pct));
		expect(rtt).toEqual([...rtt].sort((a, b) => b - a));
		expect(stdout).toMatch(refreshed.movements.length ? /Biggest movements beyond noise:/ : /No provider moved beyond noise\./);
	});

	it('a broken new file fails the build and leaves the published data as it was', async () => {
		const before = readFileSync(join(work, 'data/manifest.json'));
		const page = join(work, 'ae-with-november.html');
		const up = 'https://www.england.nhs.uk/statistics/wp-content/uploads/sites/2/2026/12';
		writeFileSync(page, readFileSync(join(PUBLISHER_PAGES, AE_2627), 'utf8').replace('<h3>', `<h3>November 2026</h3>\n<p><a href="${up}/November-2026-CSV-bad-Qx7.csv">Monthly A&amp;E November 2026 (CSV, 12K)</a></p>\n<h3>`));
		const { code, stderr } = await refresh({ replacePages: { [AE_2627]: page } });
		expect(code).toBe(1);
		expect(stderr).toContain('The data build failed:');
		expect(stderr).toContain('ae/AE-2026-11.csv, line 2, column "A&E attendances Type 1": "lots" is not a number');
		expect(stderr).toContain(`The site's data in ${join(work, 'data')} is unchanged (the last good build).`);
		expect(readFileSync(join(work, 'data/manifest.json')).equals(before)).toBe(true);
	});
});
