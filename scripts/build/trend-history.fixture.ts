/**
 * For the trend specs: whole patient figures as the trend history a build merges
 * from its months' results, and the trend files as the build wrote them when it
 * kept each provider's months as objects (row-wise), an independent reference
 * for the column-wise code.
 */
import type { ProviderTrend, TreatmentTrendFile, WaitFigures } from '../../src/lib/schema/site-data.ts';
import { mergeTrends } from './month-patient.ts';
import { monthTrend, type TrendHistory } from './month-trend.ts';
import type { MonthPatientFigures } from './rtt-month.ts';
import type { PatientFigures } from './rtt-summaries.ts';

/** Each month's figures through monthTrend and JSON (as the month cache keeps them), then merged. */
export function trendHistoryOf(patient: PatientFigures): TrendHistory {
	const months = new Map<string, MonthPatientFigures>();
	for (const [treatment, { name, providers }] of patient) {
		for (const [provider, figures] of providers) {
			for (const w of figures) {
				const month = months.get(w.period) ?? [];
				months.set(w.period, month);
				let entry = month.find((t) => t.treatment === treatment);
				if (!entry) month.push((entry = { treatment, name, providers: [] }));
				entry.providers.push([provider, w]);
			}
		}
	}
	return mergeTrends([...months].map(([period, month]) => ({ period, trend: JSON.parse(JSON.stringify(monthTrend(month))) })));
}

/** The trend files from whole figures, one object per provider and month looked up by period. */
export function rowWiseTrendFiles(patient: PatientFigures, periods: string[]): TreatmentTrendFile[] {
	const all = [...periods].sort();
	const sorted = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));
	return sorted(patient).map(([treatment, { providers }]) => ({
		treatment,
		periods: all,
		rows: sorted(providers).map(([provider, months]): ProviderTrend => {
			const row = all.map((period) => months.find((m) => m.period === period));
			const series = <K extends keyof WaitFigures>(key: K, none: WaitFigures[K] | null = null) => row.map((m) => (m ? m[key] : none));
			return {
				provider,
				median: series('median'),
				medianLow: series('medianLow'),
				medianHigh: series('medianHigh'),
				medianOver104: series('medianOver104', false) as boolean[],
				tooFew: series('tooFew', false) as boolean[],
				pathways: series('pathways'),
				unknownClockStart: series('unknownClockStart'),
				pctWithin18: series('pctWithin18'),
				within18: series('within18'),
				over52: series('over52')
			};
		})
	}));
}
