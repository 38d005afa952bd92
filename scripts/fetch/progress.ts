/**
 * Download progress on stderr. On a terminal one line is redrawn in place at
 * most every `intervalMs`; in a log (CI, a pipe) redrawing makes a mess, so
 * only one line per file is written, when it finishes.
 */

export interface ProgressSink {
	write(text: string): unknown;
	isTTY?: boolean;
}

export interface Progress {
	/** Bytes so far (including any resumed part) and the expected total, when known. */
	update(received: number, total: number | null): void;
	done(received: number, note?: string): void;
	fail(message: string): void;
}

const UNITS = ['B', 'KB', 'MB', 'GB'];

/** 1536 → "1.5 KB"; decimal-free below 1 KB so small test files read exactly. */
export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** "1.5 MB / 3.0 MB (50%)", or "1.5 MB" when the server sent no length. */
export function progressText(received: number, total: number | null): string {
	if (total === null || total <= 0) return formatBytes(received);
	const percent = Math.min(100, Math.floor((100 * received) / total));
	return `${formatBytes(received)} / ${formatBytes(total)} (${percent}%)`;
}

export function createProgress(
	name: string,
	sink: ProgressSink,
	options: { intervalMs?: number; now?: () => number } = {}
): Progress {
	const interval = options.intervalMs ?? 250;
	const now = options.now ?? Date.now;
	let last = -Infinity;
	let drawn = false;
	const tty = Boolean(sink.isTTY);
	const clear = () => (drawn ? '\r\x1b[2K' : '');
	return {
		update(received, total) {
			if (!tty) return;
			const t = now();
			if (t - last < interval) return;
			last = t;
			sink.write(`${clear()}${name}: ${progressText(received, total)}`);
			drawn = true;
		},
		done(received, note) {
			sink.write(`${clear()}${name}: ${formatBytes(received)}${note ? ` ${note}` : ''}\n`);
			drawn = false;
		},
		fail(message) {
			sink.write(`${clear()}${name}: FAILED: ${message}\n`);
			drawn = false;
		}
	};
}
