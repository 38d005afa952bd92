import { describe, expect, it } from 'vitest';
import { emptyBands } from '../../src/lib/stats/bands.ts';
import { summariseWaits, toWaitFigures } from '../../src/lib/stats/wait-summary.ts';
import { postcodeAreaFiles, treatmentWaitFiles } from './patient-files.ts';
import type { PatientFigures } from './rtt-summaries.ts';

const figures = (period: string, counts: Record<number, number>) => {
	const bands = emptyBands();
	for (const [k, v] of Object.entries(counts)) bands[Number(k)] = v;
	return toWaitFigures(period, summariseWaits(bands));
};

describe('treatmentWaitFiles', () => {
	it('writes one file per treatment, providers sorted, months oldest first', () => {
		const patient: PatientFigures = new Map([
			['C_130', { name: 'Ophthalmology Service', providers: new Map([['RZB', [figures('2026-04', { 3: 30 })]]]) }],
			['C_110', { name: 'Trauma and Orthopaedic Service', providers: new Map([
				['RZZ', [figures('2026-04', { 10: 40 }), figures('2026-01', { 20: 40 })]],
				['RZA', [figures('2026-01', { 1: 5 })]]
			]) }]
		]);
		const files = treatmentWaitFiles(patient, ['2026-01', '2026-04']);
		expect(files.map((f) => f.treatment)).toEqual(['C_110', 'C_130']);
		expect(files[0].rows.map((r) => r.provider)).toEqual(['RZA', 'RZZ']);
		expect(files[0].rows[1].months.map((m) => [m.period, m.median])).toEqual([['2026-01', 20.5], ['2026-04', 10.5]]);
		// Five people are too few to say: counts stay, figures go.
		expect(files[0].rows[0].months[0]).toMatchObject({ pathways: 5, median: null, tooFew: true, within18: 5 });
		expect(files[1]).toMatchObject({ treatmentName: 'Ophthalmology Service', periods: ['2026-01', '2026-04'] });
	});
});

describe('postcodeAreaFiles', () => {
	it('splits centroids by area and rounds to 5 decimals (about a metre)', () => {
		const files = postcodeAreaFiles({
			sectors: new Map([['LS1 4', [53.7961234567, -1.5487654321]], ['B15 2', [52.46301, -1.91858]]]),
			districts: new Map([['LS1', [53.79, -1.55]], ['B15', [52.45, -1.93]], ['nonsense', [0, 0]]])
		});
		expect(files.map((f) => f.area)).toEqual(['B', 'LS']);
		expect(files[1]).toEqual({ area: 'LS', districts: { LS1: [53.79, -1.55] }, sectors: { 'LS1 4': [53.79612, -1.54877] } });
	});
});
