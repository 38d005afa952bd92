/**
 * Why the first bytes of a file show it is plainly not a CSV, whoever reads it:
 * the build's readers (scripts/lib/source-files.ts) and the /explore upload
 * (src/lib/explore/read-upload.ts) give the same reasons in the same words.
 */

/** How much of a file is looked at before reading it: enough for a long header and a few rows. */
export const SAMPLE_BYTES = 64 * 1024;

export const WEB_PAGE_REASON =
	'this looks like a web page, not a CSV; the download probably failed (an error or sign-in page was saved instead): download the file again.';

/** A saved web page (a failed download's error or sign-in page), from its first kilobyte. */
export function looksLikeWebPage(sample: Uint8Array): boolean {
	const start = new TextDecoder('utf-8').decode(sample.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
	return /^<(!doctype html|html|head|body|\?xml|!--)/.test(start) || /<html[\s>]/.test(start);
}

/**
 * The reason a non-empty sample (the first SAMPLE_BYTES of a file, or all of a
 * shorter one) is not CSV text, or null when it may well be.
 */
export function notCsvReason(sample: Uint8Array): string | null {
	if (looksLikeWebPage(sample)) return WEB_PAGE_REASON;
	if (sample.length >= SAMPLE_BYTES && !sample.includes(0x0a)) {
		return `the first line is longer than ${SAMPLE_BYTES.toLocaleString('en-GB')} bytes (no line break in the first ${SAMPLE_BYTES / 1024} KB), so this is not a CSV file OpenWaits can read.`;
	}
	return null;
}
