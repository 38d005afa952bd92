import { beforeEach, describe, expect, it } from 'vitest';
import { clearPatientDataCache } from '../data/patient-data.ts';
import { councilFixture } from '../../../tests/support/council-fixture.ts';
import { loadAllCouncilMeasures, loadCouncilMeasure, loadCouncilPostcodeArea, loadCouncils } from './load.ts';

const fixture = councilFixture();
const files = new Map<string, unknown>([
	['council/councils.json', fixture.councils],
	...fixture.measures.map((m) => [m.measure.path, m] as [string, unknown]),
	...fixture.postcodes.map((p) => [`council/postcodes/${p.area}.json`, p] as [string, unknown])
]);
let requested: string[] = [];
const fetcher = (async (input: RequestInfo | URL) => {
	const path = String(input).replace(/^.*\/data\//, '');
	requested.push(path);
	return files.has(path) ? new Response(JSON.stringify(files.get(path))) : new Response('', { status: 404 });
}) as typeof fetch;

beforeEach(() => {
	clearPatientDataCache();
	requested = [];
});

describe('loading council files', () => {
	it('reads councils.json once and shares it', async () => {
		expect(await loadCouncils(fetcher)).toEqual(fixture.councils);
		await loadCouncils(fetcher);
		expect(requested).toEqual(['council/councils.json']);
	});
	it('loads every measure the catalogue lists', async () => {
		expect((await loadAllCouncilMeasures(fixture.councils, fetcher)).map((f) => f.measure.id)).toEqual(fixture.councils.measures.map((m) => m.id));
	});
	const refused: [string, (f: typeof fetch) => Promise<unknown>][] = [
		['a measure id with a path in it', (f) => loadCouncilMeasure('../site', f)],
		['a lower-case area', (f) => loadCouncilPostcodeArea('za', f)],
		['an area with a slash', (f) => loadCouncilPostcodeArea('Z/', f)]
	];
	for (const [name, load] of refused) {
		it(`${name} is refused without a request`, async () => {
			expect(await load(fetcher)).toBeNull();
			expect(requested).toEqual([]);
		});
	}
	it('a missing file is null, not an error', async () => {
		expect(await loadCouncilPostcodeArea('QQ', fetcher)).toBeNull();
		expect(await loadCouncilMeasure('not-built', fetcher)).toBeNull();
	});
});
