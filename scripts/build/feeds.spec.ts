import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesFeed, FEED_MONTHS, monthSummary, notableChanges, providerFeeds, writeFeeds } from './feeds.ts';
import { atomProblems, parseXml } from './atom-check.ts';
import { providerRecord, waitFigures } from '../../src/lib/schema/test-fixtures.ts';
import type { WaitFigures } from '../../src/lib/schema/site-data.ts';
import type { PatientFigures } from './rtt-summaries.ts';
import { listChange } from '../../src/lib/stats/list-flow.ts';
import { listChangeSentence } from '../../src/lib/format/flow-sentences.ts';

const treated = (pathways: number, median: number) => ({ pathways, unknownClockStart: 0, median, p92: median * 3, medianOver104: false, p92Over104: false, tooFew: false });
const month = (period: string, pathways: number, over: Partial<WaitFigures> = {}) =>
	waitFigures({ period, pathways, admitted: treated(100, 12), nonAdmitted: treated(300, 7.8), referrals: 450, ...over });

// A grows well beyond noise, B falls beyond noise, C moves within noise.
const patient: PatientFigures = new Map([
	['C_999', { name: 'Total', providers: new Map([
		['AAA', [month('2026-01', 10000), month('2026-04', 12000)]],
		['BBB', [month('2026-01', 8000), month('2026-04', 6000)]],
		['CCC', [month('2026-01', 1000), month('2026-04', 1010)]],
		['DDD', [month('2026-01', 5000)]] // no longer reporting: not a change
	]) }],
	['C_130', { name: 'Ophthalmology', providers: new Map([['AAA', [month('2026-01', 900), month('2026-04', 950)]]]) }]
]);
const providers = ['AAA', 'BBB', 'CCC'].map((code) => providerRecord(code, [53.8, -1.55], { name: `Hospital ${code} & "Sons"` }));

describe('providerFeeds', () => {
	const feeds = providerFeeds(patient, providers);
	it('one feed per provider and per provider × treatment', () =>
		expect(feeds.map((f) => f.path).sort()).toEqual([
			'feeds/provider/AAA.xml', 'feeds/provider/AAA/C_130.xml', 'feeds/provider/AAA/C_999.xml',
			'feeds/provider/BBB.xml', 'feeds/provider/BBB/C_999.xml', 'feeds/provider/CCC.xml', 'feeds/provider/CCC/C_999.xml'
		]));
	it.each(feeds.map((f) => [f.path, f.xml]))('%s is valid Atom', (_, xml) => expect(atomProblems(xml)).toEqual([]));
	it('one entry per month, newest first, headline figures in words, linking the provider page', () => {
		const root = parseXml(feeds.find((f) => f.path === 'feeds/provider/AAA/C_130.xml')!.xml);
		const entries = root.children.filter((c) => c.name === 'entry');
		expect(entries.map((e) => e.children.find((c) => c.name === 'updated')!.text)).toEqual(['2026-04-30T00:00:00Z', '2026-01-31T00:00:00Z']);
		const summary = entries[0].children.find((c) => c.name === 'summary')!.text;
		expect(summary).toContain('950 people waiting at the end of April 2026.');
		expect(summary).toContain('Of the people admitted to hospital for treatment in April 2026, half had waited 12 weeks or less');
		expect(summary).toContain('In April 2026, 450 people were referred');
		expect(entries[0].children.find((c) => c.name === 'link')!.attributes.href).toBe('../../../../provider/AAA');
	});
	it('ids differ across all feeds', () => {
		const ids = feeds.flatMap((f) => [...f.xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]));
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('writeFeeds', () => {
	it.each([3, 70, 200])('writes every feed as made, with %i providers (the feeds go to disk 64 at a time)', async (count) => {
		const codes = Array.from({ length: count }, (_, i) => `P${String(i).padStart(3, '0')}`);
		const many: PatientFigures = new Map([
			['C_999', { name: 'Total', providers: new Map(codes.map((code, i) => [code, [month('2026-01', 1000 + i), month('2026-04', 1100 + i)]])) }],
			['C_130', { name: 'Ophthalmology', providers: new Map(codes.map((code) => [code, [month('2026-04', 90)]])) }]
		]);
		const records = codes.map((code) => providerRecord(code, [53.8, -1.55]));
		const periods = ['2026-01', '2026-04'];
		const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
		try {
			const expected = [...providerFeeds(many, records), changesFeed(many, records, periods)];
			expect(await writeFeeds(dir, many, records, periods)).toBe(count * 3 + 1);
			const written = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
			expect(written).toHaveLength(expected.length);
			for (const feed of expected) expect(readFileSync(join(dir, feed.path), 'utf8')).toBe(feed.xml);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a long history', () => {
	// 60 months, the list growing by 100 a month: the feed keeps the latest 13, still valid Atom.
	const periods = Array.from({ length: 60 }, (_, i) => `${2021 + Math.floor((i + 4) / 12)}-${String(((i + 4) % 12) + 1).padStart(2, '0')}`);
	const long: PatientFigures = new Map([['C_999', { name: 'Total', providers: new Map([['AAA', periods.map((p, i) => month(p, 1000 + 100 * i))]]) }]]);
	const [feed] = providerFeeds(long, providers.slice(0, 1));
	const entries = parseXml(feed.xml).children.filter((c) => c.name === 'entry');
	it('lists only the most recent months, newest first', () => {
		expect(entries).toHaveLength(FEED_MONTHS);
		const updated = entries.map((e) => e.children.find((c) => c.name === 'updated')!.text.slice(0, 7));
		expect(updated).toEqual(periods.slice(-FEED_MONTHS).reverse());
	});
	it('is valid Atom', () => expect(atomProblems(feed.xml)).toEqual([]));
	it('the oldest entry listed still compares with the month before it', () => {
		const summary = entries.at(-1)!.children.find((c) => c.name === 'summary')!.text;
		expect(summary).toContain(listChangeSentence(listChange(month(periods[46], 5600), month(periods[47], 5700)))!);
	});
});

describe('the "what changed" feed', () => {
	it('lists rises and falls beyond noise, not changes within it', () => {
		const { rises, falls } = notableChanges(patient, providers, ['2026-01', '2026-04']);
		expect(rises.map((r) => r.provider.code)).toEqual(['AAA']);
		expect(falls.map((r) => r.provider.code)).toEqual(['BBB']);
	});
	it('is valid Atom with one entry per change', () => {
		const feed = changesFeed(patient, providers, ['2026-01', '2026-04']);
		expect(feed.path).toBe('feeds/changes.xml');
		expect(atomProblems(feed.xml)).toEqual([]);
		const titles = parseXml(feed.xml).children.filter((c) => c.name === 'entry').map((e) => e.children.find((c) => c.name === 'title')!.text);
		expect(titles).toEqual([
			'Hospital AAA & "Sons": waiting list grew by 2,000 people (20.0%) since January 2026',
			'Hospital BBB & "Sons": waiting list shrank by 2,000 people (25.0%) since January 2026'
		]);
	});
	it('one month only: a valid feed with no entries', () => expect(atomProblems(changesFeed(patient, providers, ['2026-04']).xml)).toEqual([]));
});

describe('monthSummary', () => {
	it('says too few rather than a median for a small list', () =>
		expect(monthSummary(waitFigures({ period: '2026-04', pathways: 5, tooFew: true, median: null, p92: null }), null)).toMatch(/^5 people waiting at the end of April 2026\. Too few people are waiting/));
});
