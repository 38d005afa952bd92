/**
 * Geometry for a council measure's small trend chart (line-trend.ts draws the frame): the
 * council's figure each year as a solid line with points, England's as a dashed line. The
 * same words serve the table twin and screen readers. A year without a figure (suppressed
 * or not published) breaks the line rather than being drawn as 0.
 */
import { lineTrendGeometry, type LineTrendGeometry } from './line-trend.ts';
import type { CouncilMeasure } from '../schema/council.ts';
import type { TrendPoint } from '../council/page-data.ts';
import { formatMeasureNumber } from '../council/format.ts';

export interface TrendOptions {
	width: number;
	height: number;
	councilName: string;
}

export interface TrendGeometry extends LineTrendGeometry {
	description: string;
}

export function trendGeometry(points: readonly TrendPoint[], measure: Pick<CouncilMeasure, 'unit' | 'decimals' | 'title'>, options: TrendOptions): TrendGeometry {
	// A count's England figure is the national total: drawn beside one council it would flatten the line to nothing.
	const withEngland = measure.unit !== 'count';
	const line = lineTrendGeometry(
		points.map((p) => ({
			label: p.year,
			value: p.value,
			reference: withEngland ? p.england : null,
			description: `${p.year}: ${formatMeasureNumber(p.value, measure)}${p.england !== null ? ` (England ${formatMeasureNumber(p.england, measure)})` : ''}`
		})),
		{
			width: options.width,
			height: options.height,
			fromZero: measure.unit === 'percent',
			tickLabel: (v, whole) => formatMeasureNumber(v, { unit: measure.unit, decimals: whole ? 0 : measure.decimals })
		}
	);
	const shown = points.filter((p) => p.value !== null);
	const description = shown.length === 0
		? `${measure.title}: no figures for ${options.councilName}.`
		: `${measure.title}, ${options.councilName}, ${shown[0].year} to ${shown.at(-1)!.year}: from ${formatMeasureNumber(shown[0].value, measure)} to ${formatMeasureNumber(shown.at(-1)!.value, measure)}.${withEngland ? ' England’s figure is the dashed line.' : ''}`;
	return { ...line, description };
}
