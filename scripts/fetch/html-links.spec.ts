import { describe, expect, it } from 'vitest';
import { decodeEntities, pageLinks, visibleText } from './html-links.ts';

const PAGE = 'https://www.england.nhs.uk/statistics/statistical-work-areas/rtt-waiting-times/rtt-data-2025-26/';

describe('pageLinks', () => {
	it.each([
		{ name: 'absolute href, text in a span', html: '<a href="https://x.org/a.zip"><span>Full CSV data file Apr25</span> (ZIP, 4M)</a>', expected: [{ href: 'https://x.org/a.zip', text: 'Full CSV data file Apr25 (ZIP, 4M)' }] },
		{ name: 'relative href resolved against the page', html: "<a class='x' href='../rtt-data-2024-25/'>RTT data 2024-25</a>", expected: [{ href: 'https://www.england.nhs.uk/statistics/statistical-work-areas/rtt-waiting-times/rtt-data-2024-25/', text: 'RTT data 2024-25' }] },
		{ name: 'entities in href and text', html: '<a href="/f?a=1&amp;b=2">Monthly A&amp;E April&nbsp;2025 (CSV, 12K)</a>', expected: [{ href: 'https://www.england.nhs.uk/f?a=1&b=2', text: 'Monthly A&E April 2025 (CSV, 12K)' }] },
		{ name: 'unquoted href, upper-case tag, line breaks in text', html: '<A HREF=/x.csv>Monthly\n  A&#38;E\tMay 2025</A>', expected: [{ href: 'https://www.england.nhs.uk/x.csv', text: 'Monthly A&E May 2025' }] },
		{ name: 'fragment dropped', html: '<a href="/x.zip#top">X</a>', expected: [{ href: 'https://www.england.nhs.uk/x.zip', text: 'X' }] },
		{ name: 'mailto, javascript, anchors and no href left out', html: '<a href="mailto:a@b">m</a><a href="javascript:void(0)">j</a><a name="top">t</a><a href="#main">skip</a>', expected: [] },
		{ name: 'links in comments and scripts left out', html: '<!-- <a href="/old.zip">old</a> --><script>x = "<a href=/s.zip>s</a>"</script><a href="/new.zip">new</a>', expected: [{ href: 'https://www.england.nhs.uk/new.zip', text: 'new' }] },
		{ name: 'an icon-only link takes its title', html: '<a href="/a.zip" title="Download CSV"><img src="i.svg" alt=""></a>', expected: [{ href: 'https://www.england.nhs.uk/a.zip', text: 'Download CSV' }] }
	])('$name', ({ html, expected }) => {
		expect(pageLinks(html, PAGE)).toEqual(expected);
	});
});

describe('text helpers', () => {
	it.each([
		['&lt;b&gt; &#x41;&#66; &unknown; &#0;', '<b> AB &unknown; &#0;'],
		['Apr&rsquo;s &ndash; revised', 'Apr’s – revised']
	])('decodeEntities(%j)', (input, expected) => expect(decodeEntities(input)).toBe(expected));

	it('visibleText drops tags and collapses space', () => {
		expect(visibleText('<p>Full <strong>CSV</strong>\n data</p>')).toBe('Full CSV data');
	});
});
