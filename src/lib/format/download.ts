/**
 * Downloads made in the browser from what the page already has: a Blob and an
 * <a download> on a temporary blob: link (allowed by the CSP). Nothing is
 * fetched and nothing leaves the browser.
 */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
	downloadBlob(new Blob([text], { type }), filename);
}

/** A file name from a title: 'rtt18-C_999-2026-04' style, nothing a file system dislikes. */
export function fileSlug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'league';
}
