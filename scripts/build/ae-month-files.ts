/**
 * One small JSON file per month of NHS England's A&E return, for the league
 * tables' month choice and their change-since column: exact counts (not a
 * rounded percentage), so a league can rebuild Wilson intervals and compare
 * months without loading DuckDB-WASM.
 *
 * "All attendances" = Type 1 + Type 2 + Other department; booked appointments
 * are left out, as in `pctWithin4Hours` (scripts/readers/ae.ts) and the
 * providers' latest A&E figure.
 */
import type { AeMonthFile, AeMonthRow, AeTrendFile } from '../../src/lib/schema/site-data.ts';
import { parseProviderCode } from '../../src/lib/state/provider-code.ts';
import type { AeRow } from '../readers/ae.ts';
import { tidyName } from './providers.ts';

/** `names` gives the site's own provider names (ODS), used before the A&E file's capitals. */
export function aeMonthFiles(rows: readonly AeRow[], names: ReadonlyMap<string, string> = new Map()): AeMonthFile[] {
	const months = new Map<string, Map<string, AeMonthRow>>();
	for (const row of rows) {
		const attendances = row.attendancesType1 + row.attendancesType2 + row.attendancesOther;
		const over4h = row.over4hType1 + row.over4hType2 + row.over4hOther;
		const month = months.get(row.period) ?? new Map<string, AeMonthRow>();
		months.set(row.period, month);
		// A provider listed twice in one month (never seen, but possible in a revised file) is counted once, summed.
		const current = month.get(row.orgCode);
		if (current) {
			current.attendances += attendances;
			current.within4h += attendances - over4h;
			current.type1Attendances += row.attendancesType1;
		} else {
			const name = names.get(row.orgCode) ?? tidyName(row.orgName);
			month.set(row.orgCode, { code: row.orgCode, name, attendances, within4h: attendances - over4h, type1Attendances: row.attendancesType1 });
		}
	}
	return [...months]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([period, byCode]) => ({
			period,
			rows: [...byCode.values()]
				.filter((r) => r.attendances > 0 && r.within4h >= 0 && r.within4h <= r.attendances)
				.sort((a, b) => a.code.localeCompare(b.code))
		}));
}

/** 'league/ae-{period}.json' → 'league/ae-2026-02.json'. */
export function aeMonthPath(template: string, period: string): string {
	return template.replace('{period}', period);
}

/**
 * Each provider's every month from the month files (the same rows and counts the league ranks),
 * oldest first, named as its latest month names it. A code that could not be a provider's (the
 * browser refuses it before building a path) gets no file.
 */
export function aeTrendFiles(months: readonly AeMonthFile[]): AeTrendFile[] {
	const byCode = new Map<string, AeTrendFile>();
	for (const { period, rows } of [...months].sort((a, b) => a.period.localeCompare(b.period))) {
		for (const row of rows) {
			if (!parseProviderCode(row.code)) continue;
			const file = byCode.get(row.code) ?? { code: row.code, name: row.name, months: [] };
			byCode.set(row.code, file);
			file.name = row.name;
			file.months.push([period, row.attendances, row.within4h]);
		}
	}
	return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
