/**
 * Downloads one file with resume, a streaming sha256 and bounded retries.
 *
 * Bytes go to `<dest>.part` and the file appears under its real name only when
 * complete and verified, so a half-downloaded zip is never mistaken for data.
 * A later run (or a retry) continues the .part with `Range: bytes=N-`; a server
 * that ignores the range answers 200 with the whole file, and we start over.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Progress } from './progress.ts';

export class HttpStatusError extends Error {
	constructor(readonly url: string, readonly status: number, statusText: string) {
		super(`${url} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}; nothing was saved.`);
		this.name = 'HttpStatusError';
	}
}

export class ChecksumError extends Error {
	constructor(readonly url: string, readonly expected: string, readonly actual: string) {
		super(`${url}: sha256 mismatch: expected ${expected}, got ${actual}. The download was removed; if the publisher has released a new version, update sha256 in the sources list.`);
		this.name = 'ChecksumError';
	}
}

export interface DownloadOptions {
	expectedSha256?: string | null;
	/** Extra attempts after the first on network errors and HTTP 5xx/429. */
	retries?: number;
	/** First wait before retrying; doubles each time. */
	backoffMs?: number;
	/** Abort an attempt when no bytes arrive for this long. */
	idleTimeoutMs?: number;
	progress?: Progress;
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
}

export interface DownloadResult {
	size: number;
	sha256: string;
	/** True when bytes from an earlier .part were kept. */
	resumed: boolean;
	attempts: number;
}

/** File-system failures: retrying cannot fix a full disk or a permission. */
const LOCAL_ERRORS = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EISDIR', 'ENOTDIR', 'EEXIST']);

export function isRetryable(error: unknown): boolean {
	if (error instanceof ChecksumError) return false;
	if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429 || error.status === 408;
	const code = (error as { code?: unknown }).code;
	return !(typeof code === 'string' && LOCAL_ERRORS.has(code));
}

/** `bytes 100-999/1000` → { start: 100, total: 1000 }; total null for `/*`. */
export function parseContentRange(header: string | null): { start: number; total: number | null } | null {
	const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header?.trim() ?? '');
	if (!match) return null;
	return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
}

/** The underlying reason undici hides behind "fetch failed". */
function describe(error: unknown): string {
	const e = error as Error & { cause?: Error & { code?: string } };
	const cause = e.cause ? ` (${e.cause.code ?? e.cause.message})` : '';
	return `${e.message}${cause}`;
}

async function sizeOf(path: string): Promise<number> {
	try {
		return (await stat(path)).size;
	} catch {
		return 0;
	}
}

async function hashFile(hash: Hash, path: string): Promise<void> {
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** Raised inside an attempt when the server's answer means "start again from byte 0". */
class RestartError extends Error {}

async function attempt(url: string, part: string, options: DownloadOptions): Promise<{ hash: Hash; size: number; resumed: boolean }> {
	const fetchImpl = options.fetch ?? fetch;
	const offset = await sizeOf(part);
	const controller = new AbortController();
	const idle = options.idleTimeoutMs ?? 60_000;
	let timer = setTimeout(() => controller.abort(new Error(`no data for ${idle / 1000} s`)), idle);
	const touch = () => {
		clearTimeout(timer);
		timer = setTimeout(() => controller.abort(new Error(`no data for ${idle / 1000} s`)), idle);
	};
	try {
		// identity: a compressed transfer would make sizes and ranges refer to different bytes.
		const headers: Record<string, string> = { 'accept-encoding': 'identity' };
		if (offset > 0) headers.range = `bytes=${offset}-`;
		const response = await fetchImpl(url, { headers, redirect: 'follow', signal: controller.signal });

		if (response.status === 416 && offset > 0) {
			await response.body?.cancel();
			const whole = parseContentRange(response.headers.get('content-range')?.replace('bytes */', 'bytes 0-0/') ?? null);
			if (whole?.total === offset) {
				const hash = createHash('sha256');
				await hashFile(hash, part);
				return { hash, size: offset, resumed: true };
			}
			await rm(part, { force: true });
			throw new RestartError(`the server refused to resume at byte ${offset}; starting again`);
		}
		if (!response.ok || !response.body) {
			await response.body?.cancel();
			throw new HttpStatusError(url, response.status, response.statusText);
		}

		let append = false;
		let total: number | null = Number(response.headers.get('content-length') ?? NaN);
		if (!Number.isFinite(total)) total = null;
		if (response.status === 206) {
			const range = parseContentRange(response.headers.get('content-range'));
			if (!range || range.start !== offset) {
				await response.body.cancel();
				await rm(part, { force: true });
				throw new RestartError(`the server sent a different range (${response.headers.get('content-range')}) from the one asked for; starting again`);
			}
			append = true;
			total = range.total;
		}
		const hash = createHash('sha256');
		if (append) await hashFile(hash, part);
		let received = append ? offset : 0;
		options.progress?.update(received, total);
		const counter = new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				touch();
				hash.update(chunk);
				received += chunk.length;
				options.progress?.update(received, total);
				callback(null, chunk);
			}
		});
		await pipeline(
			Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
			counter,
			createWriteStream(part, { flags: append ? 'a' : 'w' })
		);
		if (total !== null && received !== total) {
			throw new Error(`the connection closed after ${received} of ${total} bytes`);
		}
		return { hash, size: received, resumed: append };
	} finally {
		clearTimeout(timer);
	}
}

/** Downloads `url` to `dest` (via `dest.part`), verifying `expectedSha256` when given. */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<DownloadResult> {
	const part = `${dest}.part`;
	const retries = options.retries ?? 4;
	const backoff = options.backoffMs ?? 1000;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	await mkdir(dirname(dest), { recursive: true });
	let resumedAny = false;
	for (let attempts = 1; ; attempts++) {
		try {
			const { hash, size, resumed } = await attempt(url, part, options);
			resumedAny ||= resumed;
			const sha256 = hash.digest('hex');
			if (options.expectedSha256 && sha256 !== options.expectedSha256.toLowerCase()) {
				await rm(part, { force: true });
				throw new ChecksumError(url, options.expectedSha256, sha256);
			}
			await rename(part, dest);
			return { size, sha256, resumed: resumedAny, attempts };
		} catch (error) {
			if (error instanceof RestartError && attempts <= retries) continue;
			if (!isRetryable(error)) throw error;
			if (attempts > retries) {
				if (error instanceof HttpStatusError) throw error;
				throw new Error(`could not download ${url} after ${attempts} attempts: ${describe(error)}. Run again to resume from ${await sizeOf(part)} bytes.`, { cause: error });
			}
			// Keep the .part: the next attempt resumes from it.
			await sleep(backoff * 2 ** (attempts - 1));
		}
	}
}
