/**
 * Reads the site configuration for the build and the fetch: OPENWAITS_CONFIG
 * names the file, else openwaits.config.json when there is one, else
 * OpenWaits' own settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG, parseSiteConfig, type SiteConfig } from '../../src/lib/config/site-config.ts';

export const CONFIG_FILE = 'openwaits.config.json';

export function loadSiteConfig(named = process.env.OPENWAITS_CONFIG): SiteConfig {
	const path = resolve(named || CONFIG_FILE);
	if (!existsSync(path)) {
		if (named) throw new Error(`OPENWAITS_CONFIG names ${path}, which does not exist.`);
		return DEFAULT_CONFIG;
	}
	return parseSiteConfig(readFileSync(path, 'utf8'), path);
}
