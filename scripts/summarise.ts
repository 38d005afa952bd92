/**
 * Waiting-time figures for one RTT month, from the command line.
 * `npm run summarise -- --help` for the options; the work is in scripts/summarise/.
 */
import { runSummarise } from './summarise/cli.ts';

process.exitCode = await runSummarise(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
