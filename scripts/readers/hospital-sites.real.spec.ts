/** The two real hospital-list vintages in the shared folder, against the README's counts. */
import { describe, expect, it } from 'vitest';
import { hospitalSitesReader, type HospitalSiteRow } from './hospital-sites.ts';
import type { ReadResult } from './types.ts';
import { hasSharedData, sharedFile } from './test-support.ts';

const vintages = [
	{ file: 'Hospital_2018_TheRealMolen.csv', rows: 1234, nhs: 773, parents: 283, noCoordinates: 1 },
	{ file: 'Hospital_2020_Voronoi_tilde.csv', rows: 1216, nhs: 759, parents: 281, noCoordinates: 2 },
	{ file: 'Hospital_2023_MedMap2.csv', rows: 1211, nhs: 743, parents: 276, noCoordinates: null }
];

describe.skipIf(!hasSharedData)('hospital sites reader on the real files', () => {
	it.each(vintages)('$file', ({ file, rows: count, nhs, parents, noCoordinates }) => {
		let bytes: Uint8Array;
		try {
			bytes = sharedFile(`organisations/hospital-sites/${file}`);
		} catch {
			return; // the 2023 vintage is described in the README but not in the folder
		}
		expect(hospitalSitesReader.recognise({ name: file, bytes: bytes.subarray(0, 65536) })).toBe(true);
		const { rows, report } = hospitalSitesReader.read(file, bytes) as ReadResult<HospitalSiteRow>;
		expect(report).toMatchObject({ rowsRead: count, rowsAccepted: count, rowsRejected: 0 });
		const nhsRows = rows.filter((r) => r.sector === 'nhs');
		expect(nhsRows).toHaveLength(nhs);
		expect(new Set(nhsRows.map((r) => r.parentCode)).size).toBe(parents);
		if (noCoordinates !== null) expect(rows.filter((r) => r.lat === null)).toHaveLength(noCoordinates);
		expect(rows.some((r) => r.parentCode === 'RRK')).toBe(true);
		// No mojibake: Windows-1252 quotes decode to real characters.
		expect(rows.some((r) => /[\x80-\x9f\ufffd]/.test(r.name + r.address))).toBe(false);
	});
});
