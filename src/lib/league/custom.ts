/**
 * Your own league table from a CSV: a column mapping (saved and loaded as
 * JSON, shared by /league/custom and scripts/league.ts) turns parsed rows
 * into league units, with every problem named by line and column.
 */
import type { Direction } from '../stats/funnel.ts';
import type { LeagueUnit, LimitsMode } from './compute.ts';
import { LIMITS_MODES } from './compute.ts';

export interface ColumnMapping {
	version: 1;
	title: string;
	/** Column with the unit's name (required). */
	unit: string;
	code?: string;
	/** Either numerator + denominator … */
	numerator?: string;
	denominator?: string;
	/** … or a value (a percentage or a fraction) and n. */
	value?: string;
	n?: string;
	/** How the value column is written: 74.1 ('percent') or 0.741 ('fraction'). */
	valueScale?: 'percent' | 'fraction';
	period?: string;
	/** Which period to show when a period column is mapped; the last in sort order when empty. */
	selectedPeriod?: string;
	direction: Direction;
	limits?: LimitsMode;
	/** Target proportion 0–1; the pooled proportion when empty. */
	target?: number | null;
	/** Codes (or names, where no code column is mapped) to leave out, e.g. a national row in the same file. */
	exclude?: string[];
}

export interface MappingProblem {
	/** 1-based line in the file (header = 1); 0 for the mapping itself. */
	line: number;
	column: string | null;
	message: string;
}

export type Row = Record<string, string>;

export const EMPTY_MAPPING: ColumnMapping = { version: 1, title: 'My league table', unit: '', direction: 'higher-is-better', valueScale: 'percent', limits: 'exact' };

/** Checks a mapping (e.g. loaded from JSON) against the file's columns. */
export function validateMapping(input: unknown, columns: readonly string[] | null = null): { mapping: ColumnMapping | null; problems: MappingProblem[] } {
	const problems: MappingProblem[] = [];
	const fail = (message: string, column: string | null = null) => problems.push({ line: 0, column, message });
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		fail('The mapping must be a JSON object.');
		return { mapping: null, problems };
	}
	const m = input as Record<string, unknown>;
	const text = (key: string): string | undefined => {
		const v = m[key];
		if (v === undefined || v === null || v === '') return undefined;
		if (typeof v !== 'string') {
			fail(`"${key}" must be a column name in quotes.`);
			return undefined;
		}
		return v;
	};
	const mapping: ColumnMapping = {
		version: 1,
		title: text('title') ?? 'My league table',
		unit: text('unit') ?? '',
		code: text('code'),
		numerator: text('numerator'),
		denominator: text('denominator'),
		value: text('value'),
		n: text('n'),
		valueScale: m.valueScale === 'fraction' ? 'fraction' : 'percent',
		period: text('period'),
		selectedPeriod: text('selectedPeriod'),
		direction: m.direction === 'lower-is-better' ? 'lower-is-better' : 'higher-is-better',
		limits: (LIMITS_MODES as readonly unknown[]).includes(m.limits) ? (m.limits as LimitsMode) : 'exact',
		target: typeof m.target === 'number' && m.target > 0 && m.target < 1 ? m.target : null,
		...(m.exclude === undefined ? {} : { exclude: Array.isArray(m.exclude) ? m.exclude.filter((c): c is string => typeof c === 'string') : [] })
	};
	if (m.exclude !== undefined && (!Array.isArray(m.exclude) || mapping.exclude!.length !== m.exclude.length)) fail('"exclude" must be a list of codes in quotes, e.g. ["E92000001"].', 'exclude');
	if (m.version !== undefined && m.version !== 1) fail(`Unknown mapping version ${String(m.version)}; this site reads version 1.`);
	if (!mapping.unit) fail('Choose the column with the unit names.', 'unit');
	const counts = mapping.numerator || mapping.denominator;
	const values = mapping.value || mapping.n;
	if (counts && values) fail('Map either numerator and denominator, or value and n, not both.');
	else if (mapping.numerator && !mapping.denominator) fail('Choose the denominator column too.', 'denominator');
	else if (mapping.denominator && !mapping.numerator) fail('Choose the numerator column too.', 'numerator');
	else if (mapping.value && !mapping.n) fail('Choose the n (number of cases) column too.', 'n');
	else if (mapping.n && !mapping.value) fail('Choose the value column too.', 'value');
	else if (!counts && !values) fail('Choose numerator and denominator columns, or value and n columns.');
	if (columns) {
		for (const key of ['unit', 'code', 'numerator', 'denominator', 'value', 'n', 'period'] as const) {
			const column = mapping[key];
			if (column && !columns.includes(column)) fail(`The file has no column called "${column}" (for ${key}).`, column);
		}
	}
	return { mapping: problems.length === 0 ? mapping : null, problems };
}

