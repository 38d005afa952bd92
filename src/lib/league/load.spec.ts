import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chosenPeriod, loadAeTrend, loadLeague, periodsFor, withMonths } from './load.ts';
import { DEFAULT_QUERY, measureById, type LeagueQuery } from './measures.ts';
import { clearPatientDataCache } from '../data/patient-data.ts';
import { providersFile, type AeMonthFile, type ProviderRecord, type RttLeagueMonthFile, type TreatmentWaitsFile } from '../schema/site-data.ts';
import { providerRecord, waitFigures } from '../schema/test-fixtures.ts';

const providers: ProviderRecord[] = ['A', 'B', 'C'].map((code, i) =>
	providerRecord(code, null, { name: `Trust ${code}`, region: i < 2 ? 'QXA' : 'QXB', regionName: i < 2 ? 'NHS North Integrated Care Board' : 'NHS South Integrated Care Board' })
);
const ae = (period: string, within: [number, number, number]): AeMonthFile => ({
	period, rows: ['A', 'B', 'C'].map((code, i) => ({ code, name: code, attendances: 1000, within4h: within[i], type1Attendances: 900 }))
});
/** A month's league file for C_999 (A, B, C) and another treatment, as the build writes it. */
const rttMonth = (period: string, within18: [number, number, number]): RttLeagueMonthFile => ({
	period,
	treatments: [
		{ treatment: 'C_100', providers: ['A'], tooFew: [false], pathways: [10], pctWithin18: [10], within18: [1], over52: [0] },
		{ treatment: 'C_999', providers: ['A', 'B', 'C'], tooFew: [false, false, false], pathways: [1000, 1000, 1000], pctWithin18: within18.map((w) => w / 10), within18: [...within18], over52: [10, 10, 10] }
	]
});
const FILES: Record<string, unknown> = {
	'/data/patient/providers.json': providersFile(providers),
	'/data/league/ae-2024-02.json': ae('2024-02', [700, 800, 750]),
	'/data/league/ae-2025-01.json': ae('2025-01', [600, 600, 600]),
	'/data/league/ae-2025-02.json': ae('2025-02', [800, 700, 752]),
	'/data/league/ae-trend/RA1.json': { code: 'RA1', name: 'Trust A', months: [['2025-02', 1000, 800]] },
	'/data/patient/waits-C_999.json': {
		treatment: 'C_999', treatmentName: 'Total', periods: ['2026-01', '2026-04'],
		rows: ['A', 'B', 'C'].map((provider, i) => ({
			provider,
			months: [waitFigures({ period: '2026-01', pathways: 1000, within18: 700, pctWithin18: 70 }), waitFigures({ period: '2026-04', pathways: 1000, within18: [800, 600, 700][i], pctWithin18: 70 })],
			trendPart: i < 2 ? 0 : 1
		})),
		trendParts: 2
	} satisfies TreatmentWaitsFile,
	// An older month (2025-10) the waits file leaves out, and January again with the waits file's counts.
	'/data/league/rtt-2025-10.json': rttMonth('2025-10', [600, 800, 700]),
	'/data/league/rtt-2026-01.json': rttMonth('2026-01', [700, 700, 700])
};
const fetcher = vi.fn(async (url: string) => (url in FILES ? new Response(JSON.stringify(FILES[url])) : new Response('', { status: 404 })));
const DATA = { periods: ['2026-01', '2026-04'], latestPeriod: '2026-04', aePeriods: ['2024-02', '2025-01', '2025-02'] };
const load = (query: Partial<LeagueQuery>) => loadLeague({ ...DEFAULT_QUERY, ...query }, DATA, fetcher as unknown as typeof fetch);
const trends = (l: Awaited<ReturnType<typeof load>>) => (l.kind === 'proportion' ? Object.fromEntries(l.league.rows.map((r) => [r.code, r.trend?.words])) : null);

beforeEach(() => clearPatientDataCache());

describe('periods', () => {
	it('each measure has its own months', () => {
		expect(periodsFor(measureById('ae4h'), DATA)).toEqual(DATA.aePeriods);
		expect(periodsFor(measureById('over52'), DATA)).toEqual(DATA.periods);
		expect(periodsFor(measureById('survey'), DATA)).toEqual([]);
		expect(periodsFor(measureById('ae4h'), { periods: [], latestPeriod: null })).toEqual([]);
	});
	it('a month not built falls back to the latest', () => {
		expect(chosenPeriod('2025-01', DATA.aePeriods)).toBe('2025-01');
		expect(chosenPeriod('2030-01', DATA.aePeriods)).toBe('2025-02');
		expect(chosenPeriod('', [])).toBeNull();
	});
});

