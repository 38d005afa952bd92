/**
 * The council readers for CSV files, and the one place that decides which one a file
 * needs. Like scripts/readers/index.ts, a file is recognised by its first line only.
 */
import type { FileSample } from '../types.ts';
import type { CouncilReadResult } from './types.ts';
import type { DatasetId } from '../types.ts';

export interface CouncilCsvReader {
	dataset: DatasetId;
	/** True when these first bytes are this reader's format. Must not throw. */
	recognise(sample: FileSample): boolean;
	/** Throws ReadError for a file that cannot be read at all; counts rejected rows otherwise. */
	read(name: string, bytes: Uint8Array): CouncilReadResult;
}
