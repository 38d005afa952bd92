/**
 * One Chromium per e2e test file: call useBrowser() at the top of the file.
 * It registers the file's beforeAll (launch) and afterAll (close every page
 * opened through it, then the browser). Kept apart from browser.ts so the
 * benchmark can use that module without the test runner.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, type TrackedPage } from './browser.ts';

export interface FileBrowser {
	/** A new context and page that records outside requests and console errors; closed after the file at the latest. */
	open(viewport?: { width: number; height: number }): Promise<TrackedPage>;
}

export function useBrowser(): FileBrowser {
	let browser: Browser | undefined;
	const opened: TrackedPage[] = [];
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		for (const tracked of opened) await tracked.close().catch(() => {});
		await browser?.close();
	});
	return {
		async open(viewport) {
			if (!browser) throw new Error('useBrowser: the browser is not running (open pages inside tests only).');
			const tracked = await openPage(browser, viewport);
			opened.push(tracked);
			return tracked;
		}
	};
}

/** The paths of the month files (…/data/months/…) a page requests from now on, in order. */
export function monthFileRequests(page: Page): string[] {
	const paths: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/data/months/')) paths.push(new URL(r.url()).pathname);
	});
	return paths;
}
