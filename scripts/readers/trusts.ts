/**
 * ODS "etr" extract: every NHS trust in England, one quoted CSV line each, no header
 * (the ODS standard layout, ods-layout.ts). We need the code (it matches
 * `Provider Org Code` in RTT), the name, and the headquarters address/postcode,
 * used to place a trust when no hospital site is known.
 */
import type { Reader, ReadResult } from './types.ts';
import { odsKind, readOdsRows } from './ods-layout.ts';

export interface TrustRow {
	code: string;
	name: string;
	nationalGrouping: string;
	healthGeography: string;
	/** Non-empty address lines 1–5, joined with ", ", as published (capitals). */
	address: string;
	postcode: string;
	openDate: string; // 'YYYY-MM-DD'
	closeDate: string | null; // null while the trust is open
}

function read(name: string, bytes: Uint8Array): ReadResult<TrustRow> {
	const { rows, report } = readOdsRows(name, bytes, 'trusts', 'trust');
	return { rows: rows.map(({ parentCode: _p, phone: _t, ...trust }) => trust), report };
}

export const trustsReader: Reader<TrustRow> = {
	dataset: 'trusts',
	recognise: (sample) => odsKind(sample.bytes) === 'trusts',
	read
};
