import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { discoverSources, openZip, SAMPLE_BYTES } from './source-files.ts';
import { zipEntries } from './zip.ts';

const root = mkdtempSync(join(tmpdir(), 'source-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const month = strToU8(`Period,Provider Org Code\n${'RTT-January-2026,R0A\n'.repeat(10_000)}`);
const good = zipSync({ 'month.csv': [month, { level: 6 }], 'notes/': new Uint8Array(), '__MACOSX/._month.csv': strToU8('fork'), '.DS_Store': strToU8('x') });

/** `zip` with the 32-bit field `fromEnd` bytes before its end set to `value`. */
function patchedEnd(zip: Uint8Array, fromEnd: number, value: number): Uint8Array {
	const copy = zip.slice();
	new DataView(copy.buffer).setUint32(copy.length - fromEnd, value, true);
	return copy;
}

/** A folder holding just `bytes` as `name`. */
function folderWith(name: string, bytes: Uint8Array): string {
	const dir = mkdtempSync(join(root, 'in-'));
	writeFileSync(join(dir, name), bytes);
	return dir;
}

describe('discoverSources on zips (read by position)', () => {
	it('samples each useful entry and skips folders and macOS clutter', async () => {
		const { files, problems } = await discoverSources(folderWith('m.zip', good));
		expect(problems).toEqual([]);
		expect(files.map((f) => [f.name, f.entry, f.container, f.bytes])).toEqual([['m.zip!month.csv', 'month.csv', 'zip', good.length]]);
		expect(text(files[0].sample)).toBe(text(month.subarray(0, SAMPLE_BYTES)));
	});

	it('takes a Code-Point archive whole from its names alone', async () => {
		const zip = zipSync({ 'codepo_gb/Data/CSV/ab.csv': strToU8('"AB1 0AA",10\n'), 'codepo_gb/Doc/readme.txt': strToU8('x') });
		const { files } = await discoverSources(folderWith('codepo.zip', zip));
		expect(files.map((f) => [f.name, f.entry, f.sample.length])).toEqual([['codepo.zip', null, 0]]);
	});

	it.each([
		['an empty zip', zipSync({}), 'e.zip, line 0: the zip holds no data file.'],
		['only a folder and a resource fork', zipSync({ 'docs/': new Uint8Array(), '__MACOSX/._a.csv': strToU8('junk') }), 'e.zip, line 0: the zip holds no data file.'],
		['an empty file', new Uint8Array(), 'e.zip, line 0: the file could not be opened (not a zip archive, or one cut short (no central directory)).'],
		['a zip cut short', good.subarray(0, 200), 'e.zip, line 0: the file could not be opened (not a zip archive, or one cut short (no central directory)).'],
		['a directory said to start past the end', patchedEnd(good, 6, good.length * 2), 'e.zip, line 0: the file could not be opened (the zip is cut short (the central directory runs past the end)).'],
		['a directory said to start at the first entry', patchedEnd(good, 6, 0), "e.zip, line 0: the file could not be opened (the zip's central directory is damaged)."],
		['zip64 markers', patchedEnd(good, 6, 0xffffffff), 'e.zip, line 0: the file could not be opened (zip64 archives (over 4 GB or 65,535 files) are not supported).'],
		['a local header that is not one', (() => { const z = good.slice(); z[0] = 0; return z; })(), 'e.zip, line 0: the file could not be opened (the header of month.csv is damaged).']
	])('%s: the same message as reading the zip whole', async (_, zip, message) => {
		const { files, problems } = await discoverSources(folderWith('e.zip', zip));
		expect(files).toEqual([]);
		expect(problems.map((p) => p.message)).toEqual([message]);
	});

	it('keeps the entries sampled before a damaged one', async () => {
		const two = zipSync({ 'a.csv': strToU8('a,b\n1,2\n'), 'b.csv': strToU8('c,d\n3,4\n') });
		const broken = two.slice();
		broken[zipEntries(two)[1].headerOffset] = 0;
		const { files, problems } = await discoverSources(folderWith('t.zip', broken));
		expect(files.map((f) => [f.name, text(f.sample)])).toEqual([['t.zip!a.csv', 'a,b\n1,2\n']]);
		expect(problems.map((p) => p.message)).toEqual(['t.zip, line 0: the file could not be opened (the header of b.csv is damaged).']);
	});
});

describe('discoverSources on a folder of many files', () => {
	it('lists files, problems and ignored names in the folder\'s order, however many are sampled at once', async () => {
		const dir = mkdtempSync(join(root, 'many-'));
		const big = strToU8(`x,y\n${'1,2\n'.repeat(200_000)}`); // slower to sample than the plain files around it
		const names: string[] = [];
		for (let i = 0; i < 24; i++) {
			const stem = `f${String(i).padStart(2, '0')}`;
			const kind = i % 4;
			if (kind === 0) writeFileSync(join(dir, `${stem}.zip`), zipSync({ 'a.csv': [big, { level: 9 }], 'b.csv': strToU8(`${stem},b\n`) }));
			if (kind === 1) writeFileSync(join(dir, `${stem}.csv`), strToU8(`${stem},plain\n`));
			if (kind === 2) writeFileSync(join(dir, `${stem}.pdf`), strToU8('%PDF'));
			if (kind === 3) writeFileSync(join(dir, `${stem}.zip`), strToU8('not a zip'));
			names.push(stem);
		}
		const { files, problems, ignored } = await discoverSources(dir);
		const stems = (kind: number) => names.filter((_, i) => i % 4 === kind);
		expect(files.map((f) => f.name)).toEqual(names.flatMap((stem, i) => (i % 4 === 0 ? [`${stem}.zip!a.csv`, `${stem}.zip!b.csv`] : i % 4 === 1 ? [`${stem}.csv`] : [])));
		expect(files.filter((f) => f.name.endsWith('b.csv') || f.container === 'plain').map((f) => text(f.sample))).toEqual(
			names.flatMap((stem, i) => (i % 4 === 0 ? [`${stem},b\n`] : i % 4 === 1 ? [`${stem},plain\n`] : []))
		);
		expect(ignored).toEqual(stems(2).map((stem) => `${stem}.pdf`));
		expect(problems.map((p) => p.message.split(',')[0])).toEqual(stems(3).map((stem) => `${stem}.zip`));
	});
});

describe('openZip', () => {
	it('lists the directory and closes the file when asked', async () => {
		const dir = folderWith('m.zip', good);
		const zip = await openZip(join(dir, 'm.zip'), good.length);
		expect(zip.listed.map((e) => e.name)).toEqual(['month.csv', 'notes/', '__MACOSX/._month.csv', '.DS_Store']);
		await zip.close();
	});

	it('refuses a zip that shrank after its size was taken, rather than reading past its end', async () => {
		const dir = folderWith('m.zip', good);
		await expect(openZip(join(dir, 'm.zip'), good.length + 100)).rejects.toThrow('the zip changed while it was being read');
	});

	it('refuses a file that is not a zip with the plain reason', async () => {
		const dir = folderWith('x.zip', strToU8('a,b\n'));
		await expect(openZip(join(dir, 'x.zip'), 4)).rejects.toThrow('not a zip archive, or one cut short (no central directory)');
	});
});
