/**
 * The row accounting every reader shares: rowsRead = rowsAccepted +
 * rowsRejected, the first few issues kept (each naming file, line and
 * column), and the file's SHA-256 and size for the source report.
 */
import { createHash } from 'node:crypto';
import { MAX_ISSUES_KEPT, type DatasetId, type ReadIssue, type SourceReport } from './types.ts';

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Counts rows and keeps the first few issues, so every reader reports the same way. */
export class ReportBuilder {
	private accepted = 0;
	private rejected = 0;
	private issueCount = 0;
	private readonly issues: ReadIssue[] = [];
	private readonly notes: string[] = [];
	private readonly sha256: string;
	private readonly bytes: number;

	constructor(
		readonly file: string,
		readonly dataset: DatasetId,
		content: Uint8Array
	) {
		this.sha256 = sha256Hex(content);
		this.bytes = content.byteLength;
	}

	accept(): void {
		this.accepted++;
	}

	/** The row is left out; the issue says why. `file` names a member inside an archive. */
	reject(line: number, column: string | null, message: string, file = this.file): void {
		this.rejected++;
		this.issue(line, column, message, file);
	}

	/** Something worth knowing that does not cost the row. */
	issue(line: number, column: string | null, message: string, file = this.file): void {
		this.issueCount++;
		if (this.issues.length < MAX_ISSUES_KEPT) this.issues.push({ file, line, column, message });
	}

	note(text: string): void {
		this.notes.push(text);
	}

	get rowsAccepted(): number {
		return this.accepted;
	}

	finish(period: string | null): SourceReport {
		const notes = [...this.notes];
		if (this.issueCount > this.issues.length) {
			notes.push(`${this.issueCount - this.issues.length} more issues not listed.`);
		}
		return {
			file: this.file,
			dataset: this.dataset,
			sha256: this.sha256,
			bytes: this.bytes,
			period,
			rowsRead: this.accepted + this.rejected,
			rowsAccepted: this.accepted,
			rowsRejected: this.rejected,
			issues: this.issues,
			...(notes.length > 0 ? { note: notes.join(' ') } : {})
		};
	}
}
