/**
 * DfE's placement stability file (children looked after), in long format: one row per
 * geography × year × cla_group × placement_stability, with children_count and
 * children_percent. The measure pairs two rows of the group "CLA on 31 March":
 * "With 3 or more placements during the year" over "Total children".
 * Other groups are read and checked (every row counts) but not published.
 */
import type { CouncilObservation } from './types.ts';
import type { CouncilCsvReader } from './csv-reader.ts';
import { dfeGeography, dfeNumber, hasDfeHeader, readDfeTable, uniqueFacts, type DfeGeography } from './dfe-csv.ts';
import type { DfeNumber } from './dfe-csv.ts';

export const CLA_GROUP = 'CLA on 31 March';
export const THREE_OR_MORE = 'With 3 or more placements during the year';
export const TOTAL = 'Total children';
const COLUMNS = ['cla_group', 'placement_stability', 'children_count', 'children_percent'] as const;

interface Pair {
	place: DfeGeography;
	part?: { count: DfeNumber; percent: DfeNumber };
	total?: DfeNumber;
}

const num = (n: DfeNumber | undefined) => (n?.kind === 'number' ? n.value : null);

export const dfeClaReader: CouncilCsvReader = {
	dataset: 'council-dfe-cla',
	recognise: (sample) => hasDfeHeader(sample.bytes, COLUMNS),
	read(name, bytes) {
		const table = readDfeTable(name, bytes, 'council-dfe-cla', COLUMNS);
		const pairs = new Map<string, Pair>();
		const facts = [];
		for (const record of table.rows) {
			const place = dfeGeography(table, record);
			if (!place) continue;
			const get = (c: string) => (record.fields[table.column(c)] ?? '').trim();
			const count = dfeNumber(get('children_count'));
			const percent = dfeNumber(get('children_percent'), 100);
			if (count.kind === 'error') {
				table.report.reject(record.line, 'children_count', count.message);
				continue;
			}
			if (percent.kind === 'error') {
				table.report.reject(record.line, 'children_percent', percent.message);
				continue;
			}
			table.report.accept();
			if (place.fact) facts.push(place.fact);
			if (place.code === null || get('cla_group') !== CLA_GROUP) continue;
			const stability = get('placement_stability');
			if (stability !== THREE_OR_MORE && stability !== TOTAL) continue;
			const key = `${place.code}|${place.year}`;
			const pair = pairs.get(key) ?? { place };
			pairs.set(key, pair);
			if ((stability === TOTAL ? pair.total : pair.part) !== undefined) {
				table.report.issue(record.line, 'placement_stability', `${place.name} ${place.year} has a second "${stability}" row; the first was kept.`);
				continue;
			}
			if (stability === TOTAL) pair.total = count;
			else pair.part = { count, percent };
		}
		const observations: CouncilObservation[] = [];
		for (const { place, part, total } of pairs.values()) {
			if (!part || !total) {
				table.report.issue(place.line, 'placement_stability', `${place.name} ${place.year}: "${part ? TOTAL : THREE_OR_MORE}" is missing from "${CLA_GROUP}", so this year has no figure.`);
				continue;
			}
			observations.push({
				measure: 'cla-placement-moves',
				code: place.code!,
				name: place.name,
				year: place.year,
				numerator: num(part.count),
				denominator: num(total),
				published: num(part.percent),
				suppressed: part.count.kind === 'suppressed' || total.kind === 'suppressed'
			});
		}
		return { observations, councils: uniqueFacts(facts), ofsted: [], peers: {}, report: table.report.finish(null) };
	}
};
