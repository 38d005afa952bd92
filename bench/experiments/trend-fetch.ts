/**
 * What a patient's result cards fetch of the trend, against the whole trend of the treatment:
 * for every postcode district in a built site (its centre as the search's origin), every
 * treatment and the default distance, the hospitals the search lists (nearbyProviders, as the
 * page) and the trend parts holding them (trendPartsFor, as the page), in gzip bytes.
 *   npx tsx bench/experiments/trend-fetch.ts <site data folder> [miles]
 * e.g. `static/data` after `npm run data:build -- --input ../shared/data`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nearbyProviders } from '../../src/lib/data/nearby.ts';
import { trendPartsFor } from '../../src/lib/data/trend-parts.ts';
import { DEFAULT_SEARCH } from '../../src/lib/state/search-params.ts';
import { providersOf, trendPartPath, type PostcodeAreaFile, type ProvidersFile, type TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';

const [dir, milesText] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx bench/experiments/trend-fetch.ts <site data folder> [miles]');
const miles = Number(milesText ?? DEFAULT_SEARCH.miles);
const json = <T>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;

const providers = providersOf(json<ProvidersFile>('patient/providers.json'));
const origins = readdirSync(join(dir, 'patient/postcodes'))
	.filter((f) => f !== 'index.json')
	.flatMap((f) => Object.values(json<PostcodeAreaFile>(`patient/postcodes/${f}`).districts));
const treatments = readdirSync(join(dir, 'patient')).flatMap((f) => /^waits-(.+)\.json$/.exec(f)?.[1] ?? []).sort();

const fractions: number[] = [];
let [fetched, whole, fetchedRaw, wholeRaw, searches, empty] = [0, 0, 0, 0, 0, 0];
for (const treatment of treatments) {
	const waits = json<TreatmentWaitsFile>(`patient/waits-${treatment}.json`);
	const texts = Array.from({ length: waits.trendParts }, (_, i) => readFileSync(join(dir, trendPartPath(treatment, i))));
	const partBytes = texts.map((text) => gzipSync(text, { level: 6 }).length);
	const rawBytes = texts.map((text) => text.length);
	const sum = (bytes: number[], parts: number[]) => parts.reduce((total, part) => total + bytes[part], 0);
	const every = texts.map((_, i) => i);
	const [all, allRaw] = [sum(partBytes, every), sum(rawBytes, every)];
	for (const origin of origins) {
		const { rows } = nearbyProviders({ origin, miles, treatment, providers, waits, sort: 'wait' });
		if (rows.length === 0) {
			empty++;
			continue;
		}
		const parts = trendPartsFor(waits, rows.map((r) => r.provider.code));
		const bytes = sum(partBytes, parts);
		fractions.push(bytes / all);
		[fetched, whole, searches] = [fetched + bytes, whole + all, searches + 1];
		[fetchedRaw, wholeRaw] = [fetchedRaw + sum(rawBytes, parts), wholeRaw + allRaw];
	}
}
fractions.sort((a, b) => a - b);
const at = (q: number) => (100 * fractions[Math.min(fractions.length - 1, Math.floor(q * fractions.length))]).toFixed(1);
console.log(
	`${searches} searches (${origins.length} districts × ${treatments.length} treatments, ${miles} miles; ${empty} with no hospital listed): ` +
		`trend fetched ${(fetched / searches / 1e3).toFixed(1)} kB gzip on average against ${(whole / searches / 1e3).toFixed(1)} kB for the whole treatment (${((100 * fetched) / whole).toFixed(1)}%); ` +
		`share per search: median ${at(0.5)}%, 90th percentile ${at(0.9)}%, largest ${at(1)}%; ` +
		`uncompressed, which grows with the months: ${(fetchedRaw / searches / 1e3).toFixed(1)} kB against ${(wholeRaw / searches / 1e3).toFixed(1)} kB (${((100 * fetchedRaw) / wholeRaw).toFixed(1)}%)`
);
