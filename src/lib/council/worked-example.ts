/**
 * The council worked examples on /about/methods, computed by the functions the council
 * pages use (councilStanding, peerSpread, funnelLimits), so the explanation cannot drift
 * from the arithmetic. The councils are made up.
 */
import type { CouncilComparison, CouncilMeasureFile, CouncilValue } from '../schema/council.ts';
import { councilMeasureById } from './measures.ts';
import { councilStanding } from './compare.ts';
import { MAD_TO_SD, medianAbsoluteDeviation, peerSpread } from '../stats/peer-spread.ts';
import { funnelLimits } from '../stats/funnel.ts';

/** Household waste recycled, %: seven similar councils and ours. */
export const RECYCLING_PEERS = [38.4, 41.0, 42.6, 44.1, 45.3, 47.9, 52.8];
export const RECYCLING_OURS = 55.6;
/** Typical tonnage of a council's household waste: what a (wrong) binomial funnel would call trials. */
export const RECYCLING_TONNES = 150_000;

/** Re-referrals: eight similar councils (re-referrals, referrals) and ours. */
export const REFERRAL_PEERS: [number, number][] = [[410, 2000], [530, 2500], [380, 1900], [700, 3100], [450, 2100], [600, 2800], [330, 1700], [520, 2300]];
export const REFERRAL_OURS: [number, number] = [620, 2400];

function file(id: string, comparison: CouncilComparison, values: CouncilValue[]): CouncilMeasureFile {
	const definition = councilMeasureById(id)!;
	return { measure: { ...definition, comparison, source: { ...definition.source, file: 'worked example' }, years: ['2025'], path: '', csv: '' }, england: [], values };
}

const cell = (code: string, numerator: number | null, denominator: number | null, value: number): CouncilValue => ({ code, year: '2025', numerator, denominator, value, suppressed: false, published: null });
const group = (codes: string[]) => () => ({ group: 'type' as const, codes, withData: codes, listed: null, notEnglish: 0 });

export function councilWorkedExample() {
	const peerCodes = RECYCLING_PEERS.map((_, i) => `P${i + 1}`);
	const recyclingFile = file('household-recycling', 'peer-spread', [cell('US', null, null, RECYCLING_OURS), ...RECYCLING_PEERS.map((v, i) => cell(peerCodes[i], null, null, v))]);
	const spread = peerSpread(RECYCLING_OURS, RECYCLING_PEERS);
	const deviations = RECYCLING_PEERS.map((v) => Math.abs(v - spread.median));
	const naive = funnelLimits(RECYCLING_TONNES, spread.median / 100);

	const referralCodes = REFERRAL_PEERS.map((_, i) => `R${i + 1}`);
	const referralFile = file('cin-rereferrals', 'binomial', [
		cell('US', REFERRAL_OURS[0], REFERRAL_OURS[1], (100 * REFERRAL_OURS[0]) / REFERRAL_OURS[1]),
		...REFERRAL_PEERS.map(([x, n], i) => cell(referralCodes[i], x, n, (100 * x) / n))
	]);
	return {
		recycling: {
			standing: councilStanding(recyclingFile, 'US', group(peerCodes)),
			spread,
			deviations,
			mad: medianAbsoluteDeviation(RECYCLING_PEERS),
			robustSd: MAD_TO_SD * spread.mad,
			naive
		},
		referrals: { standing: councilStanding(referralFile, 'US', group(referralCodes)), rate: REFERRAL_OURS[0] / REFERRAL_OURS[1] }
	};
}
