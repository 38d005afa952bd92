/**
 * The GitHub Actions workflow that refreshes and publishes the site, checked
 * with @action-validator/cli (the workflow schema, and that every expression
 * and `needs` refer to something that exists), then for what it must do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOW = join(ROOT, '.github/workflows/publish.yml');
const CLI = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const validate = (path: string) => spawnSync(process.execPath, [CLI, path], { encoding: 'utf8' });
const text = readFileSync(WORKFLOW, 'utf8');

describe('.github/workflows/publish.yml', () => {
	it('is a valid workflow for action-validator', () => {
		const result = validate(WORKFLOW);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	it.each([
		{ name: 'a job without runs-on', edit: (t: string) => t.replace('    runs-on: ubuntu-latest\n    timeout-minutes', '    timeout-minutes') },
		{ name: 'a deploy job needing a job that does not exist', edit: (t: string) => t.replace('needs: build', 'needs: compile') },
		{ name: 'an unknown trigger', edit: (t: string) => t.replace('  workflow_dispatch:', '  workflow_dispatched:') }
	])('the validator rejects the workflow with $name', ({ edit }) => {
		const dir = mkdtempSync(join(tmpdir(), 'openwaits-workflow-'));
		try {
			const broken = edit(text);
			expect(broken).not.toBe(text);
			writeFileSync(join(dir, 'publish.yml'), broken);
			expect(validate(join(dir, 'publish.yml')).status).toBe(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('runs monthly and on demand: npm ci, the refresh, the tests, the build under the Pages base path, then deploys', () => {
		expect(text).toMatch(/schedule:\n\s+- cron: '\d+ \d+ \d+ \* \*'/);
		expect(text).toContain('  workflow_dispatch:');
		const steps = ['npm ci', 'npm run refresh', 'npm test', 'npm run build', 'actions/upload-pages-artifact@', 'actions/deploy-pages@'];
		const positions = steps.map((step) => text.indexOf(step));
		expect(positions.every((p) => p > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(text).toContain('BASE_PATH: ${{ steps.pages.outputs.base_path }}');
		// Only the deploy job may publish; the build job, which runs the packages' code, reads.
		expect(text.match(/pages: write/g)).toHaveLength(1);
		expect(text.indexOf('pages: write')).toBeGreaterThan(text.indexOf('  deploy:'));
	});
});
