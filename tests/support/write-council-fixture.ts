/**
 * `tsx tests/support/write-council-fixture.ts <static data folder> [--hostile] [--if-missing]`:
 * writes the fictional council fixture into a built site's data folder (used by
 * scripts/test-all.ts until the council build writes real and demonstration council files).
 * --if-missing leaves a folder that already has council/councils.json alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeCouncilFixture } from './council-fixture.ts';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
	console.error('usage: write-council-fixture.ts <static data folder> [--hostile] [--if-missing]');
	process.exit(2);
}
if (flags.includes('--if-missing') && existsSync(join(dir, 'council', 'councils.json'))) {
	console.log(`${dir} already has council data: the fixture was not written.`);
} else {
	const fixture = writeCouncilFixture(dir, { hostile: flags.includes('--hostile') });
	console.log(`Wrote the fictional council fixture (${fixture.councils.councils.length} councils) to ${dir}/council.`);
}
