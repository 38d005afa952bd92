/**
 * A tiny static file server for the built site on 127.0.0.1, the way any
 * static host would serve it (no SPA rewrites beyond adapter-static's 404.html,
 * no-cache). Used by the e2e tests, `npm start` and the benchmark; with
 * `gzip` it compresses text and wasm as every real static host (GitHub Pages,
 * Netlify, S3 + CloudFront) does, keeping compressed bodies in memory so the
 * compression is paid once (the benchmark's warm-up run) and not measured.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv',
	'.gz': 'application/gzip',
	'.parquet': 'application/vnd.apache.parquet',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.csv', '.webmanifest']);

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

export interface StaticOptions {
	/** Where the site lives under the host, e.g. '' (default) or '/openwaits'. */
	basePath?: string;
	/** 0 (default) for any free port. */
	port?: number;
	/** gzip (level 6) for text and wasm when the client accepts it; off by default. */
	gzip?: boolean;
}

async function resolveFile(root: string, pathname: string): Promise<string | null> {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
	for (const candidate of candidates) {
		if (!candidate.startsWith(root)) continue;
		const info = await stat(candidate).catch(() => null);
		if (info?.isFile()) return candidate;
	}
	return null;
}

/** Serves `root` under `options.basePath`. */
export async function serveStatic(root: string, options: StaticOptions = {}): Promise<RunningServer> {
	const { basePath = '', port = 0, gzip = false } = options;
	const gzipped = new Map<string, Buffer>();
	const server: Server = createServer(async (request, response) => {
		try {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			if (!url.pathname.startsWith(basePath)) {
				response.writeHead(404).end('not found');
				return;
			}
			const file = await resolveFile(root, url.pathname.slice(basePath.length) || '/');
			const target = file ?? join(root, '404.html');
			const ext = extname(target);
			const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
			const status = file ? 200 : 404;
			if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
				let packed = gzipped.get(target);
				if (!packed) {
					packed = gzipSync(await readFile(target), { level: 6 });
					gzipped.set(target, packed);
				}
				headers['content-encoding'] = 'gzip';
				headers.vary = 'accept-encoding';
				headers['content-length'] = String(packed.length);
				response.writeHead(status, headers).end(packed);
			} else {
				headers['content-length'] = String((await stat(target)).size);
				response.writeHead(status, headers);
				createReadStream(target).pipe(response);
			}
		} catch (error) {
			response.writeHead(500).end(String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		url: `http://127.0.0.1:${actualPort}${basePath}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}
