import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// The test runner builds one site per dataset (demonstration, real) into its own folder.
		adapter: adapter({ pages: process.env.OPENWAITS_BUILD_DIR ?? 'build', assets: process.env.OPENWAITS_BUILD_DIR ?? 'build', fallback: '404.html', strict: true }),
		// A separate generated folder lets several site builds run at once (tests, benchmarks).
		outDir: process.env.OPENWAITS_KIT_DIR ?? '.svelte-kit',
		files: { assets: process.env.OPENWAITS_ASSETS ?? 'static' },
		// BASE_PATH lets the site live in a sub-folder of any static host.
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
