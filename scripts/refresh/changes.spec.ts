import { describe, expect, it } from 'vitest';
import type { AeMonthFile, Manifest, TreatmentWaitsFile, WaitFigures } from '../../src/lib/schema/site-data.ts';
import { changesText, movements, whatChanged, type DataSnapshot } from './changes.ts';

const wait = (period: string, pathways: number, within18: number, tooFew = false) => ({ period, pathways, within18, tooFew }) as WaitFigures;
const ae = (period: string, rows: [string, number, number][]): AeMonthFile => ({ period, rows: rows.map(([code, attendances, within4h]) => ({ code, name: `Trust ${code}`, attendances, within4h, type1Attendances: attendances })) });
const rtt = (period: string, waiting: number) => ({ period, incompletePathways: waiting, incompletePathwaysEngland: waiting - 5, englandMedianWeeks: 12.34, englandP92Weeks: 40, englandPctWithin18: 60.06, providers: 2 });

function snapshot(): DataSnapshot {
	const allTreatments = {
		rows: [
			// 60% → 70% of 10,000: far beyond noise.
			{ provider: 'AAA', months: [wait('2026-08', 10_000, 6_000), wait('2026-09', 10_000, 7_000)] },
			// 60% → 62% of 100: inside the noise.
			{ provider: 'BBB', months: [wait('2026-08', 100, 60), wait('2026-09', 100, 62)] },
			// 50% → 45% of 10,000: beyond noise, smaller than AAA's.
			{ provider: 'CCC', months: [wait('2026-08', 10_000, 5_000), wait('2026-09', 10_000, 4_500)] },
			{ provider: 'DDD', months: [wait('2026-08', 10, 1, true), wait('2026-09', 10_000, 9_000)] },
			{ provider: 'EEE', months: [wait('2026-09', 10_000, 9_000)] }
		]
	} as TreatmentWaitsFile;
	return {
		manifest: { periods: ['2026-08', '2026-09'], aePeriods: ['2026-09', '2026-10'], rtt: [rtt('2026-08', 1_000_000), rtt('2026-09', 1_234_567)] } as Manifest,
		allTreatments,
		providerNames: { AAA: 'Alpha Trust', CCC: 'Gamma Trust' },
		aeMonths: [ae('2026-09', [['R1', 20_000, 15_000], ['R2', 50, 40]]), ae('2026-10', [['R1', 20_000, 13_000], ['R2', 50, 35], ['R3', 100, 90]])]
	};
}

describe('movements', () => {
	it('lists the providers beyond noise, biggest change first, per measure', () => {
		expect(movements(snapshot()).map((m) => [m.measure, m.code, m.name, m.before.pct, m.after.pct])).toEqual([
			['rtt-within-18-weeks', 'AAA', 'Alpha Trust', 60, 70],
			['rtt-within-18-weeks', 'CCC', 'Gamma Trust', 50, 45],
			['ae-within-4-hours', 'R1', 'Trust R1', 75, 65]
		]);
		expect(movements(snapshot(), 1).map((m) => m.code)).toEqual(['AAA', 'R1']);
	});
});

describe('whatChanged and changesText', () => {
	it('names the months added since the published build, the national figures and the movements', () => {
		const previous = { periods: ['2026-08'], aePeriods: ['2026-09'] } as Manifest;
		const changes = whatChanged(previous, snapshot());
		expect(changes.monthsAdded).toEqual({ rtt: ['2026-09'], ae: ['2026-10'] });
		expect(changesText(changes)).toEqual([
			'Months added: RTT 2026-09; A&E 2026-10.',
			'England 2026-09: 1,234,562 waiting, 60.1% within 18 weeks, median 12.3 weeks (2026-08: 999,995, 60.1%).',
			'Biggest movements beyond noise:',
			'  Alpha Trust (AAA), waiting under 18 weeks: 60.0% in 2026-08 → 70.0% in 2026-09 (+10.0 points)',
			'  Gamma Trust (CCC), waiting under 18 weeks: 50.0% in 2026-08 → 45.0% in 2026-09 (-5.0 points)',
			'  Trust R1 (R1), A&E within 4 hours: 75.0% in 2026-09 → 65.0% in 2026-10 (-10.0 points)'
		]);
	});

	it('a first build adds every month; nothing moved says so', () => {
		const quiet = { ...snapshot(), allTreatments: null, aeMonths: [] };
		const changes = whatChanged(null, quiet);
		expect(changes.monthsAdded).toEqual({ rtt: ['2026-08', '2026-09'], ae: ['2026-09', '2026-10'] });
		expect(changesText(changes).at(-1)).toBe('No provider moved beyond noise.');
	});
});
