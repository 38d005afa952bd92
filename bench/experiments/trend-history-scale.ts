/**
 * What N cached months cost a build's outputs at the real data's size, which the
 * generated months (37 providers against about 230 per treatment) do not show:
 * one real month's cached results copied to N months, then every entry parsed,
 * every trend merged and the trend files' JSON made, as outputs do.
 *   npx tsx bench/experiments/trend-history-scale.ts <checkout> <entry.json> <months>
 * <checkout> is the repository whose build code is timed (this one, or an older commit
 * checked out with `git worktree add`); <entry.json> one month's entry in a month cache
 * that checkout's `npm run data:build -- --input ../shared/data --cache <folder>` wrote.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [checkout, entryPath, monthsText] = process.argv.slice(2);
const months = Number(monthsText);
if (!checkout || !entryPath || !(months > 0)) throw new Error('usage: tsx bench/experiments/trend-history-scale.ts <checkout> <entry.json> <months>');
const code = (path: string) => import(pathToFileURL(resolve(checkout, path)).href);
const { mergeTrends } = await code('scripts/build/month-patient.ts');
const { treatmentTrendFiles } = await code('scripts/build/patient-files.ts');

const text = readFileSync(entryPath, 'utf8');
const periods = Array.from({ length: months }, (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const [started, cpu] = [performance.now(), process.cpuUsage()];
const results = periods.map((period) => ({ ...JSON.parse(text).result, period }));
const parsed = performance.now();
let bytes = 0;
for (const file of treatmentTrendFiles(mergeTrends(results), periods)) bytes += JSON.stringify(file).length;
const used = process.cpuUsage(cpu);
console.log(
	`${months} months, entry.json ${(text.length / 1e3).toFixed(0)} kB each: parse ${Math.round(parsed - started)} ms, trend ${Math.round(performance.now() - parsed)} ms, ` +
		`total ${Math.round(performance.now() - started)} ms, CPU ${Math.round((used.user + used.system) / 1000)} ms; trend files ${(bytes / 1e6).toFixed(1)} MB`
);
