import { describe, expect, it } from 'vitest';
import { createProgress, formatBytes, progressText } from './progress.ts';

describe('formatBytes / progressText', () => {
	it.each([
		[0, '0 B'],
		[1023, '1023 B'],
		[1536, '1.5 KB'],
		[3_630_829, '3.5 MB'],
		[5 * 1024 ** 3, '5.0 GB']
	])('%i bytes → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

	it.each([
		[512, 1024, '512 B / 1.0 KB (50%)'],
		[1024, 1024, '1.0 KB / 1.0 KB (100%)'],
		[2048, 1024, '2.0 KB / 1.0 KB (100%)'],
		[512, null, '512 B'],
		[512, 0, '512 B']
	])('%i of %s', (received, total, text) => expect(progressText(received, total)).toBe(text));
});

describe('createProgress', () => {
	function run(isTTY: boolean) {
		const out: string[] = [];
		let t = 0;
		const progress = createProgress('a.zip', { write: (s: string) => out.push(s), isTTY }, { intervalMs: 100, now: () => t });
		for (const [time, bytes] of [[0, 10], [50, 20], [150, 30], [200, 40], [260, 50]]) {
			t = time;
			progress.update(bytes, 100);
		}
		progress.done(100, '(ok)');
		return out;
	}

	it('redraws a terminal line at most once per interval, then ends it', () => {
		expect(run(true)).toEqual([
			'a.zip: 10 B / 100 B (10%)',
			'\r\x1b[2Ka.zip: 30 B / 100 B (30%)',
			'\r\x1b[2Ka.zip: 50 B / 100 B (50%)',
			'\r\x1b[2Ka.zip: 100 B (ok)\n'
		]);
	});

	it('writes a single line per file when not a terminal', () => {
		expect(run(false)).toEqual(['a.zip: 100 B (ok)\n']);
	});
});
