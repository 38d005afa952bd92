/**
 * One measured run of the project's pipeline, in a fresh process:
 * tsx bench/pipeline-child.ts <input folder> <out folder>
 * Prints one JSON line: {"ms": …, "maxRssMb": …, "stages": {…}} where stages
 * splits the time into reading (unzip, validate, load), summarising and
 * writing the outputs, from the pipeline's own log lines; cpu is the build's
 * user and kernel time (creating thousands of small files is kernel time).
 * The output is left for the caller to delete once every run is done: on this
 * machine's ext4, files created within a minute or so of thousands being
 * deleted cost up to 0.5 ms of kernel time each, so deleting one run's 4,700
 * files just before the next run would charge that run for the harness's cleanup.
 */
import { rmSync } from 'node:fs';
import { buildSiteData } from '../scripts/build/pipeline.ts';
import { maxRssMb, startClock } from './child-clock.ts';

const [input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const marks: { at: number; line: string }[] = [];
const clock = startClock();
const { started } = clock;
await buildSiteData({ input, out, allowRejects: false, demonstration: false, log: (line) => marks.push({ at: performance.now() - started, line }) });
const { ms, cpu } = clock.stop();
const lastAt = (pattern: RegExp) => Math.max(0, ...marks.filter((m) => pattern.test(m.line)).map((m) => m.at));
const read = lastAt(/\] read /);
const summarise = lastAt(/\] summarised /);
const stages = { readMs: read, summariseMs: Math.max(0, summarise - read), writeMs: Math.max(0, ms - summarise) };
console.log(JSON.stringify({ ms, maxRssMb: maxRssMb(), cpu, stages }));
