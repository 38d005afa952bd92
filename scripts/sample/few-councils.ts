/** A few made-up councils of every type: enough for tests of the council generators and the bad-input corpus. */
import type { DemoCouncil } from './demo-councils-types.ts';

/** A few made-up councils of every type, enough to exercise each layout. */
export const FEW_COUNCILS: DemoCouncil[] = [
	{ code: 'E10900001', name: 'Demoshire County Council', type: 'county', region: 'E12000008', regionName: 'South East', dfeCode: '901', county: null },
	{ code: 'E07900001', name: 'Northvale District Council', type: 'district', region: 'E12000008', regionName: 'South East', dfeCode: null, county: 'E10900001' },
	{ code: 'E07900002', name: 'Southvale District Council', type: 'district', region: 'E12000008', regionName: 'South East', dfeCode: null, county: 'E10900001' },
	{ code: 'E06900001', name: 'Riverton', type: 'unitary', region: 'E12000002', regionName: 'North West', dfeCode: '902', county: null },
	{ code: 'E08900001', name: 'Ironbridge Metropolitan Borough', type: 'metropolitan', region: 'E12000005', regionName: 'West Midlands', dfeCode: '903', county: null },
	{ code: 'E09900001', name: 'Thameside LB', type: 'london', region: 'E12000007', regionName: 'London', dfeCode: '904', county: null }
];
