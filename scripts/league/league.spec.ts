import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLeague } from '../league.ts';

const CONFIG = 'tests/fixtures/league/councils-mapping.json';
const INPUT = 'tests/fixtures/league/councils.csv';

describe('npm run league', () => {
	it('writes static HTML, SVG and CSV from a mapping and a CSV', async () => {
		const out = await mkdtemp(join(tmpdir(), 'league-'));
		const result = await runLeague(CONFIG, INPUT, out);
		expect(result.units).toBe(7);
		const html = await readFile(join(out, 'index.html'), 'utf8');
		expect(html).toContain('<h1>Councils: events per total, 2025</h1>');
		expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
		expect(html).not.toContain('<script');
		expect(html.match(/<th scope="row">/g)).toHaveLength(7);
		expect(html).toContain('Better than expected (99.8% limit)');
		expect(html).toContain('@page { size: A4');
		const csv = await readFile(join(out, 'league.csv'), 'utf8');
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(8);
		expect(csv).toContain("'=Formula Town");
		expect((await readFile(join(out, 'funnel.svg'), 'utf8')).startsWith('<svg')).toBe(true);
	});
	it('explains a mapping that does not fit the file', async () => {
		const out = await mkdtemp(join(tmpdir(), 'league-'));
		const bad = join(out, 'bad.json');
		await writeFile(bad, JSON.stringify({ unit: 'Nope', numerator: 'Events', denominator: 'Total' }));
		await expect(runLeague(bad, INPUT, out)).rejects.toThrow(/no column called "Nope"/);
	});
});
