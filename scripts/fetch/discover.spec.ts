import { describe, expect, it } from 'vitest';
import { discoverFiles, fileLinks, newestPerMonth, uploadFolder, type DiscoverRule } from './discover.ts';

const UP = 'https://www.england.nhs.uk/statistics/wp-content/uploads/sites/2';
const RTT: DiscoverRule = {
	yearPages: '/rtt-data-(?<start>\\d{4})-\\d{2}/?$',
	linkText: '^Full CSV data file (?<month>[A-Za-z]{3})(?<year>\\d{2}) \\(ZIP',
	describe: "'Full CSV data file <Mon><YY> (ZIP, …)'",
	saveAs: 'rtt/RTT-{period}.zip'
};
const file = (period: string | null, uploaded: string | null, revised = false) => ({ period, uploaded, revised, url: `${period}-${uploaded}-${revised}`, text: '', page: 'p' });

describe('uploadFolder', () => {
	it.each([
		[`${UP}/2025/06/Full-CSV-data-file-Apr25-ZIP-4M-x.zip`, '2025-06'],
		['https://www.england.nhs.uk/statistics/wp-content/uploads/2019/11/a.csv', '2019-11'],
		['https://files.digital.nhs.uk/assets/ods/current/etr.zip', null]
	])('%s → %s', (url, expected) => expect(uploadFolder(url)).toBe(expected));
});

describe('fileLinks', () => {
	it('keeps the links whose title matches, with their month, upload folder and revision mark', () => {
		const links = [
			{ href: `${UP}/2025/06/Full-CSV-data-file-Apr25-ZIP-4M-a.zip`, text: 'Full CSV data file Apr25 (ZIP, 4M)' },
			{ href: `${UP}/2025/10/Full-CSV-data-file-Apr25-revised-ZIP-4M-b.zip`, text: 'Full CSV data file Apr25 (ZIP, 4M) – revised' },
			{ href: `${UP}/2025/06/Incomplete-Provider-Apr25.xlsx`, text: 'Incomplete Provider Apr25 (XLSX, 9M)' },
			{ href: `${UP}/2025/06/x.zip`, text: 'Full CSV data file Abc25 (ZIP, 4M)' },
			{ href: `${UP}/2025/07/y.zip`, text: 'FULL CSV DATA FILE May25 (zip, 4M)' }
		];
		expect(fileLinks(links, RTT, 'p').map((f) => [f.period, f.uploaded, f.revised])).toEqual([
			['2025-04', '2025-06', false],
			['2025-04', '2025-10', true],
			['2025-05', '2025-07', false]
		]);
	});

	it('matches on the address too, and a source without months has period null', () => {
		const rule = { linkHref: '/etr\\.zip$', describe: 'etr.zip', saveAs: 'etr.zip' };
		const links = [{ href: 'https://f/ets.zip', text: 'ets.zip' }, { href: 'https://f/etr.zip', text: 'etr.zip (ZIP, 40 KB)' }];
		expect(fileLinks(links, rule, 'p')).toEqual([{ period: null, url: 'https://f/etr.zip', text: 'etr.zip (ZIP, 40 KB)', page: 'p', uploaded: null, revised: false }]);
	});
});

describe('newestPerMonth', () => {
	it.each([
		{ name: 'later upload folder wins whatever the page order', files: [file('2025-04', '2025-10'), file('2025-04', '2025-06')], expected: ['2025-04-2025-10-false'] },
		{ name: 'a revision in a later folder beats the original', files: [file('2025-04', '2025-06'), file('2025-04', '2025-10', true)], expected: ['2025-04-2025-10-true'] },
		{ name: 'same folder: revised beats not revised', files: [file('2025-04', '2025-06', true), file('2025-04', '2025-06')], expected: ['2025-04-2025-06-true'] },
		{ name: 'no folder in either: the later link', files: [{ ...file('2025-04', null), url: 'first' }, { ...file('2025-04', null), url: 'second' }], expected: ['second'] },
		{ name: 'one per month, oldest first', files: [file('2025-05', '2025-07'), file('2025-04', '2025-06')], expected: ['2025-04-2025-06-false', '2025-05-2025-07-false'] }
	])('$name', ({ files, expected }) => expect(newestPerMonth(files).map((f) => f.url)).toEqual(expected));
});

describe('discoverFiles', () => {
	const LANDING = 'https://e.org/rtt/';
	const year = (months: string[]) => months.map((m) => `<a href="${UP}/x/${m}.zip">Full CSV data file ${m} (ZIP, 4M)</a>`).join('');
	const pages: Record<string, string> = {
		[LANDING]: '<a href="rtt-data-2025-26/">RTT data 2025-26</a>',
		[`${LANDING}rtt-data-2025-26/`]: year(['Mar25', 'Apr25', 'May25', 'Mar26'])
	};
	const run = (since: string, until: string) =>
		discoverFiles(RTT, { sourceId: 'rtt', landingPage: LANDING, since, until, getPage: async (url) => pages[url] ?? Promise.reject(new Error(`no ${url}`)) });

	it('keeps the months from --since up to now, with saveAs filled in', async () => {
		const { files, notes } = await run('2025-05', '2026-05');
		expect(files.map((f) => [f.period, f.saveAs])).toEqual([['2025-05', 'rtt/RTT-2025-05.zip'], ['2026-03', 'rtt/RTT-2026-03.zip']]);
		expect(notes).toEqual(['no 2026-27 page yet (its first month is not due until 2026-06)']);
	});

	it('calls a missing year page an error once its months are due', async () => {
		await expect(run('2025-05', '2026-06')).rejects.toThrow(`${LANDING}: the link to the 2026-27 page was not found on the page (it has 1 links).`);
	});
});
