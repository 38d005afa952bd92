/**
 * Lines in NHS ODS's standard headerless layout (27 quoted fields, as in
 * etr.csv, ephp.csv and ephpsite.csv; positions in scripts/readers/ods-layout.ts).
 * ephp.csv and ephpsite.csv are not in the shared data, so tests write files
 * of this layout to check that independent providers get placed.
 */
export interface OdsLineFields {
	code: string;
	name: string;
	postcode?: string;
	address?: string[]; // up to 5 lines
	openDate?: string; // YYYYMMDD
	closeDate?: string;
	parentCode?: string;
	phone?: string;
	nationalGrouping?: string;
	healthGeography?: string;
}

export function odsLine(f: OdsLineFields): string {
	const fields = new Array<string>(27).fill('');
	const address = f.address ?? [];
	fields[0] = f.code;
	fields[1] = f.name;
	fields[2] = f.nationalGrouping ?? 'Y63';
	fields[3] = f.healthGeography ?? 'QWO';
	for (let i = 0; i < 5; i++) fields[4 + i] = address[i] ?? '';
	fields[9] = f.postcode ?? '';
	fields[10] = f.openDate ?? '20100401';
	fields[11] = f.closeDate ?? '';
	fields[14] = f.parentCode ?? '';
	fields[15] = f.parentCode ? (f.openDate ?? '20100401') : '';
	fields[17] = f.phone ?? '';
	fields[21] = '1';
	return fields.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
}

export const odsFile = (rows: OdsLineFields[]): string => rows.map(odsLine).join('\n') + '\n';
