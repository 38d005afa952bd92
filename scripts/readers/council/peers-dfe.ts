/**
 * DfE children's services statistical neighbours (`sn_model_<year>_wide.csv`): each
 * upper-tier council (by DfE 3-digit number) with its 10 nearest, `SN_1 … SN_10`, each
 * followed by how close it is (`SN_1P`: "Very close", "Close", …). The lists keep DfE
 * numbers; the build maps them to ONS codes with the pairs the DfE data files give.
 */
import type { CouncilCsvReader } from './csv-reader.ts';
import { checkHeader, firstLine, readRecords, ReportBuilder } from '../text.ts';

const NEIGHBOURS = 10;
const HEADER = ['old_la_code', 'la_name', 'region_ind', 'region_name', ...Array.from({ length: NEIGHBOURS }, (_, i) => [`SN_${i + 1}`, `SN_${i + 1}P`]).flat()];
const DFE_NUMBER = /^\d{3}$/;

export const dfeNeighboursReader: CouncilCsvReader = {
	dataset: 'council-peers-dfe',
	recognise: (sample) => firstLine(sample.bytes).split(',').map((c) => c.trim()).slice(0, 6).join(',') === HEADER.slice(0, 6).join(','),
	read(name, bytes) {
		const { records } = readRecords(name, bytes, { separator: ',' });
		const [header, ...rows] = records;
		checkHeader(name, header.fields, HEADER);
		const report = new ReportBuilder(name, 'council-peers-dfe', bytes);
		const peers: Record<string, string[]> = {};
		for (const { line, fields } of rows) {
			const self = (fields[0] ?? '').trim();
			if (!DFE_NUMBER.test(self)) {
				report.reject(line, 'old_la_code', `"${self}" is not a DfE 3-digit local authority number.`);
				continue;
			}
			const neighbours = Array.from({ length: NEIGHBOURS }, (_, i) => (fields[4 + 2 * i] ?? '').trim());
			const bad = neighbours.findIndex((n) => !DFE_NUMBER.test(n));
			if (bad >= 0) {
				report.reject(line, `SN_${bad + 1}`, `"${neighbours[bad]}" is not a DfE 3-digit local authority number.`);
				continue;
			}
			if (peers[self]) {
				report.reject(line, 'old_la_code', `${self} appears twice; the first was kept.`);
				continue;
			}
			peers[self] = neighbours;
			report.accept();
		}
		return { observations: [], councils: [], ofsted: [], peers: { dfe: peers }, report: report.finish(null) };
	}
};
