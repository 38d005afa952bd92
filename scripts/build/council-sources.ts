/**
 * Which council reader takes a file: the CSV readers by their header, the workbook
 * readers (ODS/XLSX) by their sheet names. The build keeps what they return, with the
 * file's name, for the council stage (council.ts).
 */
import type { DatasetId, SourceReport } from '../../src/lib/schema/site-data.ts';
import type { CouncilReadResult, WorkbookSample } from '../readers/council/types.ts';
import { recogniseCouncilCsv } from '../readers/council/index.ts';
import { WORKBOOK_COUNCIL_READERS } from '../readers/council/workbooks.ts';
import { workbookSample } from '../lib/spreadsheet/workbook.ts';
import { ReadError } from '../readers/types.ts';
import type { CouncilSource } from './council.ts';

export interface CouncilWorkbookReader {
	dataset: DatasetId;
	recognise(sample: WorkbookSample): boolean;
	read(name: string, bytes: Uint8Array): CouncilReadResult | Promise<CouncilReadResult>;
}

/** The workbook readers (Defra waste and fly-tipping, Ofsted, ASCOF). */
export const WORKBOOK_READERS: readonly CouncilWorkbookReader[] = WORKBOOK_COUNCIL_READERS;

/** Reads a workbook with the reader that knows it; null when none does (the file is listed as ignored). */
export async function readCouncilWorkbook(name: string, bytes: Uint8Array, readers = WORKBOOK_READERS): Promise<CouncilReadResult | null> {
	if (readers.length === 0) return null;
	const sample = workbookSample(name, bytes);
	if (!sample) throw new ReadError(name, 1, null, 'is named as a spreadsheet but is not an ODS or XLSX workbook (no workbook inside the zip).');
	const reader = readers.find((r) => r.recognise(sample));
	return reader ? reader.read(name, bytes) : null;
}

/** Reads a CSV with the council reader that knows its header; null when none does. */
export function readCouncilCsv(name: string, sample: Uint8Array, bytes: () => Promise<Uint8Array>): Promise<CouncilReadResult | null> | null {
	const reader = recogniseCouncilCsv({ name, bytes: sample });
	if (!reader) return null;
	return bytes().then((b) => reader.read(name, b));
}

/** Keeps the result for the council stage and hands back its report, with the file's hash and size. */
export function keepCouncilResult(sources: CouncilSource[], name: string, result: CouncilReadResult, sha256: string, size: number): SourceReport {
	sources.push({ file: name, result });
	return { ...result.report, file: name, sha256, bytes: size };
}
