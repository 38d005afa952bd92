/**
 * One measured data build in a fresh process, for the history figures:
 * tsx bench/history-child.ts <input folder> <out folder> <month cache folder>
 * Prints one JSON line: {"ms": …, "maxRssMb": …, "bytes": …, "months": …}, where
 * bytes is the size of everything the build wrote to <out folder>.
 */
import { buildSiteData } from '../scripts/build/pipeline.ts';
import { folderBytes } from './history.ts';
import { maxRssMb } from './child-clock.ts';

const [input, out, cache] = process.argv.slice(2);
const started = performance.now();
const manifest = await buildSiteData({ input, out, cache, allowRejects: false, demonstration: true });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: maxRssMb(), bytes: folderBytes(out), months: manifest.periods.length }));
