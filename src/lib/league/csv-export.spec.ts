import { describe, expect, it } from 'vitest';
import { leagueCsv } from './csv-export.ts';
import { computeLeague } from './compute.ts';

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
	});
});
