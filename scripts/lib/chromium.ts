/**
 * End-to-end tests use Debian's Chromium (Playwright's own browser download is
 * not possible here). Install it when missing and we are root; otherwise say how.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureChromium(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (existsSync(path)) return path;
	if (process.getuid?.() === 0) {
		console.log('Chromium is missing: installing Debian\'s chromium package…');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
		if (existsSync(path)) return path;
	}
	throw new Error(`Chromium was not found at ${path}. Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.`);
}
