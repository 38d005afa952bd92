/**
 * npm test: unit tests, then end-to-end tests against the built static site,
 * once on demonstration data, once (tests/e2e/hostile.e2e.ts only) on the
 * demonstration data with hostile provider names, once on 60 generated
 * months (explore and trends at scale), and once on the real
 * published files when ../shared/data (or OPENWAITS_SHARED_DATA) is there.
 * Ends with one line "N passed, N failed" that any CI can read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';
import { sharedDataDir } from './lib/shared-data.ts';

interface Counts { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const npx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
	spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function runVitest(label: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
	const report = resolve(`.cache/vitest-${label}.json`);
	mkdirSync('.cache', { recursive: true });
	rmSync(report, { force: true });
	const status = npx(['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
	if (!existsSync(report)) {
		console.error(`${label}: vitest produced no report (exit ${status}).`);
		total.failed++;
		return;
	}
	const json = JSON.parse(readFileSync(report, 'utf8'));
	total.passed += json.numPassedTests;
	total.failed += json.numFailedTests;
	// A suite that failed to load has no failing test of its own: count it once.
	if (json.numFailedTests === 0) total.failed += json.numFailedTestSuites ?? 0;
	total.skipped += json.numPendingTests + json.numTodoTests;
	if (status !== 0 && json.numFailedTests === 0) total.failed++;
}

function buildSite(variant: 'demo' | 'hostile' | 'real' | 'branded' | 'history', input: string, basePath: string, siteConfig?: string): string {
	const root = resolve(`.cache/site-${variant}`);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(`${root}/static`, { recursive: true });
	cpSync('static/favicon.svg', `${root}/static/favicon.svg`);
	// The branded site's data come from `npm run refresh` (no fetch), so its About page has a refresh record.
	const build = variant === 'branded'
		? ['tsx', 'scripts/refresh.ts', '--no-fetch', '--raw', input, '--out', `${root}/static/data`]
		: ['tsx', 'scripts/build-data.ts', '--input', input, '--out', `${root}/static/data`, '--quiet'];
	if (variant !== 'real') build.push('--demonstration');
	if (npx(build) !== 0) throw new Error(`data build (${variant}) failed`);
	const env = { OPENWAITS_ASSETS: `${root}/static`, OPENWAITS_BUILD_DIR: `${root}/build`, BASE_PATH: basePath, ...(siteConfig ? { OPENWAITS_CONFIG: siteConfig } : {}) };
	if (npx(['vite', 'build', '--logLevel', 'warn'], env) !== 0) throw new Error(`site build (${variant}) failed`);
	return `${root}/build`;
}

/** Type errors fail the run like a failing test (svelte-check covers .svelte and .ts). */
function typeCheck(): void {
	const status = npx(['svelte-kit', 'sync']) || npx(['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']);
	if (status === 0) total.passed++;
	else total.failed++;
}

/** Markup and formulas as provider names: vitest.e2e.config.ts runs only hostile.e2e.ts on this site. */
function hostileNames(): void {
	execFileSync('npx', ['tsx', 'scripts/sample/hostile.ts', '--out', '.cache/hostile-raw'], { stdio: 'inherit' });
	const hostile = buildSite('hostile', '.cache/hostile-raw', '');
	runVitest('e2e-hostile', ['--config', 'vitest.e2e.config.ts'], { OPENWAITS_E2E_BUILD: hostile, OPENWAITS_E2E_DATA: 'hostile', OPENWAITS_E2E_BASE: '' });
}

/** One configuration file brands the site, under a base path: tests/e2e/branded.e2e.ts only (about a minute). */
function brandedSite(): void {
	const branded = buildSite('branded', '.cache/demo-raw', '/anytown', 'tests/fixtures/branding/anytown.config.json');
	runVitest('e2e-branded', ['--config', 'vitest.e2e.config.ts'], { OPENWAITS_E2E_BUILD: branded, OPENWAITS_E2E_DATA: 'branded', OPENWAITS_E2E_BASE: '/anytown' });
}

const HISTORY_MONTHS = 60;

/** 60 generated months (issue #13): tests/e2e/history.e2e.ts, explore and trends at that scale (about five minutes). */
function historySite(): void {
	execFileSync('npx', ['tsx', 'scripts/sample/generate.ts', '--months', String(HISTORY_MONTHS), '--out', '.cache/history-raw'], { stdio: 'inherit' });
	const history = buildSite('history', '.cache/history-raw', '');
	runVitest('e2e-history', ['--config', 'vitest.e2e.config.ts'], { OPENWAITS_E2E_BUILD: history, OPENWAITS_E2E_DATA: 'history', OPENWAITS_E2E_BASE: '' });
}

/** `tsx scripts/test-all.ts [unit|e2e|hostile|branded|history]`: one part only. */
const only = process.argv[2];
if (!only || only === 'unit') {
	typeCheck();
	runVitest('unit', []);
}
if (!only || only === 'e2e') {
	ensureChromium();
	execFileSync('npx', ['tsx', 'scripts/sample/generate.ts', '--out', '.cache/demo-raw'], { stdio: 'inherit' });
	const demo = buildSite('demo', '.cache/demo-raw', '');
	runVitest('e2e-demo', ['--config', 'vitest.e2e.config.ts'], { OPENWAITS_E2E_BUILD: demo, OPENWAITS_E2E_DATA: 'demo', OPENWAITS_E2E_BASE: '' });
	hostileNames();
	brandedSite();
	historySite();
	const shared = sharedDataDir();
	if (shared) {
		// The real-data site is served under a sub-folder to prove the base path works.
		const real = buildSite('real', shared, '/openwaits');
		runVitest('e2e-real', ['--config', 'vitest.e2e.config.ts'], { OPENWAITS_E2E_BUILD: real, OPENWAITS_E2E_DATA: 'real', OPENWAITS_E2E_BASE: '/openwaits' });
	} else {
		console.log('No ../shared/data here: end-to-end tests ran on demonstration data only.');
	}
}
if (only === 'hostile') {
	ensureChromium();
	hostileNames();
}
if (only === 'history') {
	ensureChromium();
	historySite();
}
if (only === 'branded') {
	ensureChromium();
	execFileSync('npx', ['tsx', 'scripts/sample/generate.ts', '--out', '.cache/demo-raw'], { stdio: 'inherit' });
	brandedSite();
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
