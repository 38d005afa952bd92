/**
 * Geometry for a provider's middle (median) wait, month by month (line-trend.ts draws the
 * frame): the median as a line, its 95% range shaded. A month without a figure (not reported,
 * too few to say, over 104 weeks) breaks the line. The x-axis spans every month built, so
 * charts of different providers line up.
 */
import type { TrendFigures } from '../schema/site-data.ts';
import { formatWeeksNumber } from '../format/numbers.ts';
import { monthName } from '../format/sentences.ts';
import { lineTrendGeometry, type LineTrendGeometry } from './line-trend.ts';

export interface WaitTrendGeometry extends LineTrendGeometry {
	description: string;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2026-04' → 'Apr 2026', short enough for four labels across a 320 px chart. */
export const shortMonth = (period: string) => `${SHORT_MONTHS[Number(period.slice(5, 7)) - 1] ?? ''} ${period.slice(0, 4)}`;

/** The median a month can be drawn at: null when too few to say or over 104 weeks. */
export function drawnMedian(m: TrendFigures | undefined): number | null {
	return !m || m.tooFew || m.medianOver104 ? null : m.median;
}

/** Words for one month's median, as the table twin and screen readers give it. */
export function medianWords(m: TrendFigures | undefined): string {
	if (!m) return 'no figure';
	if (m.tooFew) return 'too few to say';
	if (m.medianOver104) return 'more than 104 weeks';
	return m.median === null ? 'no figure' : `${formatWeeksNumber(m.median)} weeks`;
}

export function waitTrendGeometry(periods: readonly string[], months: readonly TrendFigures[], options: { width: number; height: number; name: string }): WaitTrendGeometry {
	const byPeriod = new Map(months.map((m) => [m.period, m]));
	const sorted = [...periods].sort();
	const line = lineTrendGeometry(
		sorted.map((period) => {
			const m = byPeriod.get(period);
			const drawn = drawnMedian(m) !== null;
			return { label: period, value: drawnMedian(m), low: drawn ? m!.medianLow : null, high: drawn ? m!.medianHigh : null, description: `${monthName(period)}: ${medianWords(m)}` };
		}),
		{
			width: options.width,
			height: options.height,
			fromZero: true,
			tickLabel: (v, whole) => (whole ? String(v) : formatWeeksNumber(v)),
			// A dot a month is a blur beyond two years; the line carries it, the last month keeps its dot.
			dots: sorted.length > 24 ? 'last' : 'all',
			axisLabel: shortMonth,
			maxLabels: 4
		}
	);
	const shown = sorted.filter((p) => drawnMedian(byPeriod.get(p)) !== null);
	const description =
		shown.length === 0
			? `Middle wait at ${options.name}: no month with a figure to draw.`
			: `Middle wait in weeks at ${options.name}, ${monthName(shown[0])} to ${monthName(shown.at(-1))}: from ${medianWords(byPeriod.get(shown[0]))} to ${medianWords(byPeriod.get(shown.at(-1)!))}. The shaded band is the 95% range.`;
	return { ...line, description };
}
