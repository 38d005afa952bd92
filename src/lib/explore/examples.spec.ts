import { describe, expect, it } from 'vitest';
import { exampleQueries } from './examples';
import type { TableDescription } from '$lib/schema/site-data';

const table = (name: string) => ({ name }) as TableDescription;

describe('exampleQueries', () => {
	it('uses the latest month and every table it names exists', () => {
		const names = ['rtt_summary', 'providers', 'postcode_sectors', 'ae_monthly', 'rtt_detail_2026_04'];
		const examples = exampleQueries({ latestPeriod: '2026-04', tables: names.map(table) });
		expect(examples.map((e) => e.id)).toEqual(['over-52-orthopaedics', 'treated-this-month', 'england-median', 'near-sector', 'ae-4-hour', 'waits-vs-survey', 'treatments-longest', 'commissioners']);
		expect(examples[0].sql).toContain("period = '2026-04'");
		const detail = examples.at(-1)!;
		expect(detail.sql).toContain('FROM rtt_detail_2026_04');
		expect(detail.sql).toContain('band_052 + ');
		expect(detail.sql).toContain('band_104)');
	});

	it('leaves out examples whose tables are missing', () => {
		const examples = exampleQueries({ latestPeriod: null, tables: [table('ae_monthly')] });
		expect(examples.map((e) => e.id)).toEqual(['ae-4-hour']);
	});
});
