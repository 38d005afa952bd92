import { describe, expect, it } from 'vitest';
import { catalogue, catalogueProblems, describeTable, familyOf, type ColumnDescription, type TableCatalogue, type TableDescription } from './tables';

const DETAIL: ColumnDescription[] = [
	{ name: 'period', type: 'VARCHAR', description: 'Month, YYYY-MM' },
	{ name: 'gt_00_to_01_weeks_sum_1', type: 'BIGINT', description: 'Pathways waiting more than 0 and up to 1 weeks' }
];
const SUMMARY: ColumnDescription[] = [{ name: 'median_weeks', type: 'DOUBLE', description: 'Median wait' }];
const PROVIDERS: ColumnDescription[] = [{ name: 'code', type: 'VARCHAR', description: 'ODS code' }];

function built(name: string, columns: ColumnDescription[], description: string, more: Partial<TableDescription> = {}): TableDescription {
	return { name, title: name, description, path: `${name}.duckdb.gz`, parquet: null, rows: 10, bytes: 100, columns, lazy: true, format: 'duckdb', ...more };
}

const months = ['2026-01', '2026-02', '2026-03'];
const BUILT: TableDescription[] = [
	built('rtt_summary', SUMMARY, 'Every month. Naming it fetches every month.', { format: 'union', path: '', parts: months.map((m) => `rtt_summary_${m.replace('-', '_')}`) }),
	built('providers', PROVIDERS, 'Providers.', { format: undefined, lazy: false }),
	...months.flatMap((m) => [built(`rtt_summary_${m.replace('-', '_')}`, SUMMARY, 'One month of summary.'), built(`rtt_detail_${m.replace('-', '_')}`, DETAIL, 'One month of detail.')])
];

describe('table families', () => {
	const names: [string, ReturnType<typeof familyOf>][] = [
		['rtt_detail_2026_04', { family: 'rtt_detail', period: '2026-04' }],
		['rtt_summary_2021_12', { family: 'rtt_summary', period: '2021-12' }],
		['rtt_summary', { family: 'rtt_summary' }],
		['providers', { family: 'providers' }],
		['postcode_sectors', { family: 'postcode_sectors' }],
		// One year's summary (every month of it, one download) is of the family its months are.
		['rtt_summary_2026', { family: 'rtt_summary' }],
		['rtt_detail_26', { family: 'rtt_detail_26' }],
		['rtt_detail_2026_4', { family: 'rtt_detail_2026_4' }]
	];
	it.each(names)('%s is of family %j', (name, expected) => expect(familyOf(name)).toEqual(expected));

	it('lists each family’s columns once, and no table its own', () => {
		const { tables, families } = catalogue(BUILT);
		expect(Object.keys(families)).toEqual(['rtt_summary', 'providers', 'rtt_detail']);
		expect(families.rtt_detail).toEqual({ description: 'One month of detail.', columns: DETAIL });
		expect(tables.map((t) => t.name)).toEqual(BUILT.map((t) => t.name));
		for (const table of tables) expect(table).not.toHaveProperty('columns');
	});

	const entries: [string, Record<string, unknown>, string[]][] = [
		// [table, what its manifest entry holds, keys it leaves out]
		['rtt_detail_2026_02', { family: 'rtt_detail', period: '2026-02', path: 'rtt_detail_2026_02.duckdb.gz', rows: 10, bytes: 100, format: 'duckdb' }, ['description', 'columns']],
		// The union's description is not its family's (most of the family are months): it keeps its own.
		['rtt_summary', { family: 'rtt_summary', description: 'Every month. Naming it fetches every month.', format: 'union', parts: ['rtt_summary_2026_01', 'rtt_summary_2026_02', 'rtt_summary_2026_03'] }, ['period', 'columns']],
		['rtt_summary_2026_03', { family: 'rtt_summary', period: '2026-03' }, ['description', 'columns']],
		['providers', { family: 'providers', lazy: false }, ['period', 'description', 'columns']]
	];
	it.each(entries)('lists %s by its family', (name, holds, leaves) => {
		const table = catalogue(BUILT).tables.find((t) => t.name === name)!;
		expect(table).toMatchObject(holds);
		for (const key of leaves) expect(table).not.toHaveProperty(key);
	});

	it('gives every table back as it was built', () => {
		const listed = catalogue(BUILT);
		for (const table of listed.tables) {
			const original = BUILT.find((t) => t.name === table.name)!;
			expect(describeTable(listed, table)).toEqual(JSON.parse(JSON.stringify(original)));
		}
	});

	const odd: [string, TableDescription[], string][] = [
		['another column', [built('rtt_detail_2026_01', DETAIL, 'd'), built('rtt_detail_2026_02', [...DETAIL, { name: 'extra', type: 'BIGINT', description: '' }], 'd')], 'Tables rtt_detail_2026_01 and rtt_detail_2026_02 are of one family (rtt_detail) but their columns differ.'],
		['another type', [built('rtt_detail_2026_01', DETAIL, 'd'), built('rtt_detail_2026_02', [{ ...DETAIL[0], type: 'DATE' }, DETAIL[1]], 'd')], 'their columns differ'],
		['another column description', [built('rtt_detail_2026_01', DETAIL, 'd'), built('rtt_detail_2026_02', [{ ...DETAIL[0], description: 'Month' }, DETAIL[1]], 'd')], 'their columns differ'],
		['the columns in another order', [built('rtt_detail_2026_01', DETAIL, 'd'), built('rtt_detail_2026_02', [DETAIL[1], DETAIL[0]], 'd')], 'their columns differ']
	];
	it.each(odd)('refuses a family whose tables differ: %s', (_, tables, message) => expect(() => catalogue(tables)).toThrow(message));

	it('refuses a table whose family is not listed', () => {
		const { tables } = catalogue(BUILT);
		expect(() => describeTable({ families: {} }, tables[0])).toThrow('manifest.json: table rtt_summary names the family "rtt_summary", which its families do not list.');
		expect(() => describeTable({ families: {} }, { ...tables[0], family: 'toString' })).toThrow('names the family "toString"');
	});

	const broken: [string, (c: TableCatalogue) => TableCatalogue, string[]][] = [
		['nothing wrong', (c) => c, []],
		['a family missing', (c) => ({ ...c, families: { ...c.families, rtt_detail: undefined! } }), months.map((m) => `table rtt_detail_${m.replace('-', '_')} names the family "rtt_detail", which is not listed.`)],
		['a family named after an object property', (c) => ({ ...c, tables: c.tables.map((t) => (t.name === 'providers' ? { ...t, family: 'constructor' } : t)) }), ['table providers names the family "constructor", which is not listed.']],
		['a union part missing', (c) => ({ ...c, tables: c.tables.filter((t) => t.name !== 'rtt_summary_2026_02') }), ['table rtt_summary is made of rtt_summary_2026_02, which is not listed.']],
		['a month that is not its name’s', (c) => ({ ...c, tables: c.tables.map((t) => (t.name === 'rtt_detail_2026_01' ? { ...t, period: '2025-01' } : t)) }), ['table rtt_detail_2026_01 says it is of month 2025-01, but its name says 2026-01.']]
	];
	it.each(broken)('finds what is wrong with a catalogue: %s', (_, change, problems) => {
		const c = change(catalogue(BUILT));
		const cleaned = { ...c, families: Object.fromEntries(Object.entries(c.families).filter(([, f]) => f)) };
		expect(catalogueProblems(cleaned)).toEqual(problems);
	});
});
