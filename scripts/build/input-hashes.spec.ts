import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputHashes } from './input-hashes.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** An input folder with one file, a cache folder, and the hashes as a first build leaves them. */
async function kept(text = 'month one') {
	const root = mkdtempSync(join(tmpdir(), 'input-hashes-'));
	const file = join(root, 'rtt.csv');
	writeFileSync(file, text);
	const hashes = await InputHashes.open(root);
	expect(await hashes.sha256(file)).toBe(sha(text));
	await hashes.save();
	return { root, file };
}

/** Rewrites the kept hash of `file` to a marker: a build that trusts the kept hash returns the marker. */
function markKept(root: string, file: string) {
	const path = join(root, '.input-hashes.json');
	const saved = JSON.parse(readFileSync(path, 'utf8'));
	saved.files[file].sha256 = 'kept';
	writeFileSync(path, JSON.stringify(saved));
}

describe('input hashes kept between builds', () => {
	it('keeps the hash of an unchanged file and does not read it again', async () => {
		const { root, file } = await kept();
		markKept(root, file);
		expect(await (await InputHashes.open(root)).sha256(file)).toBe('kept');
	});

	const changes: [string, (file: string) => void][] = [
		['its contents (and size) changed', (file) => writeFileSync(file, 'month one, revised')],
		['its contents changed, same size, its time set back', (file) => {
			writeFileSync(file, 'month two');
			utimesSync(file, new Date(0), new Date(0));
		}],
		['it was replaced by another file (another inode)', (file) => {
			writeFileSync(`${file}.new`, 'month one');
			renameSync(`${file}.new`, file);
		}]
	];
	for (const [name, change] of changes) {
		it(`hashes a file again when ${name}`, async () => {
			const { root, file } = await kept();
			markKept(root, file);
			change(file);
			expect(await (await InputHashes.open(root)).sha256(file)).toBe(sha(readFileSync(file, 'utf8')));
		});
	}

	it('hashes a file once per build, however often asked (a zip and its entries)', async () => {
		const { root, file } = await kept();
		writeFileSync(file, 'month one, revised');
		const hashes = await InputHashes.open(root);
		const [first, second] = await Promise.all([hashes.sha256(file), hashes.sha256(file)]);
		writeFileSync(file, 'month one, revised again');
		expect([first, second, await hashes.sha256(file)]).toEqual(Array(3).fill(sha('month one, revised')));
	});

	it('hashes every file when the kept hashes are damaged or of another format', async () => {
		for (const text of ['{not json', JSON.stringify({ format: 0, files: {} })]) {
			const { root, file } = await kept();
			writeFileSync(join(root, '.input-hashes.json'), text);
			expect(await (await InputHashes.open(root)).sha256(file)).toBe(sha('month one'));
		}
	});

	it('forgets files a build no longer asks for, and writes nothing when nothing changed', async () => {
		const { root, file } = await kept();
		const other = join(root, 'other.csv');
		writeFileSync(other, 'other');
		const both = await InputHashes.open(root);
		await both.sha256(file);
		await both.sha256(other);
		await both.save();
		expect(Object.keys(JSON.parse(readFileSync(join(root, '.input-hashes.json'), 'utf8')).files).sort()).toEqual([file, other].sort());
		const one = await InputHashes.open(root);
		await one.sha256(other);
		await one.save();
		expect(Object.keys(JSON.parse(readFileSync(join(root, '.input-hashes.json'), 'utf8')).files)).toEqual([other]);
		const before = readFileSync(join(root, '.input-hashes.json'), 'utf8');
		markKept(root, other);
		const same = await InputHashes.open(root);
		await same.sha256(other);
		await same.save();
		expect(readFileSync(join(root, '.input-hashes.json'), 'utf8')).not.toBe(before); // the marker is still there: not rewritten
	});

	it('works without a cache folder: hashes, and saving fails without harm to the hash', async () => {
		const { file } = await kept();
		const hashes = await InputHashes.open(join(tmpdir(), 'no-such-folder-input-hashes'));
		expect(await hashes.sha256(file)).toBe(sha('month one'));
		await expect(hashes.save()).rejects.toThrow();
		expect(existsSync(join(tmpdir(), 'no-such-folder-input-hashes'))).toBe(false);
	});
});
