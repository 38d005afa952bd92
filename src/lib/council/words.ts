/**
 * A council's standing in plain English. "Clearly" is kept for a result beyond the limits;
 * everything else says it is what chance (binomial) or the usual spread (peer-spread) gives.
 */
import type { CouncilComparison, CouncilMeasure } from '../schema/council.ts';
import type { Position, Standing } from './compare.ts';
import { formatMeasureNumber, ordinal } from './format.ts';
import { MIN_PEERS } from '../stats/peer-spread.ts';

export function positionWords(position: Position, comparison: CouncilComparison): string {
	switch (position) {
		case 'clearly-better':
			return 'Clearly better than similar councils';
		case 'clearly-worse':
			return 'Clearly worse than similar councils';
		case 'within':
			return comparison === 'binomial' ? 'Within what chance would give' : 'Within the usual spread of similar councils';
		case 'too-few':
			return `Not compared: fewer than ${MIN_PEERS} similar councils have a figure`;
		case 'not-compared':
			return 'Not compared: a count that grows with the size of the place';
		case 'no-figure':
			return 'No figure published';
	}
}

/** "3rd of 11 (95% interval: 2nd to 6th)", or for peer-spread measures "3rd of 11 (no interval: …)". */
export function rankWords(standing: Standing, comparison: CouncilComparison): string {
	if (standing.rank === null) return '–';
	const head = `${ordinal(standing.rank)} of ${standing.rankOf}`;
	if (comparison === 'binomial' && standing.rankLow !== null && standing.rankHigh !== null) {
		return standing.rankLow === standing.rankHigh ? `${head} (95% interval: ${ordinal(standing.rankLow)} only)` : `${head} (95% interval: ${ordinal(standing.rankLow)} to ${ordinal(standing.rankHigh)})`;
	}
	return `${head} (no interval can be computed for this measure)`;
}

export function betterWords(measure: Pick<CouncilMeasure, 'better'>): string {
	return measure.better === 'higher' ? 'Higher is better' : measure.better === 'lower' ? 'Lower is better' : 'Neither higher nor lower is better';
}

/** "Median 42.1%, range 38.0% to 47.5%" among the peers. */
export function spreadWords(standing: Standing, measure: Pick<CouncilMeasure, 'unit' | 'decimals'>): string {
	if (standing.median === null) return 'No similar council has a figure';
	return `Median ${formatMeasureNumber(standing.median, measure)}, range ${formatMeasureNumber(standing.min, measure)} to ${formatMeasureNumber(standing.max, measure)}`;
}

/** How the limits were set, for the page's "how we compared" line. */
export function methodWords(standing: Standing, comparison: CouncilComparison): string {
	if (comparison === 'none') return 'A count, which grows with the size of the place: shown with its trend, never ranked.';
	if (comparison === 'peer-spread') {
		return 'Compared with the spread of similar councils’ figures (distance from their median in median absolute deviations, as Oflog does): clearly better or worse only beyond 2 robust standard deviations.';
	}
	const b = standing.binomial;
	if (!b) return 'Counts of people: compared with exact binomial funnel limits.';
	const od = b.overdispersed
		? `English councils vary more than chance alone would give (over-dispersion φ = ${b.phi?.toFixed(2)} across ${b.estimatedFrom} councils), so the limits are widened for it.`
		: `English councils vary no more than chance would give (φ = ${b.phi?.toFixed(2) ?? '–'}), so the exact limits stand.`;
	return `Counts of people: 95% exact binomial funnel limits around similar councils’ combined rate (${(b.target * 100).toFixed(1)}%). ${od}`;
}
