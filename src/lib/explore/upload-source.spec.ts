import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packingOf, unpackedChunks, type Packing } from './upload-source';

async function unpack(name: string, bytes: Uint8Array, limit?: number): Promise<string> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of unpackedChunks(new Blob([bytes as BlobPart]), name, packingOf(name, bytes), () => {}, limit)) chunks.push(chunk);
	return new TextDecoder().decode(Buffer.concat(chunks));
}

describe('packingOf', () => {
	it.each([
		['a.csv', [0x1f, 0x8b, 8, 0], 'gzip'],
		['a.csv', [0x50, 0x4b, 3, 4], 'zip'],
		['a.csv', [0x50, 0x4b, 5, 6], 'zip'],
		['a.csv.gz', [0x61, 0x2c, 0x62, 0x0a], 'gzip'],
		['A.ZIP', [0x61, 0x2c, 0x62, 0x0a], 'zip'],
		['PK.csv', [0x50, 0x4b, 0x2c, 0x0a], null]
	] as [string, number[], Packing][])('%s starting %j → %s', (name, start, packing) => expect(packingOf(name, Uint8Array.from(start))).toBe(packing));
});

describe('unpackedChunks', () => {
	it('passes plain bytes through and counts what it read', async () => {
		const read: number[] = [];
		const chunks: Uint8Array[] = [];
		for await (const chunk of unpackedChunks(new Blob([strToU8('a,b\n1,2\n')]), 'a.csv', null, (n) => read.push(n))) chunks.push(chunk);
		expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('a,b\n1,2\n');
		expect(read.at(-1)).toBe(8);
	});
	it('stops a small archive that unpacks to more than the limit', async () => {
		const bomb = gzipSync(new Uint8Array(1 << 20).fill(0x2c));
		expect(bomb.length).toBeLessThan(10_000);
		await expect(unpack('bomb.csv.gz', bomb, 100_000)).rejects.toThrow(/^bomb\.csv\.gz holds more than 0 MB once unpacked\./);
		await expect(unpack('bomb.zip', zipSync({ 'x.csv': new Uint8Array(1 << 20).fill(0x2c) }), 100_000)).rejects.toThrow(/^bomb\.zip holds more than/);
		expect((await unpack('bomb.csv.gz', bomb, 2 << 20)).length).toBe(1 << 20);
	});
	it.each([
		['two.zip', zipSync({ 'a.csv': strToU8('a\n1\n'), 'b.tsv': strToU8('b\n2\n') }), 'two.zip is a zip archive holding more than one CSV file (a.csv, b.tsv); unzip it and upload the CSV you want.'],
		['none.zip', zipSync({ 'README.txt': strToU8('hi'), 'sheet.xlsx': strToU8('PK') }), 'none.zip is a zip archive with no CSV file inside (it holds README.txt, sheet.xlsx); unzip it and upload a CSV.'],
		['book.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }), 'book.xlsx is a spreadsheet workbook (ODS or XLSX), not a CSV; open it in a spreadsheet program, save the sheet you want as CSV, and upload that.'],
		['empty.zip', zipSync({}), 'empty.zip is a zip archive with no CSV file inside; unzip it and upload a CSV.'],
		['cut.zip', zipSync({ 'a.csv': strToU8('a,b\n'.repeat(5000)) }).subarray(0, 60), /^cut\.zip is a zip archive that is damaged or cut short/],
		['cut.csv.gz', gzipSync(strToU8('a,b\n'.repeat(5000))).subarray(0, 40), /^cut\.csv\.gz is a gzip file that is damaged or cut short, so it cannot be decompressed \(.+\)\. Download it again\.$/],
		['named.gz', strToU8('a,b\n1,2\n'), /^named\.gz is a gzip file that is damaged or cut short/]
	])('%s is refused', async (name, bytes, message) => {
		await expect(unpack(name, bytes)).rejects.toThrow(message);
	});
});
