import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { councilLeagueFixture } from '../../../tests/support/council-league-fixture.ts';
import { comparePeers, peerGroup } from '../league/council.ts';
import { peerSpreadGeometry, peerSpreadSvg } from './peer-spread-plot.ts';
import PeerSpreadPlot from './PeerSpreadPlot.svelte';

const { councils, measures } = councilLeagueFixture();
const waste = measures.find((m) => m.measure.id === 'household-recycling')!;
const focus = councils.councils[5];
const all = comparePeers(waste, councils, '2022-23', null, focus.code);
const options = { width: 640, height: 360, title: 'Test peers', valueLabel: 'Recycled' };

describe('peerSpreadGeometry', () => {
	const g = peerSpreadGeometry(all, options);
	it('one point per council with a value, best first, inside the plot', () => {
		expect(g.points.map((p) => p.code)).toEqual(all.rows.map((r) => r.code));
		const ys = g.points.map((p) => p.y);
		expect(ys).toEqual([...ys].sort((a, b) => a - b)); // higher is better: best (highest, smallest y) first
		for (const p of g.points) {
			expect(p.x).toBeGreaterThan(g.plot.left);
			expect(p.x).toBeLessThan(g.plot.right);
			expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
			expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
		}
	});
	it('the band holds the median; the fixture’s low recycler is outside it, clearly worse, and named', () => {
		expect(g.band!.top).toBeLessThan(g.median!.y);
		expect(g.band!.bottom).toBeGreaterThan(g.median!.y);
		const p = g.points.find((q) => q.code === focus.code)!;
		expect(p).toMatchObject({ focus: true, band: 'worse-95' });
		expect(p.y).toBeGreaterThan(g.band!.bottom);
		expect(g.focusLabel!.text).toBe(focus.name);
		expect(g.points.filter((q) => q.focus)).toHaveLength(1);
	});
	it('says it all in words', () => {
		expect(g.description).toMatch(new RegExp(`^Peer comparison of ${all.rows.length} councils, best first across, recycled up\\. Peers’ median \\d+\\.\\d%; usual range \\d+\\.\\d% to \\d+\\.\\d%\\. \\d+ clearly better and \\d+ clearly worse than the peers\\. ${focus.name}: \\d+\\.\\d%, clearly lower than its peers \\(worse\\)\\.$`));
		expect(g.points[0].description).toMatch(/^.+ \(E\d{8}\): \d+\.\d%, ranked 1 of \d+; [+−]?\d+\.\d median absolute deviations from the peers’ median; .+\.$/);
	});
	it('a peer group draws only its councils', () => {
		const group = peerGroup(councils, focus.code, 'ons-global')!;
		const narrow = peerSpreadGeometry(comparePeers(waste, councils, '2022-23', group.codes, focus.code), options);
		expect(narrow.points.length).toBe(group.codes.size);
	});
	it('copes with no councils', () => {
		const empty = peerSpreadGeometry(comparePeers(waste, councils, '1999-00', null, null), options);
		expect([empty.points, empty.median, empty.band, empty.focusLabel, empty.description]).toEqual([[], null, null, null, 'No councils to show.']);
	});
});

describe('standalone SVG and the Svelte layer', () => {
	const g = peerSpreadGeometry(all, options);
	it('is one self-contained, escaped SVG document', () => {
		const svg = peerSpreadSvg(g);
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).not.toMatch(/class=|<style|<script|href=/);
		expect(svg).toMatchSnapshot();
	});
	it('the component renders one focusable, labelled point per council', () => {
		const { body } = render(PeerSpreadPlot, { props: { comparison: all, ...options } });
		expect(body.match(/tabindex="0"/g)).toHaveLength(all.rows.length);
		expect(body).toContain(`data-code="${focus.code}" data-focus=""`);
		expect(body).toMatchSnapshot();
	});
});
