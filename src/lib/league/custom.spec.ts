import { describe, expect, it } from 'vitest';
import { guessMapping, parseNumber, periodsIn, unitsFromRows, validateMapping, type ColumnMapping } from './custom.ts';

const ROWS = [
	{ Council: 'Ashby', Code: 'E1', Year: '2024', Events: '40', Total: '100' },
	{ Council: 'Barton', Code: 'E2', Year: '2024', Events: '1,200', Total: '2,000' },
	{ Council: 'Ashby', Code: 'E1', Year: '2025', Events: '45', Total: '100' },
	{ Council: 'Barton', Code: 'E2', Year: '2025', Events: 'n/a', Total: '2,000' },
	{ Council: '', Code: 'E3', Year: '2025', Events: '1', Total: '2' },
	{ Council: 'Cowley', Code: 'E4', Year: '2025', Events: '7', Total: '5' }
];
const MAPPING: ColumnMapping = { version: 1, title: 'T', unit: 'Council', code: 'Code', numerator: 'Events', denominator: 'Total', period: 'Year', direction: 'higher-is-better' };

describe('custom CSV mapping', () => {
	it('guesses from header names', () => {
		expect(guessMapping(['Council', 'Code', 'Year', 'Events', 'Total'])).toMatchObject({ unit: 'Council', code: 'Code', period: 'Year' });
		expect(guessMapping(['name', 'numerator', 'denominator'])).toMatchObject({ unit: 'name', numerator: 'numerator', denominator: 'denominator' });
		expect(guessMapping(['Trust', 'rate', 'n'])).toMatchObject({ unit: 'Trust', value: 'rate', n: 'n' });
	});
	it('validates against the file’s columns', () => {
		expect(validateMapping(MAPPING, Object.keys(ROWS[0])).problems).toEqual([]);
		expect(validateMapping({ ...MAPPING, numerator: 'Nope' }, Object.keys(ROWS[0])).problems[0].message).toBe('The file has no column called "Nope" (for numerator).');
		expect(validateMapping({ unit: 'Council', numerator: 'Events' }).problems[0].message).toBe('Choose the denominator column too.');
		expect(validateMapping('x').mapping).toBeNull();
		expect(validateMapping({ ...MAPPING, value: 'Events', n: 'Total' }).problems[0].message).toMatch(/not both/);
	});
	it('takes the latest period by default and names every problem by line', () => {
		const { units, problems, period } = unitsFromRows(ROWS, MAPPING);
		expect(period).toBe('2025');
		expect(units).toEqual([{ code: 'E1', name: 'Ashby', successes: 45, trials: 100 }]);
		expect(problems).toEqual([
			{ line: 5, column: 'Events', message: '"n/a" is not a number: row left out.' },
			{ line: 6, column: 'Council', message: 'No unit name: row left out.' },
			{ line: 7, column: 'Events', message: 'The numerator must be a whole number between 0 and 5: row left out.' }
		]);
	});
	it('a chosen period, and numbers with thousands separators', () => {
		const { units } = unitsFromRows(ROWS, { ...MAPPING, selectedPeriod: '2024' });
		expect(units.map((u) => [u.code, u.successes, u.trials])).toEqual([['E1', 40, 100], ['E2', 1200, 2000]]);
		expect(periodsIn(ROWS, MAPPING)).toEqual(['2024', '2025']);
	});
	it('leaves out the codes listed in exclude (a national row in the same file), and checks the list', () => {
		const { units } = unitsFromRows(ROWS, { ...MAPPING, selectedPeriod: '2024', exclude: ['E2'] });
		expect(units.map((u) => u.code)).toEqual(['E1']);
		expect(validateMapping({ ...MAPPING, exclude: ['E92000001'] }).mapping?.exclude).toEqual(['E92000001']);
		expect(validateMapping({ ...MAPPING, exclude: 'E92000001' }).problems[0].message).toBe('"exclude" must be a list of codes in quotes, e.g. ["E92000001"].');
		expect(validateMapping({ ...MAPPING, exclude: ['E1', 2] }).problems[0].column).toBe('exclude');
	});
	it('value and n, as a percentage or a fraction', () => {
		const rows = [{ u: 'A', v: '74.1%', n: '1000' }, { u: 'B', v: '101', n: '10' }];
		const m: ColumnMapping = { version: 1, title: '', unit: 'u', value: 'v', n: 'n', direction: 'higher-is-better' };
		const out = unitsFromRows(rows, m);
		expect(out.units).toEqual([{ code: 'A', name: 'A', successes: 741, trials: 1000 }]);
		expect(out.problems[0].message).toBe('101 is not a percentage between 0 and 100: row left out.');
		expect(unitsFromRows([{ u: 'A', v: '0.25', n: '8' }], { ...m, valueScale: 'fraction' }).units[0].successes).toBe(2);
	});
	it('parseNumber', () => {
		expect(parseNumber(' 1,234 ')).toBe(1234);
		expect(parseNumber('12%')).toBe(12);
		expect(parseNumber('abc')).toBeNull();
		expect(parseNumber('')).toBeNull();
		expect(parseNumber('1e3')).toBe(1000);
	});
});
