/**
 * One provider's RTT league measure over every month built (the league's trend view): the
 * same counts the league ranks (units.ts rttCount), each month with its Wilson 95% range, and
 * the chart's geometry (line-trend.ts). Pure; the page fetches the trend file.
 */
import { trendMonths, type TreatmentTrendFile } from '../schema/site-data.ts';
import { wilsonInterval } from '../stats/proportion.ts';
import { formatCount, formatPercent } from '../format/numbers.ts';
import { monthName } from '../format/sentences.ts';
import { lineTrendGeometry, type LineTrendGeometry } from '../charts/line-trend.ts';
import { shortMonth } from '../charts/wait-trend.ts';
import { rttCount } from './units.ts';

export interface ProviderTrendMonth {
	period: string;
	/** Null when the provider has no figure that month, or too few to say. */
	successes: number | null;
	trials: number | null;
	/** Percentages 0–100. */
	pct: number | null;
	low: number | null;
	high: number | null;
}

export type RttMeasureId = 'rtt18' | 'over52';

/** Every month of the file, oldest first, for one provider; null when it is not in the file. */
export function providerTrendSeries(measure: RttMeasureId, trend: TreatmentTrendFile, provider: string): ProviderTrendMonth[] | null {
	const row = trend.rows.find((r) => r.provider === provider);
	if (!row) return null;
	const months = new Map(trendMonths(trend.periods, row).map((m) => [m.period, m]));
	return [...trend.periods].sort().map((period) => {
		const count = rttCount(measure, months.get(period));
		const range = count ? wilsonInterval(count.successes, count.trials) : null;
		return count && range
			? { period, successes: count.successes, trials: count.trials, pct: (100 * count.successes) / count.trials, low: 100 * range.low, high: 100 * range.high }
			: { period, successes: null, trials: null, pct: null, low: null, high: null };
	});
}

/** A month in words, for the table twin and screen readers. */
export function trendMonthWords(m: ProviderTrendMonth): string {
	return m.pct === null ? 'no figure' : `${formatPercent(m.pct)} (${formatCount(m.successes)} of ${formatCount(m.trials)})`;
}

export interface ProviderTrendGeometry extends LineTrendGeometry {
	description: string;
}

export function providerTrendGeometry(months: readonly ProviderTrendMonth[], options: { width: number; height: number; what: string; name: string }): ProviderTrendGeometry {
	const line = lineTrendGeometry(
		months.map((m) => ({ label: m.period, value: m.pct, low: m.low, high: m.high, description: `${monthName(m.period)}: ${trendMonthWords(m)}` })),
		{
			width: options.width,
			height: options.height,
			fromZero: true,
			tickLabel: (v) => `${v}%`,
			dots: months.length > 24 ? 'last' : 'all',
			axisLabel: shortMonth,
			maxLabels: 4
		}
	);
	const shown = months.filter((m) => m.pct !== null);
	const description =
		shown.length === 0
			? `${options.what}: no month with a figure for ${options.name}.`
			: `${options.what}, ${options.name}, ${monthName(shown[0].period)} to ${monthName(shown.at(-1)!.period)}: from ${formatPercent(shown[0].pct!)} to ${formatPercent(shown.at(-1)!.pct!)}. The shaded band is the 95% range.`;
	return { ...line, description };
}
