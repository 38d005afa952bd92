/** npm start: data (demonstration unless real data was built), a production build, then a local server. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serveStatic } from '../tests/support/static-server.ts';

execFileSync('npx', ['tsx', 'scripts/ensure-data.ts'], { stdio: 'inherit' });
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const port = Number(process.env.PORT ?? 4173);
const server = await serveStatic(resolve('build'), { basePath: process.env.BASE_PATH ?? '', port });
console.log(`OpenWaits is running at ${server.url}/ (Ctrl+C to stop)`);
