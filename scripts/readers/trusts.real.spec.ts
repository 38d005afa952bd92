/** The real ODS etr.csv: every row accepted, and the trusts RTT names are there. */
import { describe, expect, it } from 'vitest';
import { trustsReader, type TrustRow } from './trusts.ts';
import type { ReadResult } from './types.ts';
import { hasSharedData, sharedFile } from './test-support.ts';

describe.skipIf(!hasSharedData)('trusts reader on the real etr.csv', () => {
	it('reads 274 trusts with none rejected', () => {
		const bytes = sharedFile('organisations/etr.csv');
		expect(trustsReader.recognise({ name: 'etr.csv', bytes: bytes.subarray(0, 65536) })).toBe(true);
		const { rows, report } = trustsReader.read('organisations/etr.csv', bytes) as ReadResult<TrustRow>;
		expect(report).toMatchObject({ rowsRead: 274, rowsAccepted: 274, rowsRejected: 0 });
		expect(rows.find((r) => r.code === 'R0A')).toMatchObject({ postcode: 'M13 9WL', openDate: '2017-10-01', closeDate: null });
		expect(rows.find((r) => r.code === 'RRK')?.name).toContain('BIRMINGHAM');
	});
});
