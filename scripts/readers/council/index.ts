/** Every council CSV reader (issue #12); the workbook readers live in workbooks.ts. */
import type { FileSample } from '../types.ts';
import type { CouncilCsvReader } from './csv-reader.ts';
import { dfeCinReader, dfeCppReader, dfeWorkforceReader } from './dfe-wide.ts';
import { dfeClaReader } from './dfe-cla.ts';
import { onsClustersReader, onsNeighboursReader } from './peers-ons.ts';
import { dfeNeighboursReader } from './peers-dfe.ts';

export type { CouncilCsvReader };

export const CSV_COUNCIL_READERS: readonly CouncilCsvReader[] = [
	dfeCinReader,
	dfeCppReader,
	dfeWorkforceReader,
	dfeClaReader,
	dfeNeighboursReader,
	onsClustersReader,
	onsNeighboursReader
];

export function recogniseCouncilCsv(sample: FileSample): CouncilCsvReader | null {
	return CSV_COUNCIL_READERS.find((r) => r.recognise(sample)) ?? null;
}
