import { describe, expect, it } from 'vitest';
import { contrast, DEFAULT_CONFIG, hiddenPaths, parseSiteConfig, routeHidden } from './site-config.ts';

describe('parseSiteConfig', () => {
	it('fills what is not given from OpenWaits’ own settings', () => {
		expect(parseSiteConfig('{}')).toEqual(DEFAULT_CONFIG);
		const config = parseSiteConfig(JSON.stringify({ name: ' Anytown Waits ', publisher: 'Anytown Council', colours: { primary: '#7A1F5C' }, pages: { explore: false }, datasets: ['nhse-rtt'] }));
		expect(config).toEqual({ ...DEFAULT_CONFIG, name: 'Anytown Waits', publisher: 'Anytown Council', colours: { ...DEFAULT_CONFIG.colours, primary: '#7a1f5c' }, pages: { explore: false, compare: true, league: true, council: true }, datasets: ['nhse-rtt'] });
	});

	it.each([
		{ name: 'not JSON', json: '{name:', error: 'openwaits.config.json is not a valid OpenWaits site configuration:\n  - it is not valid JSON' },
		{ name: 'a list', json: '[]', error: 'it must be a JSON object' },
		{ name: 'an unknown setting', json: '{"colors":{}}', error: '"colors" is not a setting; the settings are name, publisher, colours, pages, datasets.' },
		{ name: 'an empty name', json: '{"name":" "}', error: '"name" must be text of 1 to 60 characters.' },
		{ name: 'a named colour', json: '{"colours":{"primary":"purple"}}', error: '"colours.primary" must be a colour written #rrggbb, got "purple".' },
		{ name: 'an unknown colour', json: '{"colours":{"header":"#000000"}}', error: '"colours.header" is not a colour setting; they are primary, secondary, focus.' },
		{ name: 'a pale primary', json: '{"colours":{"primary":"#88ccff"}}', error: 'white header text on "colours.primary" #88ccff: contrast 1.73:1, below the 4.5:1 that WCAG AA asks for' },
		{ name: 'a dark focus', json: '{"colours":{"focus":"#333333"}}', error: 'text on the focus highlight "colours.focus" #333333' },
		{ name: 'an unknown page', json: '{"pages":{"home":false}}', error: '"pages.home" is not a page that can be turned off; they are explore, compare, league, council.' },
		{ name: 'a page set to "no"', json: '{"pages":{"league":"no"}}', error: '"pages.league" must be true or false.' },
		{ name: 'an empty dataset list', json: '{"datasets":[]}', error: '"datasets" must be a non-empty list of source ids' }
	])('rejects $name', ({ json, error }) => {
		expect(() => parseSiteConfig(json)).toThrow(error);
	});

	it('lists every problem at once, naming the file', () => {
		expect(() => parseSiteConfig('{"name":"","pages":{"x":true}}', 'council.json')).toThrow(/^council\.json is not .*\n {2}- "name".*\n {2}- "pages\.x"/);
	});
});

describe('contrast', () => {
	it.each([
		['#ffffff', '#000000', 21],
		['#ffffff', '#ffffff', 1],
		["#ffffff", "#005eb8", 6.38]
	])('%s on %s = %f', (a, b, expected) => expect(contrast(a, b)).toBeCloseTo(expected, 2));
});

describe('hidden pages', () => {
	const config = parseSiteConfig('{"pages":{"league":false}}');
	it.each([
		['/league', true],
		['/league/custom', true],
		['/embed/league', true],
		['/explore', false],
		['/', false],
		['/leagues', false],
		[null, false]
	])('%s hidden: %s', (route, expected) => expect(routeHidden(config, route)).toBe(expected));
	it('names the paths', () => expect(hiddenPaths(config)).toEqual(['/league', '/league/custom', '/embed/league']));
});
