/**
 * ONS Explore Local Statistics "similar areas": each UK lower-tier council with its 20
 * most similar (`AREACD,1,2,…,20`), in three lists (global, economic, demographic), and
 * the cluster allocation file (`AREACD,AREANM,Global,Economic,Demographic`), which we
 * read for the councils' names.
 *
 * The three neighbour files have the same header, so content cannot say which list a
 * file is: the file name must contain "global", "economic" or "demographic" (ONS's own
 * names do). A file whose name says none of them stops with that message.
 */
import { basename } from 'node:path';
import type { CouncilCsvReader } from './csv-reader.ts';
import type { CouncilFact } from './types.ts';
import { COUNCIL_TYPE_OF_PREFIX } from '../../../src/lib/schema/council.ts';
import { checkHeader, firstLine, readRecords, ReportBuilder } from '../text.ts';
import { ReadError } from '../types.ts';

const NEIGHBOURS = 20;
const NEIGHBOURS_HEADER = ['AREACD', ...Array.from({ length: NEIGHBOURS }, (_, i) => String(i + 1))];
const CLUSTERS_HEADER = ['AREACD', 'AREANM', 'Global', 'Economic', 'Demographic'];
/**
 * GSS codes the lists use: English councils E06–E10, combined authorities E47 (which
 * have fewer than 20 neighbours, the rest of the row empty), Wales W06, Scotland S12,
 * Northern Ireland N09.
 */
const AREA = /^(E0[6-9]|E10|E47|W06|S12|N09)\d{6}$/;
const LISTS = ['global', 'economic', 'demographic'] as const;

const headerIs = (bytes: Uint8Array, header: string[]) => firstLine(bytes).split(',').map((c) => c.trim()).join(',') === header.join(',');

export const onsNeighboursReader: CouncilCsvReader = {
	dataset: 'council-peers-ons',
	recognise: (sample) => headerIs(sample.bytes, NEIGHBOURS_HEADER),
	read(name, bytes) {
		const list = LISTS.find((l) => basename(name).toLowerCase().includes(l));
		if (!list) throw new ReadError(name, 1, null, 'is an ONS similar-areas list, but its name does not say which: name it global-, economic- or demographic-neighbours.csv.');
		const { records } = readRecords(name, bytes, { separator: ',' });
		const [header, ...rows] = records;
		checkHeader(name, header.fields, NEIGHBOURS_HEADER);
		const report = new ReportBuilder(name, 'council-peers-ons', bytes);
		const peers: Record<string, string[]> = {};
		for (const { line, fields } of rows) {
			const codes = fields.slice(0, NEIGHBOURS + 1).map((f) => f.trim());
			while (codes.length > 2 && codes.at(-1) === '') codes.pop();
			const bad = codes.findIndex((c) => !AREA.test(c));
			if (bad >= 0) {
				report.reject(line, NEIGHBOURS_HEADER[bad], `"${codes[bad] ?? ''}" is not a UK council code (E06–E10, E47, W06, S12 or N09 and 6 digits).`);
				continue;
			}
			if (peers[codes[0]]) {
				report.reject(line, 'AREACD', `${codes[0]} appears twice; the first was kept.`);
				continue;
			}
			peers[codes[0]] = codes.slice(1);
			report.accept();
		}
		report.note(`ONS ${list} similar areas for ${Object.keys(peers).length} councils.`);
		return { observations: [], councils: [], ofsted: [], peers: { [`ons-${list}`]: peers }, report: report.finish(null) };
	}
};

export const onsClustersReader: CouncilCsvReader = {
	dataset: 'council-peers-ons-clusters',
	recognise: (sample) => headerIs(sample.bytes, CLUSTERS_HEADER),
	read(name, bytes) {
		const { records } = readRecords(name, bytes, { separator: ',' });
		const [header, ...rows] = records;
		checkHeader(name, header.fields, CLUSTERS_HEADER);
		const report = new ReportBuilder(name, 'council-peers-ons-clusters', bytes);
		const councils: CouncilFact[] = [];
		for (const { line, fields } of rows) {
			const code = (fields[0] ?? '').trim();
			const areaName = (fields[1] ?? '').trim();
			if (!AREA.test(code)) {
				report.reject(line, 'AREACD', `"${code}" is not a UK council code.`);
				continue;
			}
			if (areaName === '') {
				report.reject(line, 'AREANM', 'is empty; expected the council’s name.');
				continue;
			}
			report.accept();
			const type = COUNCIL_TYPE_OF_PREFIX[code.slice(0, 3)];
			councils.push({ code, name: areaName, ...(type ? { type } : {}) });
		}
		return { observations: [], councils, ofsted: [], peers: {}, report: report.finish(null) };
	}
};
