/**
 * Which council reader takes a file: the CSV readers by their header, the workbook
 * readers (ODS/XLSX) by their sheet names. The build keeps what they return, with the
 * file's name, for the council stage (council.ts).
 */
import { unzipSync } from 'fflate';
import type { DatasetId, SourceReport } from '../../src/lib/schema/site-data.ts';
import type { CouncilReadResult, WorkbookSample } from '../readers/council/types.ts';
import { recogniseCouncilCsv } from '../readers/council/index.ts';
import { ReadError } from '../readers/types.ts';
import type { CouncilSource } from './council.ts';

export interface CouncilWorkbookReader {
	dataset: DatasetId;
	recognise(sample: WorkbookSample): boolean;
	read(name: string, bytes: Uint8Array): CouncilReadResult | Promise<CouncilReadResult>;
}

/**
 * The workbook readers (Defra waste and fly-tipping, Ofsted, ASCOF). When
 * scripts/readers/council/workbooks.ts lands, this line becomes
 * `export { WORKBOOK_COUNCIL_READERS as WORKBOOK_READERS } from '../readers/council/workbooks.ts';`
 */
export const WORKBOOK_READERS: readonly CouncilWorkbookReader[] = [];

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]);

/** A workbook's format and sheet names, without reading its cells; null when it is not an ODS or XLSX. */
export function workbookSample(name: string, bytes: Uint8Array): WorkbookSample | null {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'content.xml' });
	} catch {
		return null;
	}
	const text = (entry: string) => new TextDecoder().decode(entries[entry]);
	if (entries['xl/workbook.xml']) {
		return { name, format: 'xlsx', sheetNames: [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1])) };
	}
	if (entries['content.xml']) {
		return { name, format: 'ods', sheetNames: [...text('content.xml').matchAll(/<table:table\b[^>]*\btable:name="([^"]*)"/g)].map((m) => unescapeXml(m[1])) };
	}
	return null;
}

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
