import { defineConfig } from 'vitest/config';

/**
 * The hostile-names site (scripts/sample/hostile.ts) runs only the test written
 * for it and the council pages' (whose names there are hostile too), and the
 * demonstration and real sites run every test but the hostile one.
 */
const HOSTILE_ONLY = 'tests/e2e/hostile.e2e.ts';
const ON_HOSTILE_TOO = 'tests/e2e/council.e2e.ts';
const hostile = process.env.OPENWAITS_E2E_DATA === 'hostile';

/** End-to-end tests: a built site served on 127.0.0.1, driven in Debian's Chromium. */
export default defineConfig({
	test: {
		include: hostile ? [HOSTILE_ONLY, ON_HOSTILE_TOO] : ['tests/e2e/**/*.e2e.ts'],
		exclude: hostile ? [] : [HOSTILE_ONLY, '**/node_modules/**'],
		environment: 'node',
		testTimeout: 90_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		globalSetup: ['tests/e2e/global-setup.ts']
	}
});
