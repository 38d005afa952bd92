/**
 * Placing independent providers with ODS ephp.csv/ephpsite.csv, on the real
 * RTT files. Those two ODS files are not in ../shared/data, so this test
 * writes files in ODS's documented headerless layout (scripts/sample/ods.ts)
 * for the providers the real build could not place, with real postcodes
 * chosen here (some deliberately left without one). The locations are made
 * up; what is tested is that the build reads the files, places every provider
 * whose files give a postcode, keeps the rest in the "not located" list,
 * changes nothing else, and that placed providers come up in a search.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, PostcodeAreaFile, ProviderRecord, ProvidersFile, TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';
import { providersOf } from '../../src/lib/schema/site-data.ts';
import { sharedDataDir } from '../lib/shared-data.ts';
import { buildSiteData } from './pipeline.ts';
import { odsFile, type OdsLineFields } from '../sample/ods.ts';
import { nearbyProviders } from '../../src/lib/data/nearby.ts';
import { normalisePostcode } from '../../src/lib/geo/postcode.ts';
import { locatePostcode } from '../../src/lib/geo/locate.ts';

const shared = sharedDataDir();
const LEEDS = ['LS1 3EX', 'LS9 7TF', 'LS2 9JT'];
const ELSEWHERE = ['M13 9WL', 'B15 2TH', 'SW1A 1AA', 'BS2 8HW', 'NE1 4LP', 'S10 2JF', 'NG7 2UH', 'L7 8XP'];

const json = <T>(dir: string, path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;

describe.skipIf(!shared)('independent providers placed from ODS ephp/ephpsite files (generated) beside the real data', () => {
	let before: { manifest: Manifest; out: string };
	let after: { manifest: Manifest; out: string };
	let withoutPostcode: string[];
	let inLeeds: string[];

	beforeAll(async () => {
		const root = mkdtempSync(join(tmpdir(), 'independent-real-'));
		const build = async (input: string, name: string) => {
			const out = join(root, name);
			return { manifest: await buildSiteData({ input, out, allowRejects: false, demonstration: false }), out };
		};
		before = await build(shared!, 'before');

		// Unplaced providers with eye-treatment figures go to Leeds, the rest elsewhere; every 7th has no postcode.
		const eyes = new Set(json<TreatmentWaitsFile>(before.out, 'patient/waits-C_130.json').rows.map((r) => r.provider));
		const unplaced = before.manifest.unlocatedProviders;
		const orgs = new Map<string, OdsLineFields>();
		const sites: OdsLineFields[] = [];
		withoutPostcode = [];
		inLeeds = [];
		unplaced.forEach((code, i) => {
			const none = i % 7 === 3;
			const leeds = !none && eyes.has(code) && inLeeds.length < LEEDS.length;
			const postcode = none ? '' : leeds ? LEEDS[inLeeds.length] : ELSEWHERE[i % ELSEWHERE.length];
			if (none) withoutPostcode.push(code);
			if (leeds) inLeeds.push(code);
			if (code.length === 5) {
				const parent = code.slice(0, 3);
				// The parent's head office has no postcode either, so a site without one stays unplaced.
				if (!orgs.has(parent)) orgs.set(parent, { code: parent, name: `GENERATED PROVIDER ${parent} LTD` });
				sites.push({ code, name: `GENERATED SITE ${code}`, postcode, parentCode: parent, address: ['1 MADE-UP ROAD'] });
			} else {
				orgs.set(code, { code, name: `GENERATED PROVIDER ${code} LTD`, postcode });
			}
		});
		const input = join(root, 'input');
		mkdirSync(join(input, 'generated-ods'), { recursive: true });
		for (const entry of readdirSync(shared!)) symlinkSync(join(shared!, entry), join(input, entry));
		writeFileSync(join(input, 'generated-ods/ephp.csv'), odsFile([...orgs.values()]));
		writeFileSync(join(input, 'generated-ods/ephpsite.csv'), odsFile(sites));
		after = await build(input, 'after');
	}, 600_000);

	it('reads both files with no row rejected', () => {
		const reports = after.manifest.sources.filter((s) => s.dataset === 'independent-providers' || s.dataset === 'independent-sites');
		expect(reports.map((s) => [s.file, s.dataset, s.rowsRejected])).toEqual([
			['generated-ods/ephp.csv', 'independent-providers', 0],
			['generated-ods/ephpsite.csv', 'independent-sites', 0]
		]);
	});

	it('places every provider whose files give a postcode; the rest stay listed as not located', () => {
		console.log(`providers with waits not located: ${before.manifest.unlocatedProviders.length} without the ODS files, ${after.manifest.unlocatedProviders.length} with them`);
		expect(before.manifest.unlocatedProviders.length).toBeGreaterThan(100);
		expect(after.manifest.unlocatedProviders.sort()).toEqual(withoutPostcode.sort());
	});

	it('changes nothing for providers that were already placed', () => {
		const load = (out: string) => new Map(providersOf(json<ProvidersFile>(out, 'patient/providers.json')).map((p) => [p.code, p]));
		const [old, now] = [load(before.out), load(after.out)];
		expect(now.size).toBe(old.size);
		for (const [code, p] of old) if (p.lat !== null) expect([now.get(code)!.lat, now.get(code)!.lon, now.get(code)!.locatedBy]).toEqual([p.lat, p.lon, p.locatedBy]);
	});

	it('newly placed providers come up in a search from LS1 4AP for eye treatment', () => {
		expect(inLeeds.length).toBeGreaterThan(0);
		const parsed = normalisePostcode('LS1 4AP')!;
		const origin = locatePostcode(parsed, json<PostcodeAreaFile>(after.out, 'patient/postcodes/LS.json'))!;
		const search = (out: string) =>
			nearbyProviders({
				origin: [origin.lat, origin.lon], miles: 25, treatment: 'C_130', sort: 'distance',
				providers: providersOf(json<ProvidersFile>(out, 'patient/providers.json')) as ProviderRecord[],
				waits: json<TreatmentWaitsFile>(out, 'patient/waits-C_130.json')
			}).rows.map((r) => r.provider.code);
		const [old, now] = [search(before.out), search(after.out)];
		for (const code of inLeeds) {
			expect(old).not.toContain(code);
			expect(now).toContain(code);
		}
	});
});
