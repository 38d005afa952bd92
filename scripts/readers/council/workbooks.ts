/** The council readers that read workbooks (.ods, .xlsx): each recognises a WorkbookSample by its sheets and headers. */
import type { DatasetId } from '../types.ts';
import type { CouncilReadResult, WorkbookSample } from './types.ts';
import { ascofReader } from './ascof.ts';
import { defraWasteReader } from './defra-waste.ts';
import { flyTippingReader } from './fly-tipping.ts';
import { ofstedReader } from './ofsted.ts';

export interface WorkbookCouncilReader {
	dataset: DatasetId;
	/** By sheet names and the header rows the sample shows; never throws. */
	recognise(sample: WorkbookSample): boolean;
	/** Throws ReadError for a workbook it cannot read at all; rejected rows are counted in the report. */
	read(name: string, bytes: Uint8Array): CouncilReadResult;
}

export const WORKBOOK_COUNCIL_READERS: readonly WorkbookCouncilReader[] = [defraWasteReader, flyTippingReader, ofstedReader, ascofReader];
