/**
 * A tiny static file server for the built site on 127.0.0.1, the way any
 * static host would serve it (no SPA rewrites beyond adapter-static's 404.html).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.gz': 'application/gzip',
	'.parquet': 'application/vnd.apache.parquet',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};

export interface RunningServer {
	url: string;
	close(): Promise<void>;
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

/** Serves `root` under `basePath` (e.g. '' or '/openwaits'). */
export async function serveStatic(root: string, basePath = '', port = 0): Promise<RunningServer> {
	const server: Server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (!url.pathname.startsWith(basePath)) {
			response.writeHead(404).end('not found');
			return;
		}
		const file = await resolveFile(root, url.pathname.slice(basePath.length) || '/');
		const target = file ?? join(root, '404.html');
		const type = TYPES[extname(target)] ?? 'application/octet-stream';
		response.writeHead(file ? 200 : 404, { 'content-type': type, 'cache-control': 'no-cache' });
		createReadStream(target).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		url: `http://127.0.0.1:${actualPort}${basePath}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
