/**
 * The committed openwaits.config.json is OpenWaits' own settings, the schema
 * documents exactly the settings the parser knows (with the same defaults),
 * and the fixture used by the branded e2e site is valid.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, OPTIONAL_PAGES, parseSiteConfig } from '../../src/lib/config/site-config.ts';
import { loadSiteConfig } from '../../scripts/lib/site-config-file.ts';
import { loadSources } from '../../scripts/fetch/sources.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('openwaits.config.json and its schema', () => {
	const schema = JSON.parse(read('openwaits.config.schema.json'));

	it('the committed file holds the defaults', () => {
		expect(parseSiteConfig(read('openwaits.config.json'))).toEqual(DEFAULT_CONFIG);
	});

	it('the schema names every setting with the parser’s defaults', () => {
		expect(Object.keys(schema.properties).filter((k) => k !== '$schema')).toEqual(Object.keys(DEFAULT_CONFIG));
		expect(Object.fromEntries(Object.entries(schema.properties.colours.properties).map(([k, v]) => [k, (v as { default: string }).default]))).toEqual(DEFAULT_CONFIG.colours);
		expect(Object.keys(schema.properties.pages.properties)).toEqual(Object.keys(OPTIONAL_PAGES));
		expect([schema.properties.name.default, schema.properties.publisher.default, schema.properties.datasets.default]).toEqual([DEFAULT_CONFIG.name, DEFAULT_CONFIG.publisher, DEFAULT_CONFIG.datasets]);
	});

	it('the branded fixture is valid and names only real sources', async () => {
		const config = parseSiteConfig(read('tests/fixtures/branding/anytown.config.json'));
		const ids = (await loadSources(join(ROOT, 'data/sources.json'))).map((s) => s.id);
		expect(config.datasets!.filter((d) => !ids.includes(d))).toEqual([]);
		expect(config.pages).toEqual({ explore: false, compare: true, league: false, council: false });
	});

	it.each([
		{ name: 'a missing file named by OPENWAITS_CONFIG', file: 'nope.json', error: 'OPENWAITS_CONFIG names' },
		{ name: 'a bad file', file: 'bad.json', error: 'bad.json is not a valid OpenWaits site configuration:\n  - "colours.primary" must be a colour written #rrggbb' }
	])('loadSiteConfig stops on $name', ({ file, error }) => {
		const dir = mkdtempSync(join(tmpdir(), 'openwaits-config-'));
		try {
			writeFileSync(join(dir, 'bad.json'), '{"colours":{"primary":"blue"}}');
			expect(() => loadSiteConfig(join(dir, file))).toThrow(error);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
