/**
 * Writes the council files (paths from COUNCIL_FILES): councils.json, one JSON and one
 * CSV per measure (the stable data address: all councils, all years), and one postcode
 * file per postcode area. Returns the manifest's `council` entry and the Data Package
 * resources describing the CSVs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CouncilMeasureFile, CouncilPostcodeAreaFile } from '../../src/lib/schema/council.ts';
import { COUNCIL_FILES } from '../../src/lib/schema/council.ts';
import type { Manifest } from '../../src/lib/schema/site-data.ts';
import { toCsv } from '../../src/lib/format/csv.ts';
import { currentCodesOf } from '../../src/lib/council/reorganisations.ts';
import type { SectorAdmin } from '../readers/admin-areas.ts';
import type { CouncilData } from './council.ts';

export const MEASURE_CSV_COLUMNS = ['measure', 'code', 'name', 'year', 'numerator', 'denominator', 'value', 'suppressed', 'published'] as const;

const COLUMN_TEXT: Record<(typeof MEASURE_CSV_COLUMNS)[number], { type: string; description: string }> = {
	measure: { type: 'string', description: 'Measure id (see /about/data).' },
	code: { type: 'string', description: 'ONS code of the council (E92000001 for England); two codes joined by + where the publisher gives one figure for both.' },
	name: { type: 'string', description: 'Council name.' },
	year: { type: 'string', description: 'The publisher’s year label.' },
	numerator: { type: 'number', description: 'Numerator as published; empty when suppressed or not published.' },
	denominator: { type: 'number', description: 'Denominator as published (or derived as the publisher defines it).' },
	value: { type: 'number', description: 'Value in the measure’s unit, computed from numerator and denominator, unrounded.' },
	suppressed: { type: 'boolean', description: 'True when the publisher suppressed the figure (c, x, u, z, :, [x], low): never a zero.' },
	published: { type: 'number', description: 'The publisher’s own figure for this cell, where it prints one.' }
};

/** One measure as CSV: England first, then every council by code and year. */
export function measureCsv(file: CouncilMeasureFile, names: Map<string, string>): string {
	const rows = [...file.england, ...file.values].map((v) => ({ measure: file.measure.id, name: names.get(v.code) ?? (v.code === 'E92000001' ? 'England' : ''), ...v }));
	return toCsv(MEASURE_CSV_COLUMNS, rows);
}

/**
 * Code-Point's sectors with 2014's codes moved to today's councils: a district's
 * successor, and the county only while the district still sits under one (a district
 * merged into a unitary has none).
 */
export function postcodeAreaFiles(sectors: Map<string, SectorAdmin>): CouncilPostcodeAreaFile[] {
	const areas = new Map<string, CouncilPostcodeAreaFile>();
	for (const [sector, admin] of sectors) {
		const district = currentCodesOf(admin.district)[0];
		const county = admin.county && district.startsWith('E07') ? currentCodesOf(admin.county)[0] : null;
		const area = /^[A-Z]+/.exec(sector)![0];
		if (!areas.has(area)) areas.set(area, { area, sectors: {} });
		areas.get(area)!.sectors[sector] = county ? [district, county] : [district];
	}
	return [...areas.values()].sort((a, b) => a.area.localeCompare(b.area));
}

async function write(dir: string, path: string, text: string): Promise<number> {
	await mkdir(dirname(join(dir, path)), { recursive: true });
	await writeFile(join(dir, path), text);
	return Buffer.byteLength(text);
}

export interface CouncilOutput {
	manifest: NonNullable<Manifest['council']>;
	resources: Record<string, unknown>[];
}

export async function writeCouncilData(dir: string, data: CouncilData, sectors: Map<string, SectorAdmin>, log: (line: string) => void): Promise<CouncilOutput> {
	const files: string[] = [];
	const names = new Map(data.councils.councils.map((c) => [c.code, c.name]));
	await write(dir, COUNCIL_FILES.councils, JSON.stringify(data.councils));
	files.push(COUNCIL_FILES.councils);
	const resources: Record<string, unknown>[] = [];
	for (const file of data.measures) {
		await write(dir, file.measure.path, JSON.stringify(file));
		await write(dir, file.measure.csv, measureCsv(file, names));
		files.push(file.measure.path, file.measure.csv);
		resources.push({
			name: `council-${file.measure.id}`,
			title: file.measure.title,
			description: `${file.measure.description} ${file.measure.coverage}. Source: ${file.measure.source.publisher}, ${file.measure.source.title}.`,
			path: file.measure.csv,
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			schema: { fields: MEASURE_CSV_COLUMNS.map((name) => ({ name, ...COLUMN_TEXT[name] })) }
		});
	}
	const areas = postcodeAreaFiles(sectors);
	for (const area of areas) {
		const path = COUNCIL_FILES.postcodeArea.replace('{area}', area.area);
		await write(dir, path, JSON.stringify(area));
		files.push(path);
	}
	log(`councils: ${data.councils.councils.length}, measures: ${data.measures.map((m) => `${m.measure.id} (${m.values.length})`).join(', ')}, postcode areas: ${areas.length}`);
	return { manifest: { councils: data.councils.councils.length, measures: data.measures.map((m) => m.measure.id), files }, resources };
}
