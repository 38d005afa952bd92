import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { hiddenPaths } from './src/lib/config/site-config.ts';
import { loadSiteConfig } from './scripts/lib/site-config-file.ts';

// The site configuration (name, colours, pages) is read once per build; a bad file stops the build with its errors.
const siteConfig = loadSiteConfig();
// svelte.config.js reads this to let the prerenderer skip the pages left out (they answer 404).
process.env.OPENWAITS_HIDDEN_PATHS = hiddenPaths(siteConfig).join(',');

export default defineConfig({
	plugins: [sveltekit()],
	define: { __OPENWAITS_CONFIG__: JSON.stringify(siteConfig) },
	server: { host: '127.0.0.1', fs: { allow: ['..'] } },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 300_000,
		pool: 'forks'
	}
});
