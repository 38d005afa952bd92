import { describe, expect, it } from 'vitest';
import { mirrorUrl, parseSources, planDownloads } from './sources.ts';

const source = (overrides: Record<string, unknown> = {}, file: Record<string, unknown> = {}) => ({
	id: 'rtt', title: 'T', publisher: 'P', licence: 'OGL', landingPage: 'https://example.org/',
	files: [{ url: 'https://example.org/a.zip', saveAs: 'rtt/a.zip', sha256: null, ...file }],
	...overrides
});
const json = (...sources: unknown[]) => JSON.stringify({ sources });

describe('parseSources', () => {
	it('accepts a list or { sources }, defaulting sha256 to null', () => {
		const { sha256: _, ...withoutSha } = source().files[0];
		const bare = JSON.stringify([source({}, {})].map((s) => ({ ...s, files: [withoutSha] })));
		expect(parseSources(bare)[0].files[0].sha256).toBeNull();
		expect(parseSources(json(source()))[0].id).toBe('rtt');
	});

	it.each([
		{ name: 'not JSON', text: '{', error: 'is not valid JSON' },
		{ name: 'no list', text: '{}', error: 'expected a list of sources' },
		{ name: 'bad id', text: json(source({ id: 'RTT data' })), error: '"id" must be lower-case' },
		{ name: 'duplicate id', text: json(source(), source({}, { saveAs: 'b.zip' })), error: 'duplicate id "rtt"' },
		{ name: 'no files', text: json(source({ files: [] })), error: '"files" must be a non-empty list' },
		{ name: 'ftp url', text: json(source({}, { url: 'ftp://x/a' })), error: '"url" must be http(s)' },
		{ name: 'not a url', text: json(source({}, { url: 'nhs dot uk' })), error: '"url" is not a URL' },
		{ name: 'escaping saveAs', text: json(source({}, { saveAs: '../etc/passwd' })), error: '"saveAs" must be a plain relative path' },
		{ name: 'absolute saveAs', text: json(source({}, { saveAs: '/tmp/a' })), error: '"saveAs" must be a plain relative path' },
		{ name: 'short sha256', text: json(source({}, { sha256: 'abc' })), error: '"sha256" must be 64 lower-case hex' },
		{ name: 'same saveAs twice', text: json(source(), source({ id: 'ae' })), error: '"rtt/a.zip" is saved by two entries' },
		{ name: 'missing title', text: json(source({ title: '' })), error: '"title" must be a non-empty string' },
		{ name: 'discover without patterns', text: json(source({ files: [], discover: { describe: 'x', saveAs: 'a/{period}.zip' } })), error: 'give "linkText" or "linkHref"' },
		{ name: 'discover with a bad regex', text: json(source({ files: [], discover: { linkText: '(', describe: 'x', saveAs: 'a.zip' } })), error: '"linkText" is not a valid regular expression' },
		{ name: 'monthly links, no {period}', text: json(source({ files: [], discover: { linkText: '(?<month>\\w+)', describe: 'x', saveAs: 'a.zip' } })), error: '"saveAs" must contain {period}' },
		{ name: 'year pages without start', text: json(source({ files: [], discover: { yearPages: 'rtt-data', linkText: 'x', describe: 'x', saveAs: 'a.zip' } })), error: '(?<start>…)' },
		{ name: 'no files and no discover', text: json(source({ files: [] })), error: '(or give "discover")' }
	])('rejects $name', ({ text, error }) => {
		expect(() => parseSources(text)).toThrow(error);
	});
});

describe('mirrorUrl', () => {
	it.each([
		['http://127.0.0.1:8080', 'rtt/a.zip', 'http://127.0.0.1:8080/rtt/a.zip'],
		['http://127.0.0.1:8080/', 'rtt/a.zip', 'http://127.0.0.1:8080/rtt/a.zip'],
		['https://mirror.example/data', 'ae/a b.csv', 'https://mirror.example/data/ae/a%20b.csv'],
		['https://mirror.example/data/', 'x#1.csv', 'https://mirror.example/data/x%231.csv']
	])('%s + %s', (base, saveAs, expected) => expect(mirrorUrl(base, saveAs)).toBe(expected));
});

describe('planDownloads', () => {
	const sources = parseSources(json(source(), source({ id: 'ae' }, { saveAs: 'ae/b.csv', sha256: 'a'.repeat(64) })));
	it.each([
		{ options: {}, expected: [['rtt', 'https://example.org/a.zip', null], ['ae', 'https://example.org/a.zip', 'a'.repeat(64)]] },
		{ options: { only: 'ae' }, expected: [['ae', 'https://example.org/a.zip', 'a'.repeat(64)]] },
		{ options: { baseUrl: 'http://127.0.0.1:1' }, expected: [['rtt', 'http://127.0.0.1:1/rtt/a.zip', null], ['ae', 'http://127.0.0.1:1/ae/b.csv', 'a'.repeat(64)]] }
	])('$options', ({ options, expected }) => {
		expect(planDownloads(sources, options).map((p) => [p.sourceId, p.url, p.sha256])).toEqual(expected);
	});

	it('names the known ids for an unknown --only', () => {
		expect(() => planDownloads(sources, { only: 'cqc' })).toThrow('no source with id "cqc"; the ids are: rtt, ae.');
	});
});
