/** `npm run refresh`: fetch, build, check, and say what changed. The work is in scripts/refresh/. */
import { runRefresh } from './refresh/run.ts';

process.exitCode = await runRefresh(process.argv.slice(2), { stderr: process.stderr, stdout: process.stdout });
