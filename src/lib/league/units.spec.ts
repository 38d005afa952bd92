import { describe, expect, it } from 'vitest';
import { aeUnits, areaLabel, areasOf, rttUnits, surveyRows } from './units.ts';
import type { AeMonthFile, ProviderRecord, TreatmentWaitsFile, WaitFigures } from '../schema/site-data.ts';
import { providerRecord, waitFigures } from '../schema/test-fixtures.ts';

const provider = (code: string, region: string | null, extra: Partial<ProviderRecord> = {}): ProviderRecord =>
	providerRecord(code, null, { name: `Trust ${code}`, region, regionName: region ? `NHS ${region} Integrated Care Board` : null, treatments: [], ...extra });
const month = (period: string, pathways: number, pct: number | null, over52: number, tooFew = false): WaitFigures =>
	waitFigures({
		period, pathways, p92: 30, pctWithin18: pct, pctWithin18Low: null, pctWithin18High: null,
		within18: pct === null ? 0 : Math.round((pct / 100) * pathways), over52, tooFew
	});

const providers = [
	provider('P1', 'ZQA', { survey: { year: 2024, score: 8.1, band: 5, respondents: 400 } }),
	provider('P2', 'ZQB', { survey: { year: 2024, score: 8.4, band: 4, respondents: 300 } }),
	provider('P3', 'ZQB')
];

describe('RTT units', () => {
	const waits: TreatmentWaitsFile = {
		treatment: 'C_999', treatmentName: 'Total', periods: ['2026-03', '2026-04'],
		rows: [
			{ provider: 'P1', trendPart: 0, months: [month('2026-03', 100, 50, 1), month('2026-04', 1000, 74.1, 12)] },
			{ provider: 'P2', trendPart: 0, months: [month('2026-04', 10, null, 0, true)] },
			{ provider: 'P9', trendPart: 0, months: [month('2026-04', 200, 60, 3)] }
		],
		trendParts: 1
	};
	it('uses the exact under-18-week count, and leaves out the too-few', () => {
		const { units, tooFew } = rttUnits('rtt18', waits, providers, '2026-04');
		expect(units).toEqual([
			{ code: 'P1', name: 'Trust P1', area: 'ZQA', successes: 741, trials: 1000, earlier: null },
			{ code: 'P9', name: 'P9', area: null, successes: 120, trials: 200, earlier: null }
		]);
		expect(tooFew).toEqual([{ code: 'P2', name: 'Trust P2' }]);
	});
	it('counts over 52 weeks directly', () => {
		expect(rttUnits('over52', waits, providers, '2026-03').units).toEqual([{ code: 'P1', name: 'Trust P1', area: 'ZQA', successes: 1, trials: 100, earlier: null }]);
	});
	it('carries the earlier month for the change column', () => {
		const { units } = rttUnits('rtt18', waits, providers, '2026-04', '2026-03');
		expect(units.map((u) => [u.code, u.earlier])).toEqual([['P1', { successes: 50, trials: 100 }], ['P9', null]]);
	});
});

describe('A&E units', () => {
	const feb: AeMonthFile = { period: '2026-02', rows: [
		{ code: 'P1', name: 'P1 as published', attendances: 1000, within4h: 755, type1Attendances: 800 },
		{ code: 'NLX', name: 'Urgent Care Centre', attendances: 500, within4h: 499, type1Attendances: 0 },
		{ code: 'P2', name: 'Type 1 only, no RTT', attendances: 300, within4h: 200, type1Attendances: 300 },
		{ code: 'P3', name: 'P3', attendances: 0, within4h: 0, type1Attendances: 0 }
	] };
	const jan: AeMonthFile = { period: '2026-01', rows: [{ code: 'P1', name: 'P1', attendances: 900, within4h: 600, type1Attendances: 700 }] };
	it('providers with a Type 1 department, all their attendances, exact counts, site names and areas where known', () => {
		expect(aeUnits(feb, jan, providers.slice(0, 1))).toEqual([
			{ code: 'P1', name: 'Trust P1', area: 'ZQA', successes: 755, trials: 1000, earlier: { successes: 600, trials: 900 } },
			{ code: 'P2', name: 'Type 1 only, no RTT', area: null, successes: 200, trials: 300, earlier: null }
		]);
	});
	it('no earlier month, no earlier figures', () => expect(aeUnits(feb, null, providers).every((u) => u.earlier === null)).toBe(true));
});

describe('survey and areas', () => {
	it('survey rows by score', () => expect(surveyRows(providers).map((r) => r.code)).toEqual(['P2', 'P1']));
	it('areas by name, once each; the code when the data has no name', () => {
		const areas = areasOf([...providers, provider('P4', null), providerRecord('P5', null, { region: 'Q99', regionName: null })]);
		expect(areas).toEqual([
			{ code: 'ZQA', name: 'NHS ZQA Integrated Care Board' },
			{ code: 'ZQB', name: 'NHS ZQB Integrated Care Board' },
			{ code: 'Q99', name: 'Q99' }
		]);
		expect(areas.map(areaLabel)).toEqual(['NHS ZQA Integrated Care Board (ZQA)', 'NHS ZQB Integrated Care Board (ZQB)', 'Q99']);
	});
});
