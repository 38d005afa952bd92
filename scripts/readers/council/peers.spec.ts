import { describe, expect, it } from 'vitest';
import { onsClustersReader, onsNeighboursReader } from './peers-ons.ts';
import { dfeNeighboursReader } from './peers-dfe.ts';
import { recogniseCouncilCsv } from './index.ts';
import { recogniseFile } from '../index.ts';
import { utf8, withBom } from '../test-support.ts';

const nums = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const ONS = `AREACD,${nums(20).join(',')}\nE06000901,${nums(20).map((i) => `E07000${900 + i}`).join(',')}\nE47000901,E47000902,E47000903${','.repeat(18)}\n`;
const DFE = `old_la_code,la_name,region_ind,region_name,${nums(10).map((i) => `SN_${i},SN_${i}P`).join(',')}\n901,Hilltown,1,North,${nums(10).map((i) => `${910 + i},Close `).join(',')}\n`;

describe('peer readers', () => {
	it('reads an ONS similar-areas list, naming the list from the file name', () => {
		const bytes = withBom(ONS);
		expect(recogniseCouncilCsv({ name: 'x', bytes })).toBe(onsNeighboursReader);
		// Code-Point's reader must not claim it (the header looks like a postcode row's shape).
		expect(recogniseFile({ name: 'x', bytes })).toBeNull();
		const { peers, report } = onsNeighboursReader.read('peers/economic-neighbours.csv', bytes);
		expect(report).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
		expect(peers['ons-economic']!.E06000901).toHaveLength(20);
		expect(peers['ons-economic']!.E47000901).toEqual(['E47000902', 'E47000903']);
		expect(() => onsNeighboursReader.read('peers/neighbours.csv', bytes)).toThrow(/global-, economic- or demographic/);
	});

	it('rejects a neighbour that is not a council code', () => {
		const { report } = onsNeighboursReader.read('global-neighbours.csv', utf8(ONS.replace('E07000905', 'Hilltown')));
		expect(report.issues[0]).toMatchObject({ line: 2, column: '5' });
	});

	it('reads names from the cluster allocation', () => {
		const { councils, report } = onsClustersReader.read('c.csv', utf8('AREACD,AREANM,Global,Economic,Demographic\nE07000901,Low Fen,B,A,C\nW06000901,Cwm,a,b,c\n'));
		expect(report.rowsAccepted).toBe(2);
		expect(councils).toEqual([{ code: 'E07000901', name: 'Low Fen', type: 'district' }, { code: 'W06000901', name: 'Cwm' }]);
	});

	it('reads DfE statistical neighbours as DfE numbers', () => {
		const bytes = withBom(DFE);
		expect(recogniseCouncilCsv({ name: 'x', bytes })).toBe(dfeNeighboursReader);
		const { peers } = dfeNeighboursReader.read('sn.csv', bytes);
		expect(peers.dfe).toEqual({ 901: nums(10).map((i) => String(910 + i)) });
		const bad = dfeNeighboursReader.read('sn.csv', utf8(DFE.replace('913,', 'x13,')));
		expect(bad.report.issues[0]).toMatchObject({ line: 2, column: 'SN_3' });
	});
});
