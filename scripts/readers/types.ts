/**
 * What every reader (one per publisher format) has in common.
 * A reader recognises a file by its first bytes (never by its name), reads it,
 * validates each row, and accounts for every row: rowsRead = rowsAccepted + rowsRejected.
 */
import type { DatasetId, ReadIssue, SourceReport } from '../../src/lib/schema/site-data.ts';

export type { DatasetId, ReadIssue, SourceReport };

/** The start of a file, already decompressed where the file was .gz or a CSV inside a .zip. */
export interface FileSample {
	/** Path relative to the input folder, used in every message. */
	name: string;
	/** Up to the first 64 KiB. */
	bytes: Uint8Array;
}

export interface ReadResult<Row> {
	rows: Row[];
	report: SourceReport;
}

export interface Reader<Row> {
	dataset: DatasetId;
	/** True when these first bytes are this reader's format. Must not throw. */
	recognise(sample: FileSample): boolean;
	/**
	 * Read the whole file. `bytes` are the decompressed contents; `name` is used in messages.
	 * Throws ReadError for a file that cannot be read at all (wrong header, empty);
	 * returns rejected rows counted in the report otherwise.
	 */
	read(name: string, bytes: Uint8Array): Promise<ReadResult<Row>> | ReadResult<Row>;
}

/** A problem that stops a whole file being read. Its message names file, line and column. */
export class ReadError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly column: string | null,
		readonly reason: string
	) {
		super(`${file}, line ${line}${column ? `, column "${column}"` : ''}: ${reason}`);
		this.name = 'ReadError';
	}
}

export function issueText(issue: ReadIssue): string {
	return `${issue.file}, line ${issue.line}${issue.column ? `, column "${issue.column}"` : ''}: ${issue.message}`;
}

/** At most this many issues are kept per file in the manifest; all are counted. */
export const MAX_ISSUES_KEPT = 20;
