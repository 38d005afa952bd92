import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeVersion, moduleClosure, relativeImports } from './code-version.ts';

describe('relativeImports', () => {
	const cases: [string, string[]][] = [
		[`import { a } from './a.ts';`, ['./a.ts']],
		[`import {\n\ta,\n\tb\n} from '../lib/b.ts';`, ['../lib/b.ts']],
		[`import type { T } from './types.ts';`, []],
		[`import { type T, value } from './mixed.ts';`, ['./mixed.ts']],
		[`export { x } from './x.ts';`, ['./x.ts']],
		[`import './side-effect.ts';`, ['./side-effect.ts']],
		[`import { DuckDBInstance } from '@duckdb/node-api';`, []],
		[`const s = "import { a } from './not-code.ts'";`, []]
	];
	for (const [source, expected] of cases) it(JSON.stringify(source), () => expect(relativeImports(source)).toEqual(expected));
});

describe('codeVersion', () => {
	it('follows imports, and changes when any module reached changes, not when an unreached one does', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'code-version-'));
		writeFileSync(join(dir, 'entry.ts'), `import { helper } from './helper.ts';\nimport type { T } from './types.ts';\n`);
		writeFileSync(join(dir, 'helper.ts'), `export const helper = 1;\n`);
		writeFileSync(join(dir, 'types.ts'), `export type T = number;\n`);
		const entry = pathToFileURL(join(dir, 'entry.ts'));
		expect([...(await moduleClosure(entry)).keys()].map((href) => href.split('/').at(-1))).toEqual(['entry.ts', 'helper.ts']);
		// The temporary folder has no node_modules: library versions are looked up from here.
		const libraries = new URL('./code-version.ts', import.meta.url);
		const first = await codeVersion(entry, libraries);
		writeFileSync(join(dir, 'types.ts'), `export type T = string;\n`);
		expect(await codeVersion(entry, libraries)).toBe(first);
		writeFileSync(join(dir, 'helper.ts'), `export const helper = 2;\n`);
		expect(await codeVersion(entry, libraries)).not.toBe(first);
	});

	it('fingerprints the month build of this repository', async () => {
		expect(await codeVersion(new URL('./rtt-month.ts', import.meta.url))).toMatch(/^[0-9a-f]{64}$/);
	});
});
