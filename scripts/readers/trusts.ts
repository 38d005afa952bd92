/**
 * ODS "etr" extract: every NHS trust in England, one quoted CSV line each, no header
 * (the ODS standard layout, ods-layout.ts). We need the code (it matches
 * `Provider Org Code` in RTT), the name, and the headquarters address/postcode,
 * used to place a trust when no hospital site is known.
 */
import type { Reader, ReadResult } from './types.ts';
import { odsKind, readOdsRows, type OdsRow } from './ods-layout.ts';

/** A trust: the ODS row without the fields only sites use. */
export type TrustRow = Omit<OdsRow, 'parentCode' | 'phone'>;

function read(name: string, bytes: Uint8Array): ReadResult<TrustRow> {
	const { rows, report } = readOdsRows(name, bytes, 'trusts', 'etr', 'trust');
	return { rows: rows.map(({ parentCode: _p, phone: _t, ...trust }) => trust), report };
}

export const trustsReader: Reader<TrustRow> = {
	dataset: 'trusts',
	recognise: (sample) => odsKind(sample.bytes) === 'trusts',
	read
};
