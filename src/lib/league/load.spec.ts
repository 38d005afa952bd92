import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chosenPeriod, loadLeague, periodsFor } from './load.ts';
import { DEFAULT_QUERY, measureById, type LeagueQuery } from './measures.ts';
import { clearPatientDataCache } from '../data/patient-data.ts';
import { providersFile, type AeMonthFile, type ProviderRecord, type ProviderTrend, type TreatmentWaitsFile, type TrendPartFile } from '../schema/site-data.ts';
import { providerRecord, waitFigures } from '../schema/test-fixtures.ts';

const providers: ProviderRecord[] = ['A', 'B', 'C'].map((code, i) =>
	providerRecord(code, null, { name: `Trust ${code}`, region: i < 2 ? 'QXA' : 'QXB', regionName: i < 2 ? 'NHS North Integrated Care Board' : 'NHS South Integrated Care Board' })
);
const ae = (period: string, within: [number, number, number]): AeMonthFile => ({
	period, rows: ['A', 'B', 'C'].map((code, i) => ({ code, name: code, attendances: 1000, within4h: within[i], type1Attendances: 900 }))
});
function trendParts(rows: ProviderTrend[]): Record<string, TrendPartFile> {
	const part = (n: number, codes: string[]): TrendPartFile => ({ treatment: 'C_999', part: n, parts: 2, periods: ['2025-10', '2026-01', '2026-04'], rows: rows.filter((r) => codes.includes(r.provider)) });
	return { '/data/patient/trend-C_999-0.json': part(0, ['A', 'B']), '/data/patient/trend-C_999-1.json': part(1, ['C']) };
}
const FILES: Record<string, unknown> = {
	'/data/patient/providers.json': providersFile(providers),
	'/data/league/ae-2024-02.json': ae('2024-02', [700, 800, 750]),
	'/data/league/ae-2025-01.json': ae('2025-01', [600, 600, 600]),
	'/data/league/ae-2025-02.json': ae('2025-02', [800, 700, 752]),
	'/data/patient/waits-C_999.json': {
		treatment: 'C_999', treatmentName: 'Total', periods: ['2026-01', '2026-04'],
		rows: ['A', 'B', 'C'].map((provider, i) => ({
			provider,
			months: [waitFigures({ period: '2026-01', pathways: 1000, within18: 700, pctWithin18: 70 }), waitFigures({ period: '2026-04', pathways: 1000, within18: [800, 600, 700][i], pctWithin18: 70 })],
			trendPart: i < 2 ? 0 : 1
		})),
		trendParts: 2
	} satisfies TreatmentWaitsFile,
	// The trend, in two parts (A and B, then C), has an older month (2025-10) the waits file leaves out, and the same counts for the others.
	...trendParts(['A', 'B', 'C'].map((provider, i) => ({
		provider,
		median: [10, 10, 10], medianLow: [9, 9, 9], medianHigh: [11, 11, 11], medianOver104: [false, false, false], tooFew: [false, false, false],
		pathways: [1000, 1000, 1000], unknownClockStart: [0, 0, 0], pctWithin18: [[60, 80, 70][i], 70, 70], within18: [[600, 800, 700][i], 700, [800, 600, 700][i]], over52: [10, 10, 10]
	})))
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
	it('RTT, an older month than the waits file keeps: its counts from the trend file, fetched only then', async () => {
		const history = { ...DATA, periods: ['2025-10', '2026-01', '2026-04'] };
		fetcher.mockClear();
		const latest = await loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18' }, history, fetcher as unknown as typeof fetch);
		expect(trends(latest)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change' });
		expect(fetcher.mock.calls.map(([url]) => url).filter((url) => url.includes('/trend-'))).toEqual([]);
		const january = await loadLeague({ ...DEFAULT_QUERY, measure: 'rtt18', period: '2026-01' }, history, fetcher as unknown as typeof fetch);
		expect(january.kind === 'proportion' && [january.period, january.league.trend]).toEqual(['2026-01', { since: 'October 2025' }]);
		// 600 → 700 of 1,000 is beyond noise (Wilson ranges apart), 800 → 700 too, 700 → 700 is not.
		expect(trends(january)).toEqual({ A: 'Better', B: 'Worse', C: 'No clear change' });
		// A whole month's league needs every provider: both parts.
		expect(fetcher.mock.calls.map(([url]) => url).filter((url) => url.includes('/trend-')).sort()).toEqual(['/data/patient/trend-C_999-0.json', '/data/patient/trend-C_999-1.json']);
	});
	it('never fetches a month the site did not build', async () => {
		fetcher.mockClear();
		const l = await load({ measure: 'ae4h', period: '2023-07' });
		expect(l.kind === 'proportion' && l.period).toBe('2025-02');
		expect(fetcher.mock.calls.map(([url]) => url)).not.toContain('/data/league/ae-2023-07.json');
	});
});
