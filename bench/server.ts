/**
 * The benchmark's static server on 127.0.0.1: like tests/support/static-server.ts
 * (same file resolution, 404.html fallback, no-cache), plus gzip for text and
 * wasm as every real static host (GitHub Pages, Netlify, S3 + CloudFront) does.
 * Compressed bodies are kept in memory so compression time is paid once
 * (the warm-up run) and not measured.
 */
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

export interface BenchServer {
	url: string;
	close(): Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<string | null> {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')]) {
		if (!candidate.startsWith(root)) continue;
		const info = await stat(candidate).catch(() => null);
		if (info?.isFile()) return candidate;
	}
	return null;
}

export async function serveBench(root: string, options: { gzip: boolean } = { gzip: true }): Promise<BenchServer> {
	const gzipped = new Map<string, Buffer>();
	const server: Server = createServer(async (request, response) => {
		try {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			const file = await resolveFile(root, url.pathname);
			const target = file ?? join(root, '404.html');
			const ext = extname(target);
			const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
			let body: Buffer;
			if (options.gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
				let packed = gzipped.get(target);
				if (!packed) {
					packed = gzipSync(await readFile(target), { level: 6 });
					gzipped.set(target, packed);
				}
				body = packed;
				headers['content-encoding'] = 'gzip';
				headers.vary = 'accept-encoding';
			} else {
				body = await readFile(target);
			}
			headers['content-length'] = String(body.length);
			response.writeHead(file ? 200 : 404, headers).end(body);
		} catch (error) {
			response.writeHead(500).end(String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}
