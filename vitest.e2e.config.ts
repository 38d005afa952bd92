import { defineConfig } from 'vitest/config';

/**
 * Three site variants run only the tests written for each: the hostile-names
 * site (scripts/sample/hostile.ts: its hostile test and the council pages', whose
 * names are hostile there too), the branded site (tests/fixtures/branding, under
 * a base path) and the 60-month history site (the explorer and the trends). The demonstration and real sites run every other test.
 */
const ONLY: Record<string, string[]> = {
	hostile: ['tests/e2e/hostile.e2e.ts', 'tests/e2e/council.e2e.ts'],
	branded: ['tests/e2e/branded.e2e.ts'],
	// 60 generated months (issue #13): the explorer and the trends at that scale.
	history: ['tests/e2e/history.e2e.ts', 'tests/e2e/explore.e2e.ts', 'tests/e2e/explore-files.e2e.ts', 'tests/e2e/trends.e2e.ts', 'tests/e2e/ae-trends.e2e.ts']
};
const only = ONLY[process.env.OPENWAITS_E2E_DATA ?? ''];

/** End-to-end tests: a built site served on 127.0.0.1, driven in Debian's Chromium. */
export default defineConfig({
	test: {
		include: only ?? ['tests/e2e/**/*.e2e.ts'],
		exclude: only ? [] : ['tests/e2e/hostile.e2e.ts', 'tests/e2e/branded.e2e.ts', 'tests/e2e/history.e2e.ts', '**/node_modules/**'],
		environment: 'node',
		testTimeout: 90_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		globalSetup: ['tests/e2e/global-setup.ts']
	}
});
