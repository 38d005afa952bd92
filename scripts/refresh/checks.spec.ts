import { describe, expect, it } from 'vitest';
import type { Manifest, RttMonthFigures, SourceReport } from '../../src/lib/schema/site-data.ts';
import { checkSiteData } from './checks.ts';

const month = (period: string, waiting = 1000): RttMonthFigures => ({ period, incompletePathways: waiting, incompletePathwaysEngland: waiting, englandMedianWeeks: 10, englandP92Weeks: 30, englandPctWithin18: 60, providers: 3 });
const source = (rows: Partial<SourceReport> = {}): SourceReport => ({ file: 'rtt/a.zip', dataset: 'rtt', sha256: 'x', bytes: 1, period: null, rowsRead: 10, rowsAccepted: 10, rowsRejected: 0, issues: [], ...rows });
function manifest(rtt: RttMonthFigures[], extra: Partial<Manifest> = {}): Manifest {
	return { periods: rtt.map((m) => m.period), aePeriods: [], rtt, sources: [source()], ...extra } as Manifest;
}

describe('checkSiteData', () => {
	it.each([
		{ name: 'a clean build', next: manifest([month('2026-08'), month('2026-09')]), previous: null, problems: [], warnings: [] },
		{ name: 'rows that do not add up', next: manifest([month('2026-09')], { sources: [source({ rowsAccepted: 9 })] }), previous: null, problems: ['rtt/a.zip: 10 rows read but 9 accepted and 0 rejected.'], warnings: [] },
		{ name: 'rejected rows', next: manifest([month('2026-09')], { sources: [source({ rowsAccepted: 8, rowsRejected: 2 })] }), previous: null, problems: ['rtt/a.zip: 2 rows rejected.'], warnings: [] },
		{ name: 'no RTT month', next: manifest([]), previous: null, problems: ['No month of RTT waiting times was built.'], warnings: [] },
		{ name: 'an empty month', next: manifest([month('2026-09', 0)]), previous: null, problems: ['RTT 2026-09: no one waiting or no providers (0 pathways, 3 providers).'], warnings: [] },
		{
			name: 'a month lost since the published build',
			next: manifest([month('2026-09')]),
			previous: manifest([month('2026-08'), month('2026-09')], { aePeriods: ['2026-09'] }),
			problems: ['RTT 2026-08 was in the published data but is not in this build: its file is missing from the download folder.', 'A&E 2026-09 was in the published data but is not in this build: its file is missing from the download folder.'],
			warnings: []
		},
		{ name: 'a gap and a jump', next: manifest([month('2026-06', 1000), month('2026-08', 1200)]), previous: null, problems: [], warnings: ['RTT months jump from 2026-06 to 2026-08.', "People waiting in England moved 20.0% from 2026-06 to 2026-08: check against NHS England's published total."] },
		{ name: 'stale data', next: manifest([month('2026-07')]), previous: null, today: '2026-12', problems: [], warnings: ['The latest RTT month is 2026-07; NHS England publishes each month about six weeks after it ends.'] }
	])('$name', ({ next, previous, problems, warnings, today }) => {
		expect(checkSiteData(next, previous, today ?? '2026-10')).toEqual({ problems, warnings });
	});
});
