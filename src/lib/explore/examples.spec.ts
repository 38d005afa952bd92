import { describe, expect, it } from 'vitest';
import { exampleQueries } from './examples';
import { defaultChart } from './chart';
import type { ManifestTable } from '$lib/schema/site-data';

const table = (name: string) => ({ name }) as ManifestTable;
const SITE = ['rtt_summary', 'rtt_summary_2026_03', 'rtt_summary_2026_04', 'rtt_england', 'providers', 'postcode_sectors', 'ae_monthly', 'rtt_detail_2026_04'];

describe('exampleQueries', () => {
	it('uses the latest month and every table it names exists', () => {
		const examples = exampleQueries({ latestPeriod: '2026-04', tables: SITE.map(table) });
		expect(examples.map((e) => e.id)).toEqual(['over-52-orthopaedics', 'treated-this-month', 'england-median', 'near-sector', 'ae-4-hour', 'waits-vs-survey', 'treatments-longest', 'commissioners']);
		const detail = examples.at(-1)!;
		expect(detail.sql).toContain('FROM rtt_detail_2026_04');
		expect(detail.sql).toContain('band_052 + ');
		expect(detail.sql).toContain('band_104)');
	});

	it('names the latest month’s own table, never every month, for a question about the latest month', () => {
		const examples = exampleQueries({ latestPeriod: '2026-04', tables: SITE.map(table) });
		const latestMonth = examples.filter((e) => e.tables.some((t) => t.startsWith('rtt_summary')));
		expect(latestMonth.map((e) => e.id)).toEqual(['over-52-orthopaedics', 'treated-this-month', 'near-sector', 'waits-vs-survey', 'treatments-longest']);
		for (const example of latestMonth) {
			expect(example.tables).toContain('rtt_summary_2026_04');
			expect(example.sql).toContain('rtt_summary_2026_04');
			expect(example.sql).not.toMatch(/\brtt_summary\b/);
		}
		// The first example, run when /explore opens, fetches one month only.
		expect(examples[0].tables).toEqual(['rtt_summary_2026_04']);
	});

	it('charts England’s median wait by month as a line, over every month', () => {
		const example = exampleQueries({ latestPeriod: '2026-04', tables: SITE.map(table) }).find((e) => e.id === 'england-median')!;
		expect(example.tables).toEqual(['rtt_england']);
		expect(example.sql).toMatch(/^SELECT period AS month, median_weeks/);
		expect(example.sql).toContain('ORDER BY month');
		expect(example.sql).not.toContain("period = '");
		const rows = [{ month: '2026-03', median_weeks: 14.1, p92_weeks: 50, pct_within_18: 59.1, pathways: 7_400_000, over_52: 190_000 }, { month: '2026-04', median_weeks: 13.9, p92_weeks: 49, pct_within_18: 59.8, pathways: 7_390_000, over_52: 185_000 }];
		expect(defaultChart(Object.keys(rows[0]), rows)).toEqual({ kind: 'line', x: 'month', y: 'median_weeks' });
	});

	it('leaves out examples whose tables are missing', () => {
		const examples = exampleQueries({ latestPeriod: null, tables: [table('ae_monthly'), table('rtt_summary')] });
		expect(examples.map((e) => e.id)).toEqual(['ae-4-hour']);
	});
});
