import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, MonthCache, placeFiles, pruneOtherCode } from './month-cache.ts';

const CODE_1 = '1'.repeat(64);
const CODE_2 = '2'.repeat(64);
const key = cacheKey(CODE_1, 'a'.repeat(64));

/** An entry with a result and two files, one in a sub-folder as the month's site files are. */
async function filled(root: string) {
	const cache = new MonthCache(root);
	const entry = await cache.put(key, async (dir) => {
		await mkdir(join(dir, 'files/tables'), { recursive: true });
		await writeFile(join(dir, 'summary.parquet'), 'summary rows');
		await writeFile(join(dir, 'files/tables/month.arrow.gz'), 'month table');
		return { period: '2026-04', rows: 3 };
	});
	return { cache, entry };
}

describe('month cache', () => {
	it('keys by code and input: either changing gives another entry', () => {
		const keys = [cacheKey(CODE_1, 'a'.repeat(64)), cacheKey(CODE_2, 'a'.repeat(64)), cacheKey(CODE_1, 'b'.repeat(64))];
		expect(new Set(keys).size).toBe(3);
		for (const k of keys) expect(k).toMatch(/^[0-9a-f]{16}-[0-9a-f]{64}$/);
	});

	it('gives back what was put, with every file listed by size and SHA-256', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { cache, entry } = await filled(root);
		expect(entry.result).toEqual({ period: '2026-04', rows: 3 });
		expect(entry.files.map((f) => [f.path, f.bytes])).toEqual([['files/tables/month.arrow.gz', 11], ['summary.parquet', 12]]);
		const again = await cache.get<{ period: string }>(key, () => {});
		expect(again?.result).toEqual(entry.result);
		expect(await cache.get(cacheKey(CODE_2, 'a'.repeat(64)), () => {})).toBeNull();
		// Nothing of the half-built folder is left beside the entry.
		expect(existsSync(join(root, key, 'entry.json'))).toBe(true);
	});

	it('hands an entry checked ahead (prefetch) to the next get once; later gets check again', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { cache, entry } = await filled(root);
		await cache.prefetch(key, () => {});
		// Damaged after the check ahead: the checked entry is handed out, then the damage is found.
		writeFileSync(join(root, key, 'summary.parquet'), 'summary ROWS');
		expect((await cache.get<{ period: string }>(key, () => {}))?.result).toEqual(entry.result);
		const lines: string[] = [];
		expect(await cache.get(key, (line) => lines.push(line))).toBeNull();
		expect(lines[0]).toMatch(/does not have the SHA-256/);
		// A damaged entry found ahead is reported then, and the get that follows finds nothing.
		const other = await filled(mkdtempSync(join(tmpdir(), 'month-cache-')));
		rmSync(join(other.cache.root, key, 'summary.parquet'));
		const early: string[] = [];
		await other.cache.prefetch(key, (line) => early.push(line));
		expect(early[0]).toMatch(/missing/);
		expect(await other.cache.get(key, () => {})).toBeNull();
		// An entry put after its check ahead is not shadowed by that check.
		const put = new MonthCache(mkdtempSync(join(tmpdir(), 'month-cache-')));
		await put.prefetch(key, () => {});
		await put.put(key, async (dir) => {
			await writeFile(join(dir, 'summary.parquet'), 'rows');
			return { period: '2026-05' };
		});
		expect((await put.get<{ period: string }>(key, () => {}))?.result).toEqual({ period: '2026-05' });
	});

	it('reads a file again only when its time is not the one recorded, or not older than entry.json ("racy")', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { entry } = await filled(root);
		const dir = join(root, key);
		const summary = join(dir, 'summary.parquet');
		// Same size, other bytes, and entry.json made to record the file's new time, a second before its own.
		writeFileSync(summary, 'summary ROWS');
		const changed = (await stat(summary, { bigint: true })).mtimeNs;
		const listed = JSON.parse(readFileSync(join(dir, 'entry.json'), 'utf8')) as { files: { path: string; mtimeNs: string }[] };
		listed.files.find((f) => f.path === 'summary.parquet')!.mtimeNs = String(changed);
		writeFileSync(join(dir, 'entry.json'), JSON.stringify(listed));
		const later = new Date(Number(changed / 1_000_000n) + 1000);
		utimesSync(join(dir, 'entry.json'), later, later);
		// Taken on trust, as git's index does: the file is not read.
		expect((await new MonthCache(root).get(key, () => {}))?.result).toEqual(entry.result);
		// Not older than entry.json: it may have changed in the clock tick after it was recorded, so it is read.
		const same = new Date(Number(changed / 1_000_000n));
		utimesSync(join(dir, 'entry.json'), same, same);
		const lines: string[] = [];
		expect(await new MonthCache(root).get(key, (line) => lines.push(line))).toBeNull();
		expect(lines[0]).toMatch(/summary\.parquet does not have the SHA-256/);
	});

	const damages: [string, (dir: string) => void, RegExp][] = [
		['a file changed in place (same size)', (dir) => writeFileSync(join(dir, 'summary.parquet'), 'summary ROWS'), /does not have the SHA-256/],
		['a file cut short', (dir) => writeFileSync(join(dir, 'files/tables/month.arrow.gz'), 'month'), /wrong size/],
		['a file missing', (dir) => rmSync(join(dir, 'summary.parquet')), /missing/],
		['entry.json missing (an entry never finished)', (dir) => rmSync(join(dir, 'entry.json')), /entry\.json is missing or unreadable/],
		['entry.json cut short', (dir) => writeFileSync(join(dir, 'entry.json'), readFileSync(join(dir, 'entry.json'), 'utf8').slice(0, 40)), /unreadable/],
		['entry.json for another key', (dir) => writeFileSync(join(dir, 'entry.json'), readFileSync(join(dir, 'entry.json'), 'utf8').replace(key, cacheKey(CODE_2, 'a'.repeat(64)))), /not an entry for this key/]
	];
	for (const [name, damage, reason] of damages) {
		it(`detects ${name}, deletes the entry and says why`, async () => {
			const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
			const { cache } = await filled(root);
			damage(join(root, key));
			const lines: string[] = [];
			expect(await cache.get(key, (line) => lines.push(line))).toBeNull();
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(reason);
			expect(existsSync(join(root, key))).toBe(false);
		});
	}

	it('leaves no entry when building it fails', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const cache = new MonthCache(root);
		await expect(cache.put(key, async (dir) => {
			await writeFile(join(dir, 'summary.parquet'), 'half');
			throw new Error('the month could not be read');
		})).rejects.toThrow('the month could not be read');
		expect(await cache.get(key, () => {})).toBeNull();
		expect(existsSync(join(root, key))).toBe(false);
	});

	it('prunes the entries made by other code, and only those', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { cache } = await filled(root);
		await cache.put(cacheKey(CODE_2, 'b'.repeat(64)), async () => ({}));
		mkdirSync(join(root, '.building-someone-else'));
		expect(await pruneOtherCode(cache, CODE_1)).toBe(1);
		expect(readdirSync(root).sort()).toEqual(['.building-someone-else', key]);
	});

	it('places the site files at their paths in the site folder, replacing what was there', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { entry } = await filled(root);
		const site = join(root, 'site');
		mkdirSync(join(site, 'tables'), { recursive: true });
		writeFileSync(join(site, 'tables/month.arrow.gz'), 'old');
		expect(await placeFiles(entry, 'files', site)).toEqual(['tables/month.arrow.gz']);
		expect(readFileSync(join(site, 'tables/month.arrow.gz'), 'utf8')).toBe('month table');
		expect(existsSync(join(site, 'summary.parquet'))).toBe(false);
	});

	it('places into folders it made for an earlier entry, and makes the ones missing', async () => {
		const root = mkdtempSync(join(tmpdir(), 'month-cache-'));
		const { entry } = await filled(root);
		const site = join(root, 'site');
		const made = new Set<string>();
		expect(await placeFiles(entry, 'files', site, made)).toEqual(['tables/month.arrow.gz']);
		expect(made).toEqual(new Set([join(site, 'tables')]));
		expect(await placeFiles(entry, 'files', site, made)).toEqual(['tables/month.arrow.gz']);
		expect(readFileSync(join(site, 'tables/month.arrow.gz'), 'utf8')).toBe('month table');
	});
});
