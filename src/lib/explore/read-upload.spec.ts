import { tableFromIPC } from 'apache-arrow';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from './csv-import';
import { CHUNK_CHARS, MAX_RECORD_CHARS, readUpload, type UploadOutcome } from './read-upload';

const upload = (name: string, bytes: Uint8Array | string) => readUpload(new Blob([(typeof bytes === 'string' ? strToU8(bytes) : bytes) as BlobPart]), name);

function ok(outcome: UploadOutcome) {
	if (!outcome.ok) throw new Error(`expected a table, got: ${outcome.error}`);
	return outcome;
}

/** A CSV of `rows` rows whose every 7th value holds a line break, so records cross PapaParse's chunks at odd places. */
function bigCsv(rows: number): { text: string; badLine: number } {
	const lines = ['code,note,n'];
	let line = 2;
	let badLine = 0;
	for (let i = 0; i < rows; i++) {
		if (i === rows - 10) {
			badLine = line;
			lines.push(`R${i},"short row"`);
			line++;
			continue;
		}
		const note = i % 7 === 0 ? `"line one, ""quoted""\r\nline two ${'x'.repeat(i % 50)}"` : `plain £${i}`;
		lines.push(`R${i},${note},${i}`);
		line += i % 7 === 0 ? 2 : 1;
	}
	return { text: lines.join('\r\n') + '\r\n', badLine };
}

describe('readUpload', () => {
	it('reads a file of several chunks as one, line numbers and all', async () => {
		const { text, badLine } = bigCsv(100_000);
		expect(text.length).toBeGreaterThan(3 * CHUNK_CHARS);
		const progress: number[] = [];
		// In parts, as a browser streams a file (Node streams a Blob part by part), cut anywhere, even inside a character.
		const bytes = strToU8(text);
		const parts = Array.from({ length: Math.ceil(bytes.length / 65_531) }, (_, i) => bytes.subarray(i * 65_531, (i + 1) * 65_531));
		const outcome = ok(await readUpload(new Blob(parts), 'big.csv', { progress: (p) => progress.push(p) }));
		expect(outcome).toMatchObject({ rowsRead: 100_000, rowCount: 99_999, problemCount: 1, types: ['VARCHAR', 'VARCHAR', 'INTEGER'] });
		expect(outcome.problems).toEqual([{ line: badLine, column: 'n', reason: 'has 2 fields but the header has 3: the row stops before this column' }]);
		expect(progress.length).toBe(Math.floor(text.length / CHUNK_CHARS) + 1);
		expect(progress).toEqual([...progress].sort((x, y) => x - y));
		expect(progress.at(-1)).toBe(1);
		const table = tableFromIPC(outcome.ipc);
		expect(table.numRows).toBe(99_999);
		expect(table.getChild('note')!.get(7)).toBe('line one, "quoted"\r\nline two xxxxxxx');
		expect(table.getChild('n')!.get(99_998)).toBe(99_999);
	});

	it('decompresses a gzip, by its first bytes whatever its name', async () => {
		const gz = gzipSync(strToU8('code;value\nRX1;1,5\nRX2;2\n'));
		for (const name of ['waits.csv.gz', 'waits.csv']) {
			const outcome = ok(await upload(name, gz));
			expect(outcome).toMatchObject({ packing: 'gzip', delimiter: ';', rowsRead: 2, rowCount: 2, headers: ['code', 'value'] });
		}
	});

	it('reads the one CSV in a zip, leaving out what macOS adds', async () => {
		const zip = zipSync({ 'data/': new Uint8Array(), '__MACOSX/data/._waits.csv': strToU8('junk'), 'data/waits.csv': strToU8('a,b\n1,2\n'), 'README.txt': strToU8('read me') });
		expect(ok(await upload('waits.zip', zip))).toMatchObject({ packing: 'zip', rowsRead: 1, headers: ['a', 'b'] });
	});

	it.each([
		['too-big.csv', { size: MAX_UPLOAD_BYTES + 1 } as Blob, /^too-big\.csv is 200 MB\. Files up to 200 MB can be loaded here/],
		['not-utf8-later.csv', new Blob([strToU8(`a,b\n${'1,2\n'.repeat(20_000)}`), Uint8Array.from([0x33, 0x2c, 0xa3, 0x0a])]), /^not-utf8-later\.csv is not valid UTF-8 text after its first 64 KB \(around line \d+\)\. Save it as CSV UTF-8/],
		['no-end.csv', new Blob([strToU8(`a,b\n1,"${'x'.repeat(MAX_RECORD_CHARS + CHUNK_CHARS)}`)]), /^no-end\.csv, line 2: the row that starts on this line runs on for more than 16 MB without ending; a closing quote/],
		['page.csv', new Blob([strToU8('\uFEFF  <!DOCTYPE html><title>Sign in</title>')]), /^page\.csv: this looks like a web page, not a CSV/]
	])('%s is refused with a reason', async (name, blob, message) => {
		const outcome = await readUpload(blob, name);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.error).toMatch(message);
	});
});
