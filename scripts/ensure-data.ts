/**
 * `npm run dev` / `npm run build` / `npm start` need site data. When none was
 * built, generate the demonstration data and build from it, so the site runs
 * anywhere with no download. Real data: `npm run data:build -- --input <folder>`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('static/data/manifest.json')) process.exit(0);
console.log('No site data yet: building the demonstration data (npm run data:sample)…');
const run = (args: string[]) => execFileSync('npx', ['tsx', ...args], { stdio: 'inherit' });
run(['scripts/sample/generate.ts', '--out', 'data/demo/raw']);
run(['scripts/build-data.ts', '--input', 'data/demo/raw', '--out', 'static/data', '--demonstration']);
