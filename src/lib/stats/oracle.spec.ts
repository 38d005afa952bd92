/**
 * Oracle: our percentiles against NHS England's own published ones.
 *
 * NHS England's NonAdmitted-Provider workbook (September 2025) publishes the
 * week bands AND the median and 95th percentile for every provider ×
 * treatment. Recomputing them from the bands tests the interpolation method
 * on thousands of real lists. The file is read at run time from the shared
 * data folder and never copied into the repository.
 *
 * Measured (run of this spec): medians 2331/2331 (Provider) and 838/838
 * (IS Provider); 95th 2330/2331 and 837/838. The one miss on each sheet is a
 * 95th percentile in the open top band: NHS England prints 104, we say
 * "more than 104 weeks" (over104) on purpose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook, type Workbook } from '../../../scripts/lib/spreadsheet/workbook.ts';
import { percentileOrder, waitPercentile } from './percentile.ts';
import { MIN_PATHWAYS } from './wait-summary.ts';
import { BAND_COUNT, TOP_BAND } from './bands.ts';

const SHARED = process.env.OPENWAITS_SHARED_DATA ?? resolve(process.cwd(), '../shared/data');
const FILE = resolve(SHARED, 'rtt/completed_pathways_2025/NonAdmitted-Provider-Sep25-XLSX-4M-87700.xlsx');
const TOLERANCE = 0.05; // weeks
const REQUIRED_SHARE = 0.995;

const BAND_HEADERS = [...Array.from({ length: TOP_BAND }, (_, k) => `>${k}-${k + 1}`), '104 plus'];
const MEDIAN = 'Average (median) waiting time (in weeks)';
const P95 = '95th percentile waiting time (in weeks)';

interface PublishedRow {
	label: string;
	bands: number[];
	median: unknown;
	p95: unknown;
}

function readSheet(workbook: Workbook, name: string): PublishedRow[] {
	// The project's own workbook reader (scripts/lib/spreadsheet), the one the council readers use.
	const rows: unknown[][] = [...workbook.rows(name)].map((row) => row.cells);
	// Header on row 14 (column A empty): find it by name rather than trusting the offset.
	const headerAt = rows.findIndex((row) => row.includes('Provider Code') && row.includes(MEDIAN));
	const header = rows[headerAt] as string[];
	const column = (title: string) => {
		const at = header.indexOf(title);
		if (at < 0) throw new Error(`${name}: no column ${title}`);
		return at;
	};
	const bandAt = BAND_HEADERS.map(column);
	const [code, treatment, median, p95] = ['Provider Code', 'Treatment Function Code', MEDIAN, P95].map(column);
	return rows
		.slice(headerAt + 1)
		.filter((row) => typeof row[code] === 'string' && row[code] !== '')
		.map((row) => ({
			label: `${row[code]} ${row[treatment]}`,
			bands: bandAt.map((at) => Number(row[at] ?? 0)),
			median: row[median],
			p95: row[p95]
		}));
}

interface Agreement {
	compared: number;
	agreed: number;
	misses: string[];
}

function compare(rows: PublishedRow[], q: number, pick: (row: PublishedRow) => unknown): Agreement {
	const result: Agreement = { compared: 0, agreed: 0, misses: [] };
	for (const row of rows) {
		const published = pick(row);
		if (typeof published !== 'number') continue; // '-' where suppressed
		result.compared++;
		const ours = percentileOrder(waitPercentile(row.bands, q));
		if (ours !== null && Math.abs(ours - published) <= TOLERANCE) result.agreed++;
		else result.misses.push(`${row.label}: published ${published}, ours ${ours}`);
	}
	return result;
}

describe.skipIf(!existsSync(FILE))('NHS England published percentiles (NonAdmitted-Provider Sep 2025)', () => {
	const workbook = existsSync(FILE) ? openWorkbook(FILE, new Uint8Array(readFileSync(FILE))) : null;
	for (const sheet of ['Provider', 'IS Provider']) {
		describe(sheet, () => {
			const rows = workbook ? readSheet(workbook, sheet) : [];
			it('has rows with 105 bands', () => {
				expect(rows.length).toBeGreaterThan(1000);
				for (const row of rows) expect(row.bands).toHaveLength(BAND_COUNT);
			});
			const measures: [string, number, (row: PublishedRow) => unknown][] = [
				['median', 0.5, (row) => row.median],
				['95th percentile', 0.95, (row) => row.p95]
			];
			for (const [name, q, pick] of measures) {
				it(`${name}: ours within ${TOLERANCE} weeks for ≥ ${REQUIRED_SHARE * 100}% of published values`, () => {
					const { compared, agreed, misses } = compare(rows, q, pick);
					console.log(`${sheet} ${name}: ${agreed}/${compared} within ${TOLERANCE} weeks`);
					for (const miss of misses) console.log(`  not within ${TOLERANCE}: ${miss}`);
					expect(compared).toBeGreaterThan(500);
					expect(agreed / compared).toBeGreaterThanOrEqual(REQUIRED_SHARE);
				});
			}
			it(`publishes a median exactly when there are at least ${MIN_PATHWAYS} pathways`, () => {
				for (const row of rows) {
					const pathways = row.bands.reduce((a, b) => a + b, 0);
					expect(typeof row.median === 'number', `${row.label}, ${pathways} pathways`).toBe(pathways >= MIN_PATHWAYS);
				}
			});
		});
	}
});
