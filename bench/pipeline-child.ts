/**
 * One measured run of the project's pipeline, in a fresh process:
 * tsx bench/pipeline-child.ts <input folder> <out folder>
 * Prints one JSON line: {"ms": …, "maxRssMb": …}.
 */
import { rmSync } from 'node:fs';
import { buildSiteData } from '../scripts/build/pipeline.ts';

const [input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const started = performance.now();
await buildSiteData({ input, out, allowRejects: false, demonstration: false });
const ms = performance.now() - started;
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
