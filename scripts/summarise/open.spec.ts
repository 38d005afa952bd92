import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openRttFile } from './open.ts';
import { containerOf } from '../lib/source-files.ts';

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/rtt/rtt-two-commissioners.csv');
const csv = readFileSync(FIXTURE);
const dir = mkdtempSync(join(tmpdir(), 'openwaits-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	return path;
}

describe('containerOf', () => {
	it.each([
		['a.zip', 'zip'], ['A.ZIP', 'zip'], ['a.csv.gz', 'gzip'], ['a.csv', 'plain'], ['a.txt', 'plain']
	])('%s → %s', (name, container) => expect(containerOf(name)).toBe(container));
});

describe('openRttFile', () => {
	it.each([
		{ name: 'plain CSV', path: () => FIXTURE, container: 'plain', entry: null },
		{ name: 'gzipped CSV', path: () => file('month.csv.gz', gzipSync(csv)), container: 'gzip', entry: null },
		{
			// Resource fork first and a non-RTT CSV before the data: the header decides, not the order.
			name: 'zip with junk entries',
			path: () => file('month.zip', zipSync({ '__MACOSX/._month.csv': new Uint8Array([0, 5, 22, 7]), 'readme.csv': new TextEncoder().encode('Notes,Text\n1,2\n'), 'month.csv': new Uint8Array(csv) })),
			container: 'zip',
			entry: 'month.csv'
		}
	])('opens a $name', async ({ path, container, entry }) => {
		const source = await openRttFile(path());
		expect(source).toMatchObject({ container, entry });
		expect(new TextDecoder().decode(source.sample.subarray(0, 7))).toBe('Period,');
	});

	it.each([
		{ name: 'a missing file', path: () => join(dir, 'nope.csv'), error: 'no such file' },
		{ name: 'a CSV that is not RTT', path: () => file('other.csv', new TextEncoder().encode('a,b\n1,2\n')), error: 'not an RTT full extract' },
		{ name: 'a zip without RTT', path: () => file('other.zip', zipSync({ 'x.csv': new TextEncoder().encode('a,b\n') })), error: 'no entry in the zip is an RTT full extract (entries: x.csv)' },
		{ name: 'a damaged zip', path: () => file('bad.zip', new TextEncoder().encode('not a zip')), error: 'the zip cannot be opened' }
	])('rejects $name', async ({ path, error }) => {
		await expect(openRttFile(path())).rejects.toThrow(error);
	});
});
