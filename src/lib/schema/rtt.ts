/**
 * The NHS England Referral-to-Treatment full extract: 121 columns, one row per
 * provider × commissioner × RTT part × treatment function.
 * Source: NHS England, "RTT Waiting Times" statistical work area, full CSV data file.
 */

/** 104 weekly bands (k up to k+1 weeks) plus the open top band "more than 104 weeks". */
export const RTT_BAND_COUNT = 105;
export const RTT_WEEKLY_BANDS = 104;

export const RTT_PARTS = ['Part_1A', 'Part_1B', 'Part_2', 'Part_2A', 'Part_3'] as const;
export type RttPart = (typeof RTT_PARTS)[number];

/** The parts with week bands (Part_3, new clock starts, has none). */
export const RTT_BANDED_PARTS: readonly RttPart[] = ['Part_1A', 'Part_1B', 'Part_2', 'Part_2A'];

export const RTT_PART_WORDS: Record<RttPart, string> = {
	Part_1A: 'Completed pathways, admitted to hospital',
	Part_1B: 'Completed pathways, not admitted',
	Part_2: 'Patients still waiting at the end of the month',
	Part_2A: 'Patients still waiting, with a decision to admit (part of Part_2)',
	Part_3: 'New clock starts'
};

/** The provider × commissioner × part total row; never add it to the detail rows. */
export const RTT_TOTAL_TREATMENT = 'C_999';
/** Non-English commissioners: NHS England's England figures exclude them. */
export const RTT_NON_ENGLISH_COMMISSIONER = 'NONC';

function bandHeader(k: number): string {
	const from = String(k).padStart(2, '0');
	const to = String(k + 1).padStart(2, '0');
	return `Gt ${from} To ${to} Weeks SUM 1`;
}

/** Header names exactly as published, in order. */
export const RTT_BAND_HEADERS: readonly string[] = [
	...Array.from({ length: RTT_WEEKLY_BANDS }, (_, k) => bandHeader(k)),
	'Gt 104 Weeks SUM 1'
];

export const RTT_KEY_HEADERS = [
	'Period',
	'Provider Parent Org Code',
	'Provider Parent Name',
	'Provider Org Code',
	'Provider Org Name',
	'Commissioner Parent Org Code',
	'Commissioner Parent Name',
	'Commissioner Org Code',
	'Commissioner Org Name',
	'RTT Part Type',
	'RTT Part Description',
	'Treatment Function Code',
	'Treatment Function Name'
] as const;

export const RTT_TOTAL_HEADERS = [
	'Total',
	'Patients with unknown clock start date',
	'Total All'
] as const;

export const RTT_HEADER: readonly string[] = [
	...RTT_KEY_HEADERS,
	...RTT_BAND_HEADERS,
	...RTT_TOTAL_HEADERS
];

/** Column names used inside OpenWaits (snake case, units in the name). */
export const RTT_BAND_COLUMNS: readonly string[] = Array.from(
	{ length: RTT_BAND_COUNT },
	(_, k) => `band_${String(k).padStart(3, '0')}`
);

/** `RTT-January-2026` → `2026-01`; null when the text is not an RTT period. */
export function parseRttPeriod(text: string): string | null {
	const match = /^RTT-([A-Za-z]+)-(\d{4})$/.exec(text.trim());
	if (!match) return null;
	const month = MONTHS.indexOf(match[1].toLowerCase());
	if (month < 0) return null;
	return `${match[2]}-${String(month + 1).padStart(2, '0')}`;
}

export const MONTHS = [
	'january', 'february', 'march', 'april', 'may', 'june',
	'july', 'august', 'september', 'october', 'november', 'december'
];
