/**
 * The made-up councils of the demonstration data. The list itself (DEMO_COUNCILS) is
 * written by scripts/sample/councils.ts; the workbook and CSV generators take it as a
 * parameter so each can be tested with a few councils of its own.
 */
import type { CouncilType } from '../../src/lib/schema/council.ts';

export interface DemoCouncil {
	/** ONS-shaped, in a range no real council uses (E0x9xxxxx), so demo codes never collide with real ones. */
	code: string;
	name: string;
	type: CouncilType;
	region: string;
	regionName: string;
	/** DfE 3-digit number for upper-tier councils (9xx: unused by DfE). */
	dfeCode: string | null;
	/** A district's county (two-tier areas), else null. */
	county: string | null;
}
