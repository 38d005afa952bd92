import { defineConfig } from 'vitest/config';

/** End-to-end tests: a built site served on 127.0.0.1, driven in Debian's Chromium. */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		testTimeout: 90_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		globalSetup: ['tests/e2e/global-setup.ts']
	}
});
