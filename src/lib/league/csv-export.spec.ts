import { describe, expect, it } from 'vitest';
import { leagueCsv, peerSpreadCsv } from './csv-export.ts';
import { computeLeague } from './compute.ts';
import { comparePeers } from './council.ts';
import { councilLeagueFixture } from '../../../tests/support/council-league-fixture.ts';

describe('leagueCsv', () => {
	it('writes a header and one line per row, safe names included', () => {
		const league = computeLeague([
			{ code: 'X1', name: '=HYPERLINK("http://x")', successes: 50, trials: 100 },
			{ code: 'X2', name: 'Plain', successes: 70, trials: 100 }
		], { direction: 'higher-is-better', draws: 50 });
		const lines = leagueCsv(league, 'Value', 'Cases').trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^code,name,area,Value \(%\),/);
		expect(lines.find((l) => l.startsWith('X1'))).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(lines[0]).not.toMatch(/change since/);
	});
	it('adds the change column, naming the earlier period, when the league has one', () => {
		const league = computeLeague([
			{ code: 'X1', name: 'Up', successes: 800, trials: 1000, earlier: { successes: 700, trials: 1000 } },
			{ code: 'X2', name: 'New', successes: 70, trials: 100 }
		], { direction: 'higher-is-better', draws: 50, trend: { since: 'April 2025' } });
		const lines = leagueCsv(league, 'Value', 'Cases').trim().split('\r\n');
		expect(lines[0].endsWith(',change since April 2025,"Value, April 2025 (%)"')).toBe(true);
		expect(lines.find((l) => l.startsWith('X1'))!.endsWith(',Better,70')).toBe(true);
		expect(lines.find((l) => l.startsWith('X2'))!.endsWith(',No earlier figure,')).toBe(true);
	});
});

describe('peerSpreadCsv', () => {
	it('one line per council with the peers’ median, MAD, distance and position; the chosen council marked', () => {
		const { councils, measures } = councilLeagueFixture();
		const focus = councils.councils[5];
		const comparison = comparePeers(measures[1], councils, '2022-23', null, focus.code);
		const lines = peerSpreadCsv(comparison).trim().split('\r\n');
		expect(lines[0]).toBe("code,name,year,Household waste recycled (%),rank,peers compared,peers' median (%),median absolute deviation,distance from median (MADs),robust z,compared with peers,chosen");
		expect(lines).toHaveLength(comparison.rows.length + 1);
		const row = lines.find((l) => l.startsWith(focus.code))!.split(',');
		expect(row.slice(1, 3)).toEqual([focus.name, '2022-23']);
		expect(row.slice(-2)).toEqual(['Clearly lower than its peers (worse)', 'yes']);
		expect(Number(row[6])).toBe(comparison.reference!.median);
	});
});
