/**
 * Downloads the official source files (data/sources.json) into data/raw/.
 * `npm run data:fetch -- --help` for the options; the work is in scripts/fetch/.
 */
import { runFetch } from './fetch/cli.ts';

process.exitCode = await runFetch(process.argv.slice(2), { stderr: process.stderr, stdout: process.stdout });
