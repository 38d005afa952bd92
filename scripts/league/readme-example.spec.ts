/**
 * The README's council example for `npm run league` is run here exactly as
 * written (its --config and --input), so the example cannot rot.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLeague } from '../league.ts';

const readme = await readFile('README.md', 'utf8');
const command = readme.split('\n').find((line) => line.startsWith('npm run league -- --config tests/fixtures/league/council'));

describe('README: npm run league on a council file', () => {
	it('the example is in the README', () => expect(command).toBeDefined());
	it('runs as written and makes a funnel of the councils in the chosen year', async () => {
		const { values } = parseArgs({ args: command!.replace('npm run league -- ', '').split(/\s+/), options: { config: { type: 'string' }, input: { type: 'string' }, out: { type: 'string' } } });
		expect(values.out).toBe('league-out');
		const out = await mkdtemp(join(tmpdir(), 'league-readme-'));
		const result = await runLeague(values.config!, values.input!, out);
		const csv = await readFile(values.input!, 'utf8');
		// The file is the build's own council/<measure>.csv layout: England's row is in it, and left out by "exclude".
		const year2025 = csv.split(/\r?\n/).filter((line) => line.split(',')[3] === '2025' && !line.includes(',E92000001,'));
		const suppressed = year2025.filter((line) => line.split(',')[7] === 'true');
		expect(suppressed).toHaveLength(1);
		expect(result.units).toBe(year2025.length - suppressed.length);
		// The suppressed cell is named by line and column, never read as 0.
		const line = csv.split(/\r?\n/).indexOf(suppressed[0]) + 1;
		expect(result.problems).toEqual([`line ${line}, column "numerator": "" is not a number: row left out.`]);
		const html = await readFile(join(out, 'index.html'), 'utf8');
		expect(html).toContain('<h1>Children’s social care re-referrals (fictional councils), 2025</h1>');
		expect(html).toMatch(/additive random effect/);
		expect(html.match(/<th scope="row">/g)).toHaveLength(result.units);
		expect(html).not.toContain('<script');
		expect((await readFile(join(out, 'funnel.svg'), 'utf8')).startsWith('<svg')).toBe(true);
	});
});
