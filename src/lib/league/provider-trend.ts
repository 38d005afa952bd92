/**
 * One provider's league measure over every month built (the league's trend view, and the
 * provider page's A&E): the same counts the league ranks (units.ts: rttCount for RTT, the
 * A&E month files' for A&E), each month with its Wilson 95% range, and the chart's geometry
 * (line-trend.ts). Pure; the page fetches the trend file.
 */
import { trendMonths, type AeTrendFile, type TreatmentTrendFile } from '../schema/site-data.ts';
import { compareProportions, type Count } from '../stats/change.ts';
import { comparisonPeriod } from './trend.ts';
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

/** Each of `periods`, oldest first, with its count's percentage and Wilson 95% range; a gap where there is no count. */
function countSeries(periods: readonly string[], countOf: (period: string) => Count | null | undefined): ProviderTrendMonth[] {
	return [...periods].sort().map((period) => {
		const count = countOf(period);
		const range = count ? wilsonInterval(count.successes, count.trials) : null;
		return count && range
			? { period, successes: count.successes, trials: count.trials, pct: (100 * count.successes) / count.trials, low: 100 * range.low, high: 100 * range.high }
			: { period, successes: null, trials: null, pct: null, low: null, high: null };
	});
}

/** Every month of the file, oldest first, for one provider; null when it is not in the file. */
export function providerTrendSeries(measure: RttMeasureId, trend: TreatmentTrendFile, provider: string): ProviderTrendMonth[] | null {
	const row = trend.rows.find((r) => r.provider === provider);
	if (!row) return null;
	const months = new Map(trendMonths(trend.periods, row).map((m) => [m.period, m]));
	return countSeries(trend.periods, (period) => rttCount(measure, months.get(period)));
}

/** Every A&E month built (`periods`), oldest first: attendances seen within 4 hours, a gap where the provider has no figure. */
export function aeTrendSeries(file: AeTrendFile, periods: readonly string[]): ProviderTrendMonth[] {
	const months = new Map(file.months.map(([period, attendances, within4h]) => [period, { successes: within4h, trials: attendances }]));
	return countSeries(periods, (period) => months.get(period));
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

/**
 * The latest A&E month against the same month a year before (seasons differ too much month to
 * month), else the month before, by the site's one change rule (stats/change.ts): higher or lower
 * only when the two 95% ranges do not overlap, as the league's change column says it.
 */
export function aeTrendSentence(months: readonly ProviderTrendMonth[]): string {
	const shown = months.filter((m) => m.successes !== null && m.trials !== null);
	const latest = shown.at(-1);
	const since = latest ? comparisonPeriod(latest.period, shown.map((m) => m.period), 'year-then-month') : null;
	const earlier = shown.find((m) => m.period === since);
	if (!latest || !earlier) return 'There is no earlier month of A&E figures to compare with yet.';
	const change = compareProportions({ successes: earlier.successes!, trials: earlier.trials! }, { successes: latest.successes!, trials: latest.trials! });
	const [from, to] = [monthName(earlier.period), monthName(latest.period)];
	const [before, after] = [formatPercent(earlier.pct!), formatPercent(latest.pct!)];
	if (change.direction === 'about the same' || change.direction === 'unknown') {
		return `In ${to}, ${after} were seen within 4 hours: about the same as in ${from} (${before}), allowing for chance.`;
	}
	return `${change.direction === 'higher' ? 'More' : 'Fewer'} people were seen within 4 hours in ${to} (${after}) than in ${from} (${before}), a change beyond what chance would explain.`;
}
