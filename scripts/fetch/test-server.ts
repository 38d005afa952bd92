/**
 * A local HTTP file server for the fetch specs: 127.0.0.1 only, port 0, byte
 * ranges like a real web server, and the ways real downloads go wrong
 * (a connection dropped part-way, a server that ignores Range).
 */
import { createReadStream, existsSync, mkdtempSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

export interface ServerOptions {
	/** On the first request for these paths, send this many body bytes then cut the connection. */
	dropAfter?: Record<string, number>;
	/** Answer 200 with the whole file even when a range is asked for. */
	ignoreRange?: boolean;
	/** Paths answered with this status and no body. */
	statusFor?: Record<string, number>;
}

export interface LoggedRequest {
	path: string;
	range: string | null;
	host: string | null;
	userAgent: string | null;
	status: number;
}

export interface TestServer {
	baseUrl: string;
	requests: LoggedRequest[];
	close(): Promise<void>;
}

/** `bytes=N-` or `bytes=N-M` against a file of `size` bytes; null when absent or malformed. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
	const match = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
	if (!match) return null;
	const start = Number(match[1]);
	const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
	if (start >= size || end < start) return 'unsatisfiable';
	return { start, end };
}

export async function startFileServer(root: string, options: ServerOptions = {}): Promise<TestServer> {
	const requests: LoggedRequest[] = [];
	const seen = new Set<string>();
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
		const log = (status: number) => requests.push({ path, range: req.headers.range ?? null, host: req.headers.host ?? null, userAgent: req.headers['user-agent'] ?? null, status });
		// A page address (…/rtt-data-2025-26/) is served from its folder's index.html, as a web server does.
		const asked = resolve(root, path);
		const file = existsSync(asked) && statSync(asked).isDirectory() ? join(asked, 'index.html') : asked;
		const forced = options.statusFor?.[path];
		if (forced) {
			log(forced);
			res.writeHead(forced).end();
			return;
		}
		if (!file.startsWith(resolve(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
			log(404);
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const size = statSync(file).size;
		const range = options.ignoreRange ? null : parseRange(req.headers.range, size);
		if (range === 'unsatisfiable') {
			log(416);
			res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
			return;
		}
		const start = range?.start ?? 0;
		const end = range?.end ?? size - 1;
		const status = range ? 206 : 200;
		log(status);
		res.writeHead(status, {
			'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
			'content-length': String(end - start + 1),
			'accept-ranges': 'bytes',
			...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {})
		});
		const drop = options.dropAfter?.[path];
		if (drop !== undefined && !seen.has(path)) {
			seen.add(path);
			// Send the first bytes, then cut the socket as a failing network would.
			createReadStream(file, { start, end: Math.min(end, start + drop - 1) })
				.on('data', (chunk) => res.write(chunk))
				.on('end', () => setTimeout(() => res.socket?.destroy(), 20));
			return;
		}
		createReadStream(file, { start, end }).pipe(res);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}

/** Deterministic, incompressible bytes (xorshift32) from a non-zero seed. */
export function pseudoRandomBytes(size: number, seed = 2463534242): Buffer {
	const bytes = Buffer.alloc(size);
	let x = seed >>> 0 || 1;
	for (let i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		bytes[i] = x & 0xff;
	}
	return bytes;
}

/** Small generated files for machines without the shared data folder: deterministic, not compressible. */
export function generatedFiles(files: Record<string, number>): string {
	const root = mkdtempSync(join(tmpdir(), 'openwaits-fetch-src-'));
	for (const [name, size] of Object.entries(files)) {
		const bytes = pseudoRandomBytes(size);
		mkdirSync(dirname(join(root, name)), { recursive: true });
		writeFileSync(join(root, name), bytes);
	}
	return root;
}
