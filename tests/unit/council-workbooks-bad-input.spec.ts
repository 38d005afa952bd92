/**
 * The council workbook cases of the bad-input corpus, run through the workbook readers
 * directly (the whole-pipeline test, tests/unit/bad-input.spec.ts, needs them wired in).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES_DIR } from '../fixtures/bad/make-corpus.ts';
import { CASES } from '../fixtures/bad/cases.ts';
import { badCouncilWorkbooks } from '../fixtures/bad/council-workbooks.ts';
import { workbookSample } from '../../scripts/lib/spreadsheet/workbook.ts';
import { WORKBOOK_COUNCIL_READERS } from '../../scripts/readers/council/workbooks.ts';
import { issueText } from '../../scripts/readers/types.ts';

function readDirectly(file: string, bytes: Uint8Array) {
	try {
		const sample = workbookSample(file, bytes);
		const reader = sample && WORKBOOK_COUNCIL_READERS.find((r) => r.recognise(sample));
		if (!reader) return { ignored: true };
		const { report } = reader.read(file, bytes);
		const { file: f, dataset, rowsRead, rowsAccepted, rowsRejected } = report;
		return { sources: [{ file: f, dataset, rowsRead, rowsAccepted, rowsRejected }], ...(report.issues[0] ? { firstIssue: issueText(report.issues[0]) } : {}) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

describe('council workbook cases of the bad-input corpus', () => {
	const made = badCouncilWorkbooks(20260501);

	it.each([...made.keys()])('%s: the committed file is the one make-corpus writes, and the reader does what cases.ts expects', (file) => {
		const committed = new Uint8Array(readFileSync(join(FILES_DIR, file)));
		expect(Buffer.compare(committed, made.get(file)!)).toBe(0);
		const expected = CASES.find((c) => c.file === file)?.expect;
		expect(expected).toBeDefined();
		expect(readDirectly(file, committed)).toEqual(expected);
	});
});
