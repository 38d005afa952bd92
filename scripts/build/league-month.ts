/**
 * A month's league file (src/lib/schema/league-month.ts says why it exists), made from that
 * month's patient figures alone. The month build writes it among the month's own site files,
 * so it is cached with the month and placed again, not rewritten, by every later build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LEAGUE_MONTH_FIELDS, rttMonthPath, type LeagueMonthTreatment, type RttLeagueMonthFile } from '../../src/lib/schema/site-data.ts';
import type { MonthPatientFigures } from './rtt-month.ts';

const byCode = <T>(code: (x: T) => string) => (a: T, b: T) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0);

/** Treatments and providers in code order: DuckDB hands a month's figures over in no fixed order. */
export function leagueMonthFile(period: string, patient: MonthPatientFigures): RttLeagueMonthFile {
	const treatments = [...patient].sort(byCode((t) => t.treatment)).map(({ treatment, providers }): LeagueMonthTreatment => {
		const sorted = [...providers].sort(byCode(([code]) => code));
		const columns = Object.fromEntries(LEAGUE_MONTH_FIELDS.map((field) => [field, sorted.map(([, w]) => w[field])]));
		return { treatment, providers: sorted.map(([code]) => code), ...(columns as Omit<LeagueMonthTreatment, 'treatment' | 'providers'>) };
	});
	return { period, treatments };
}

/** Writes the month's league file under `siteFiles` (the folder of files the month puts in the site). */
export async function writeLeagueMonth(siteFiles: string, period: string, patient: MonthPatientFigures): Promise<void> {
	const path = join(siteFiles, rttMonthPath(period));
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, JSON.stringify(leagueMonthFile(period, patient)));
}
