import adapter from '@sveltejs/adapter-static';

/**
 * Pages that openwaits.config.json leaves out answer 404 (src/routes/+layout.ts);
 * vite.config.ts lists their paths here so prerendering skips them and fails on any other error.
 * @type {import('@sveltejs/kit').PrerenderHttpErrorHandler}
 */
function handleHttpError({ status, path, message }) {
	const hidden = (process.env.OPENWAITS_HIDDEN_PATHS ?? '').split(',').filter(Boolean);
	const base = process.env.BASE_PATH ?? '';
	if (status === 404 && hidden.some((page) => path === `${base}${page}` || path.startsWith(`${base}${page}/`))) return;
	throw new Error(message);
}

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
		prerender: { handleHttpError, handleMissingId: 'fail' },
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
