import { describe, expect, it } from 'vitest';
import { loadExplorerFile, loadManifest } from './manifest.ts';
import type { ExplorerFile, Manifest } from '../schema/site-data.ts';

const good: ExplorerFile = {
	latestPeriod: '2026-04',
	demonstration: true,
	families: { rtt_detail: { description: 'One month of detail.', columns: [{ name: 'period', type: 'VARCHAR', description: 'Month, YYYY-MM' }] } },
	tables: [{ name: 'rtt_detail_2026_04', family: 'rtt_detail', period: '2026-04', title: 'Detail: 2026-04', path: 'months/2026-04/rtt_detail.duckdb.gz', parquet: null, rows: 1, bytes: 1, lazy: true, format: 'duckdb', innerTable: 'rtt_detail' }]
};

/** A fetch that answers every data file with `body`, and notes what was asked for. */
function serving(body: unknown) {
	const asked: string[] = [];
	const fetcher = (async (url: string) => {
		asked.push(url);
		return new Response(JSON.stringify(body));
	}) as typeof fetch;
	return { fetcher, asked };
}

describe('manifest loaders', () => {
	const loaders: [string, (f: typeof fetch) => Promise<unknown>, string][] = [
		['the explorer', loadExplorerFile, '/data/explorer.json'],
		['the whole manifest', loadManifest, '/data/manifest.json']
	];

	it.each(loaders)('%s: loads its file and gives it back as it was', async (_, load, path) => {
		const { fetcher, asked } = serving(good);
		expect(await load(fetcher)).toEqual(good);
		expect(asked).toEqual([path]);
	});

	const broken: [string, Partial<ExplorerFile>, RegExp][] = [
		['a family not listed', { families: {} }, /explorer\.json does not hold together: table rtt_detail_2026_04 names the family "rtt_detail", which is not listed\./],
		['a union part not listed', { tables: [...good.tables, { ...good.tables[0], name: 'rtt_detail', period: undefined, format: 'union', parts: ['rtt_detail_2026_05'] }] }, /table rtt_detail is made of rtt_detail_2026_05, which is not listed/]
	];
	it.each(broken)('refuses a file with %s', async (_, change, message) => {
		await expect(loadExplorerFile(serving({ ...good, ...change }).fetcher)).rejects.toThrow(message);
		await expect(loadManifest(serving({ ...(good as unknown as Manifest), ...change }).fetcher)).rejects.toThrow(new RegExp(message.source.replace('explorer', 'manifest')));
	});
});
