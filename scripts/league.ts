/**
 * A league table from a CSV without a browser:
 *
 *   npm run league -- --config mapping.json --input file.csv --out folder
 *
 * The mapping is the JSON /league/custom saves. Writes index.html (table and
 * both plots, no scripts), funnel.svg, caterpillar.svg and league.csv to the
 * folder, using the same pure code as the site.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { computeLeague } from '../src/lib/league/compute.ts';
import { unitsFromRows, validateMapping, type Row } from '../src/lib/league/custom.ts';
import { leagueCsv } from '../src/lib/league/csv-export.ts';
import { renderLeague } from './league/html.ts';

export interface LeagueCliResult {
	files: string[];
	problems: string[];
	units: number;
}

export async function runLeague(configPath: string, inputPath: string, outDir: string): Promise<LeagueCliResult> {
	const config = JSON.parse(await readFile(configPath, 'utf8'));
	const text = (await readFile(inputPath, 'utf8')).replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
	const columns = (parsed.meta.fields ?? []).filter((f) => f !== '');
	const { mapping, problems } = validateMapping(config, columns);
	if (!mapping) throw new Error(`The mapping in ${configPath} does not fit ${inputPath}:\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
	const built = unitsFromRows(parsed.data, mapping);
	if (built.units.length === 0) throw new Error(`No usable rows in ${inputPath}:\n${built.problems.map((p) => `- line ${p.line}: ${p.message}`).join('\n')}`);
	const league = computeLeague(built.units, { direction: mapping.direction, mode: mapping.limits, target: mapping.target ?? undefined });
	const title = mapping.title + (built.period ? `, ${built.period}` : '');
	const rendered = renderLeague(league, { title, note: `From ${inputPath.split(/[\\/]/).pop()}.`, targetLabel: mapping.target ? 'Target' : 'All units', generated: new Date().toISOString().slice(0, 10) });
	await mkdir(outDir, { recursive: true });
	const files: [string, string][] = [
		['index.html', rendered.html],
		['funnel.svg', rendered.funnel],
		['caterpillar.svg', rendered.caterpillar],
		['league.csv', leagueCsv(league, 'Value', 'Cases')]
	];
	for (const [name, content] of files) await writeFile(join(outDir, name), content);
	return { files: files.map(([name]) => join(outDir, name)), problems: built.problems.map((p) => `line ${p.line}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`), units: league.rows.length };
}

async function main() {
	const { values } = parseArgs({ options: { config: { type: 'string' }, input: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
	if (values.help || !values.config || !values.input || !values.out) {
		console.log('Usage: npm run league -- --config mapping.json --input file.csv --out folder');
		process.exit(values.help ? 0 : 2);
	}
	try {
		const result = await runLeague(values.config, values.input, values.out);
		for (const problem of result.problems) console.warn(`warning: ${problem}`);
		console.log(`${result.units} units. Wrote ${result.files.join(', ')}`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