describe('loadLeague', () => {
	it('A&E, latest month, compared with the same month a year earlier', async () => {
		const l = await load({ measure: 'ae4h' });
		expect(l.kind === 'proportion' && [l.period, l.title, l.league.trend]).toEqual(['2025-02', 'A&E seen within 4 hours, England, February 2025', { since: 'February 2024' }]);
		expect(trends(l)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change' });
	});
	it('A&E, a chosen month without a year-earlier month, compared with the month before', async () => {
		const l = await load({ measure: 'ae4h', period: '2025-01' });
		expect(l.kind === 'proportion' && [l.period, l.league.trend]).toEqual(['2025-01', { since: null }]);
		expect(trends(l)).toEqual({ A: 'No earlier figure', B: 'No earlier figure', C: 'No earlier figure' });
		const feb = await load({ measure: 'ae4h', period: '2024-02' });
		expect(feb.kind === 'proportion' && feb.league.trend).toEqual({ since: null });
	});
	it('RTT against the month built before, in an area named in the title', async () => {
		const l = await load({ measure: 'rtt18', area: 'QXA' });
		expect(l.title).toBe('Waiting under 18 weeks: all treatments, NHS North Integrated Care Board, April 2026');
		expect(trends(l)).toEqual({ A: 'Better', B: 'Worse' });
		expect(l.kind === 'proportion' && l.league.trend).toEqual({ since: 'January 2026' });
		const first = await load({ measure: 'rtt18', period: '2026-01' });
		expect(trends(first)).toEqual({ A: 'No earlier figure', B: 'No earlier figure', C: 'No earlier figure' });
	});
	it('RTT, an older month than the waits file keeps: its counts from that month\'s league file, fetched only then', async () => {
		const history = { ...DATA, periods: ['2025-10', '2026-01', '2026-04'] };
		const urls = () => fetcher.mock.calls.map(([url]) => url);
		fetcher.mockClear();
		const latest = await loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18' }, history, fetcher as unknown as typeof fetch);
		expect(trends(latest)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change' });
		expect(urls().filter((url) => url.includes('/league/rtt-'))).toEqual([]);
		const january = await loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18', period: '2026-01' }, history, fetcher as unknown as typeof fetch);
		expect(january.kind === 'proportion' && [january.period, january.league.trend]).toEqual(['2026-01', { since: 'October 2025' }]);
		// 600 → 700 of 1,000 is beyond noise (Wilson ranges apart), 800 → 700 too, 700 → 700 is not.
		expect(trends(january)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change' });
		// January is in the waits file: only October's league file, and no trend file.
		expect(urls().filter((url) => url.includes('/league/rtt-') || url.includes('/trend-'))).toEqual(['/data/league/rtt-2025-10.json']);
		const october = await loadLeague({ ...DEFAULT_QUERY, measure: 'over52', period: '2025-10' }, history, fetcher as unknown as typeof fetch);
		expect(october.kind === 'proportion' && [october.period, october.league.trend, october.league.rows.map((r) => [r.code, r.successes, r.n])]).toEqual([
			'2025-10', { since: null }, [['A', 10, 1000], ['B', 10, 1000], ['C', 10, 1000]]
		]);
	});
	it('a month file this browser cannot fetch (offline, not stored) is named in words; a server error is passed on', async () => {
		const history = { ...DATA, periods: ['2025-10', '2026-01', '2026-04'] };
		const failing = (error: Error) => (async (url: string) => (url.includes('/league/') ? Promise.reject(error) : fetcher(url))) as unknown as typeof fetch;
		await expect(loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18', period: '2025-10' }, history, failing(new TypeError('Failed to fetch')))).rejects.toThrow(
			'The figures for October 2025 have not been downloaded to this browser yet, and fetching them needs a connection.'
		);
		await expect(loadLeague({ ...DEFAULT_QUERY, measure: 'ae4h', period: '2024-02' }, DATA, failing(new TypeError('offline')))).rejects.toThrow(
			'The figures for February 2024 have not been downloaded'
		);
		await expect(loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18', period: '2025-10' }, history, failing(new Error('HTTP 500')))).rejects.toThrow('HTTP 500');
	});
	it('withMonths adds each month file\'s month to its provider, and keeps providers only a month file has', () => {
		const waits = { rows: [{ provider: 'A', months: [waitFigures({ period: '2026-04' })] }] };
		const joined = withMonths(waits, [[{ provider: 'A', months: [waitFigures({ period: '2025-10' })] }, { provider: 'Z', months: [waitFigures({ period: '2025-10' })] }]]);
		expect(joined.rows.map((r) => [r.provider, r.months.map((m) => m.period)])).toEqual([['A', ['2026-04', '2025-10']], ['Z', ['2025-10']]]);
		expect(waits.rows[0].months.map((m) => m.period)).toEqual(['2026-04']);
	});
	it('never fetches a month the site did not build', async () => {
		fetcher.mockClear();
		const l = await load({ measure: 'ae4h', period: '2023-07' });
		expect(l.kind === 'proportion' && l.period).toBe('2025-02');
		expect(fetcher.mock.calls.map(([url]) => url)).not.toContain('/data/league/ae-2023-07.json');
	});
});

describe('loadAeTrend', () => {
	const asFetch = (f: unknown) => f as typeof fetch;
	it('one provider’s file; null for a provider without one', async () => {
		expect(await loadAeTrend('RA1', asFetch(fetcher))).toEqual({ code: 'RA1', name: 'Trust A', months: [['2025-02', 1000, 800]] });
		expect(await loadAeTrend('RZZ', asFetch(fetcher))).toBeNull();
	});
	it('a code that is not a provider code is never made into a path', async () => {
		fetcher.mockClear();
		for (const code of ['../manifest', 'ra1', '']) expect(await loadAeTrend(code, asFetch(fetcher))).toBeNull();
		expect(fetcher).not.toHaveBeenCalled();
	});
	it('offline and not stored: said in words', async () => {
		const offline = asFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
		await expect(loadAeTrend('RA1', offline)).rejects.toThrow('The A&E figures for RA1 have not been downloaded to this browser yet, and fetching them needs a connection.');
	});
});
