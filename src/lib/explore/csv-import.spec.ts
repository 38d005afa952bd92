import { describe, expect, it } from 'vitest';
import { detectEncoding, inferType, normaliseHeaders, sniffDelimiter, tableNameFromFile, decodeSample } from './csv-import';

describe('tableNameFromFile', () => {
	it.each([
		['hostile.csv', [], 'hostile'],
		['My File (2).CSV', [], 'my_file_2'],
		['2026 waits.csv', [], 't_2026_waits'],
		['Café—données.csv', [], 'cafe_donnees'],
		['"; DROP TABLE providers; --.csv', [], 'drop_table_providers'],
		['providers.csv', ['providers'], 'providers_upload'],
		['providers.csv', ['providers', 'providers_upload'], 'providers_upload_2'],
		['.csv', [], 'upload'],
		['C:\\Users\\me\\data.tsv', [], 'data'],
		['RTT-March-2026.csv.gz', [], 'rtt_march_2026'],
		['Full-CSV-data-file-Mar26.zip', [], 'full_csv_data_file_mar26']
	])('%j → %j', (file, taken, expected) => expect(tableNameFromFile(file, taken)).toBe(expected));
});

describe('detectEncoding', () => {
	const enc = (text: string) => new TextEncoder().encode(text);
	it('spots a UTF-8 BOM', () => expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({ encoding: 'utf-8', bom: true }));
	it('accepts plain UTF-8', () => expect(detectEncoding(enc('naïve,£5'))).toMatchObject({ encoding: 'utf-8', bom: false }));
	it('accepts UTF-8 cut mid-character', () => expect(detectEncoding(enc('£').subarray(0, 1))).toMatchObject({ encoding: 'utf-8' }));
	it('falls back to Windows-1252', () => {
		const bytes = Uint8Array.from([0x41, 0xa3, 0x35, 0x2c, 0xac]); // A£5,¬ in Windows-1252
		const guess = detectEncoding(bytes);
		expect(guess.encoding).toBe('windows-1252');
		expect(decodeSample(bytes, guess)).toBe('A£5,¬');
	});
	it('strips the BOM when decoding', () => expect(decodeSample(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf])))).toBe('a'));
});

describe('sniffDelimiter', () => {
	it.each([
		['a,b,c\n1,2,3\n', ','],
		['a;b;c\n1,5;2,5;3\n', ';'],
		['a\tb\n1\t2\n', '\t'],
		['a¬b¬c\n1¬2¬3\n', '¬'],
		['a~b~c\r\n1~2,5~3\r\n', '~'],
		['a|b\n1|2\n', '|'],
		['"x,y";b\n"1,2";3\n', ';'],
		['single\n1\n', ',']
	])('%j → %j', (sample, expected) => expect(sniffDelimiter(sample)).toBe(expected));
});

describe('headers and types', () => {
	it('names empty and duplicate headers', () => expect(normaliseHeaders(['\uFEFFcode', '', 'Code', ' n '])).toEqual(['code', 'column_2', 'Code_2', 'n']));
	it.each([
		[['1', '2', ''], 'INTEGER'],
		[['1.5', '-2', '1e3'], 'DOUBLE'],
		[['0113', '2'], 'VARCHAR'],
		[['true', 'FALSE'], 'BOOLEAN'],
		[['=1+1', '3'], 'VARCHAR'],
		[['', ''], 'VARCHAR'],
		[['3000000000'], 'DOUBLE']
	])('%j → %s', (values, type) => expect(inferType(values)).toBe(type));
});