/** A number as people type them in spreadsheets: "1,234", " 74.1% ". */
export function parseNumber(text: string | undefined): number | null {
	if (text === undefined) return null;
	const cleaned = text.trim().replace(/,/g, '').replace(/%$/, '').trim();
	if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
	const value = Number(cleaned);
	return Number.isFinite(value) ? value : null;
}

export function periodsIn(rows: readonly Row[], mapping: ColumnMapping): string[] {
	if (!mapping.period) return [];
	return [...new Set(rows.map((r) => (r[mapping.period!] ?? '').trim()).filter((p) => p !== ''))].sort();
}

/** Rows → units for one period. Lines are counted with the header as line 1. */
export function unitsFromRows(rows: readonly Row[], mapping: ColumnMapping): { units: LeagueUnit[]; problems: MappingProblem[]; period: string | null } {
	const problems: MappingProblem[] = [];
	const periods = periodsIn(rows, mapping);
	const period = mapping.period ? (mapping.selectedPeriod && periods.includes(mapping.selectedPeriod) ? mapping.selectedPeriod : (periods.at(-1) ?? null)) : null;
	const units: LeagueUnit[] = [];
	const seen = new Set<string>();
	rows.forEach((row, index) => {
		const line = index + 2;
		if (mapping.period && (row[mapping.period] ?? '').trim() !== period) return;
		const name = (row[mapping.unit] ?? '').trim();
		if (name === '') {
			problems.push({ line, column: mapping.unit, message: 'No unit name: row left out.' });
			return;
		}
		const code = mapping.code ? (row[mapping.code] ?? '').trim() || name : name;
		if (mapping.exclude?.includes(code)) return;
		if (seen.has(code)) {
			problems.push({ line, column: mapping.code ?? mapping.unit, message: `"${code}" appears twice${period ? ` in ${period}` : ''}: only the first row is used.` });
			return;
		}
		let successes: number | null;
		let trials: number | null;
		if (mapping.numerator && mapping.denominator) {
			successes = parseNumber(row[mapping.numerator]);
			trials = parseNumber(row[mapping.denominator]);
			if (successes === null) return void problems.push({ line, column: mapping.numerator, message: `"${row[mapping.numerator] ?? ''}" is not a number: row left out.` });
		} else {
			const value = parseNumber(row[mapping.value!]);
			trials = parseNumber(row[mapping.n!]);
			if (value === null) return void problems.push({ line, column: mapping.value!, message: `"${row[mapping.value!] ?? ''}" is not a number: row left out.` });
			const fraction = mapping.valueScale === 'fraction' ? value : value / 100;
			if (fraction < 0 || fraction > 1) return void problems.push({ line, column: mapping.value!, message: `${value} is not a ${mapping.valueScale === 'fraction' ? 'fraction between 0 and 1' : 'percentage between 0 and 100'}: row left out.` });
			successes = trials === null ? null : Math.round(fraction * trials);
		}
		const trialsColumn = (mapping.denominator ?? mapping.n)!;
		if (trials === null || !Number.isInteger(trials) || trials <= 0) {
			return void problems.push({ line, column: trialsColumn, message: `"${row[trialsColumn] ?? ''}" is not a whole number above 0: row left out.` });
		}
		if (successes === null || successes < 0 || successes > trials || !Number.isInteger(successes)) {
			return void problems.push({ line, column: mapping.numerator ?? mapping.value!, message: `The numerator must be a whole number between 0 and ${trials}: row left out.` });
		}
		seen.add(code);
		units.push({ code, name, successes, trials });
	});
	return { units, problems, period };
}

/** A sensible first guess at the mapping from the header names. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
	const find = (...patterns: RegExp[]) => columns.find((c) => patterns.some((p) => p.test(c)));
	const numerator = find(/numerator/i, /^(events?|successes|count|deaths|x)$/i);
	const denominator = find(/denominator/i, /^(total|trials|cases|population)$/i);
	const value = numerator ? undefined : find(/^(value|rate|percent(age)?|%|proportion|pct)/i);
	const n = numerator ? undefined : find(/^(n|count|cases|size|total)$/i);
	return {
		...EMPTY_MAPPING,
		unit: find(/name/i, /^(unit|provider|trust|organi[sz]ation|council|hospital)$/i) ?? columns[0] ?? '',
		code: find(/code/i, /^id$/i),
		numerator,
		denominator: numerator ? denominator : undefined,
		value,
		n,
		period: find(/period|month|year|date/i)
	};
}
