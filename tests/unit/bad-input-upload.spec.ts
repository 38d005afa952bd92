/**
 * The bad-input corpus (tests/fixtures/bad) through the /explore CSV upload: each
 * file goes through readUpload, the very function the upload's worker runs, and
 * gives exactly the outcome in upload-cases.ts. Every outcome follows issue #7's
 * rules: a clear error naming the file, or a table whose rows read = accepted +
 * rejected, with every problem naming its line and its column. Rows read are
 * counted here independently (PapaParse over the whole text at once), and the
 * Arrow stream handed to DuckDB is opened to check it holds the accepted rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { gunzipSync, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CASES } from '../fixtures/bad/cases.ts';
import { UPLOAD_CASES, type UploadExpectation } from '../fixtures/bad/upload-cases.ts';
import { FILES_DIR } from '../fixtures/bad/make-corpus.ts';
import { DELIMITER_NAMES, MAX_LISTED_PROBLEMS } from '../../src/lib/explore/csv-import.ts';
import { readUpload, type UploadOutcome } from '../../src/lib/explore/read-upload.ts';

function upload(name: string, bytes: Uint8Array): Promise<UploadOutcome> {
	return readUpload(new Blob([bytes as BlobPart]), name);
}

const bytesOf = (file: string) => new Uint8Array(readFileSync(join(FILES_DIR, file)));

/** The outcome in the table's terms: the first problem only, as upload-cases.ts records it. */
function asExpectation(outcome: UploadOutcome): UploadExpectation {
	if (!outcome.ok) return { error: outcome.error };
	const table = {
		encoding: outcome.encoding,
		delimiter: DELIMITER_NAMES[outcome.delimiter],
		...(outcome.packing ? { packing: outcome.packing } : {}),
		columns: outcome.headers.length,
		rowsRead: outcome.rowsRead,
		rowsAccepted: outcome.rowCount,
		rowsRejected: outcome.problemCount
	};
	return outcome.problems.length ? { table, firstProblem: outcome.problems[0] } : { table };
}

/** The CSV text a file holds (unpacked): UTF-8 if it is valid UTF-8, else Windows-1252. */
function textOf(file: string): string {
	let bytes = bytesOf(file);
	if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
	if (file.endsWith('.zip')) bytes = Object.entries(unzipSync(bytes)).find(([name]) => name.endsWith('.csv'))![1];
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** Records after the header that are not blank, from one parse of the whole text. */
function recordsAfterHeader(text: string, delimiter: string): number {
	return Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false }).data.slice(1).filter((cells) => !(cells.length === 1 && cells[0].trim() === '')).length;
}

describe('the upload table covers the corpus', () => {
	it('has one expected outcome for every corpus file, and no other', () => {
		const files = readdirSync(FILES_DIR).sort();
		expect(Object.keys(UPLOAD_CASES).sort()).toEqual(files);
		expect(CASES.map((c) => c.file).sort()).toEqual(files);
	});
});

describe('each corpus file uploaded in /explore', () => {
	for (const { file, what } of CASES) {
		it(`${file} (${what})`, async () => {
			expect(asExpectation(await upload(file, bytesOf(file)))).toEqual(UPLOAD_CASES[file]);
		});
	}
});

describe('issue #7 rules, on every case', () => {
	for (const { file } of CASES) {
		it(`${file}: a clear error, or rows read = accepted + rejected with each problem placed`, async () => {
			const outcome = await upload(file, bytesOf(file));
			if (!outcome.ok) {
				expect(outcome.error).toContain(file);
				expect(outcome.error).toMatch(/\.$/);
				return;
			}
			const text = textOf(file);
			expect(recordsAfterHeader(text, outcome.delimiter)).toBe(outcome.rowsRead);
			expect(outcome.rowCount).toBeGreaterThan(0);
			expect(outcome.rowsRead).toBe(outcome.rowCount + outcome.problemCount);
			expect(outcome.problems.length).toBe(Math.min(outcome.problemCount, MAX_LISTED_PROBLEMS));
			const lastLine = text.split(/\r\n|\n|\r/).length;
			for (const problem of outcome.problems) {
				expect(problem.line).toBeGreaterThanOrEqual(2);
				expect(problem.line).toBeLessThanOrEqual(lastLine);
				expect(outcome.headers).toContain(problem.column);
				expect(problem.reason.length).toBeGreaterThan(10);
			}
			const table = tableFromIPC(outcome.ipc);
			expect(table.numRows).toBe(outcome.rowCount);
			expect(table.schema.fields.map((f) => f.name)).toEqual(outcome.headers);
		});
	}
});

describe('the same rules hold for small hand-made uploads', () => {
	const encoder = new TextEncoder();
	const cases: [string, string, UploadExpectation][] = [
		['blank-lines.csv', 'a,b\r\n1,2\r\n\r\n3,4\r\n', { table: { encoding: 'UTF-8', delimiter: 'comma', columns: 2, rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 } }],
		[
			'type-change.csv',
			`n,label\n${'1,x\n'.repeat(1000)}oops,y\n`,
			{
				table: { encoding: 'UTF-8', delimiter: 'comma', columns: 2, rowsRead: 1001, rowsAccepted: 1000, rowsRejected: 1 },
				firstProblem: { line: 1002, column: 'n', reason: 'expected a whole number (as in the first rows), found "oops"' }
			}
		],
		[
			'quoted-line-breaks.csv',
			'code|note\nA|"two\nlines"\nB|"x"y"\nC|ok\n',
			{
				table: { encoding: 'UTF-8', delimiter: 'vertical bar (|)', columns: 2, rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 },
				firstProblem: { line: 4, column: 'note', reason: 'a quoted value has a stray quote (") inside it; a quote inside a quoted value must be doubled ("")' }
			}
		],
		['header-only.csv', 'a;b;c\n', { error: 'No rows could be read from header-only.csv: it has a header line but no rows under it.' }],
		[
			'all-bad.csv',
			'a,b,c\n1\n2\n',
			{ error: 'No rows could be read from all-bad.csv: every one of its 2 rows has a problem (the first: line 2, column "b": has 1 field but the header has 3: the row stops before this column).' }
		],
		['utf16.csv', '\ufeffa,b\n1,2\n', { error: 'utf16.csv is saved as UTF-16 (little-endian). Save it as CSV UTF-8 and try again.' }]
	];
	for (const [name, text, expected] of cases) {
		it(name, async () => {
			const bytes = name === 'utf16.csv' ? new Uint8Array([0xff, 0xfe, ...[...text.slice(1)].flatMap((c) => [c.charCodeAt(0), 0])]) : encoder.encode(text);
			expect(asExpectation(await upload(name, bytes))).toEqual(expected);
		});
	}
});
