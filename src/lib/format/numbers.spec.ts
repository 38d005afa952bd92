import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRounded, formatWeeks, formatWeeksNumber, roundHalfAway, roundTenth } from './numbers.ts';

describe('roundHalfAway (Excel ROUND)', () => {
	const cases: [number, number, number][] = [
		[1.05, 1, 1.1], // 1.05 is 1.0499999… in binary; Excel still gives 1.1
		[1.005, 2, 1.01],
		[2.25, 1, 2.3],
		[-2.25, 1, -2.3],
		[19.25, 1, 19.3],
		[0.04999, 1, 0],
		[10.888888888, 1, 10.9],
		[12345.5, 0, 12346]
	];
	for (const [x, decimals, expected] of cases) it(`${x} to ${decimals} → ${expected}`, () => expect(roundHalfAway(x, decimals)).toBe(expected));
	it('roundTenth', () => expect(roundTenth(60.65)).toBe(60.7));
});

describe('formatting', () => {
	const cases: [string, string, string][] = [
		['count with separators', formatCount(7187677), '7,187,677'],
		['small count', formatCount(12), '12'],
		['zero', formatCount(0), '0'],
		['no count', formatCount(null), '–'],
		['count not yet known', formatCount(undefined), '–'],
		['weeks number', formatWeeksNumber(14), '14.0'],
		['weeks number rounds', formatWeeksNumber(10.8888888888889), '10.9'],
		['weeks, tenth', formatWeeks(14.25), '14.3 weeks'],
		['weeks, tenth, one', formatWeeks(1), '1.0 weeks'],
		['weeks, whole: 14.0 stays 14', formatWeeks(14.0, 'whole'), '14 weeks'],
		['weeks, whole: 14.04 rounds to 14.0 first', formatWeeks(14.04, 'whole'), '14 weeks'],
		['weeks, whole: 14.3 goes up so "or less" stays true', formatWeeks(14.3, 'whole'), '15 weeks'],
		['weeks, whole: under a week', formatWeeks(0.4, 'whole'), '1 week'],
		['percent', formatPercent(72.44), '72.4%'],
		['percent, whole', formatPercent(92), '92.0%'],
		['percent rounds half away', formatPercent(91.95), '92.0%']
	];
	for (const [name, got, expected] of cases) it(name, () => expect(got).toBe(expected));
	it('rejects negative weeks', () => expect(() => formatWeeks(-1)).toThrow(RangeError));
});

describe('hand-written grouping agrees with Intl en-GB', () => {
	// formatCount and friends skip Intl for ordinary numbers; these are the edges where a shortcut could slip.
	const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
	const tenth = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const values = [0, -0, -0.4, 0.4, 0.5, -0.5, 999, 1000, -1000, 999.95, 999999.95, 1234567.25, -7187677, 99999.96, 1e12 - 1, 1e12 + 0.5, 1e15 - 1, 1e15, -1e15, 1e21, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];
	for (const x of values) {
		it(`${Object.is(x, -0) ? '-0' : x}`, () => {
			expect(formatCount(x)).toBe(count.format(roundHalfAway(x, 0)));
			expect(formatWeeksNumber(x)).toBe(tenth.format(roundTenth(x)));
			expect(formatPercent(x)).toBe(`${tenth.format(roundTenth(x))}%`);
		});
	}
	// Where the whole-number and tenths shortcuts start and stop, and the halves on either side of them.
	const edges: number[] = [
		0.05, -0.05, 0.15, 0.25, 0.35, 0.45, 1.05, -1.05, 2.45, 9.95, -9.95, 99.95, 0.949, 0.95, 0.951, 1e-7, -1e-7, 5e-324,
		999, 999.4, 999.5, 1000, 1000.05, -999.5, 9999.95, 999999, 999999.5, 1e6, -1e6, 1e6 - 0.05, 1e6 + 0.05, 1234567.89,
		1e14 - 1, 1e14 - 0.5, 1e14 - 0.1, 1e14 - 0.05, 1e14, 1e14 + 0.1, 1e14 + 0.5, -1e14 + 0.1, 99999999999999.95,
		1e15 - 1, 1e15 - 0.5, 1e15 - 0.125, 1e15 + 1, -(1e15 - 1), 2 ** 53, 2 ** 53 + 2
	];
	for (const x of edges) {
		it(`edge ${x}`, () => {
			expect(formatCount(x)).toBe(count.format(roundHalfAway(x, 0)));
			expect(formatWeeksNumber(x)).toBe(tenth.format(roundTenth(x)));
		});
	}
	// Deterministic random values of every size, as they come and already at tenths, whole and halves.
	let seed = 7;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const randoms: number[] = [];
	for (let i = 0; i < 20_000; i++) {
		const x = (random() - 0.3) * 10 ** Math.floor(random() * 17 - 2);
		randoms.push(x, Math.round(x), Math.round(x * 10) / 10, Math.round(x * 10) / 10 + 0.05, Math.trunc(x) + 0.5);
	}
	it(`${randoms.length} random values format as Intl does`, () => {
		const differ = randoms.filter((x) => formatCount(x) !== count.format(roundHalfAway(x, 0)) || formatWeeksNumber(x) !== tenth.format(roundTenth(x)));
		expect(differ).toEqual([]);
	});
	// Numbers nobody rounded first (halves, ties, values past 2^53 / 10) never take a shortcut that
	// changes the text: they format exactly as through toFixed. (Intl itself differs on such ties, as
	// it rounds the shortest decimal, 0.15 → "0.2", where toFixed rounds the binary value, 0.1499… → "0.1":
	// hence every caller rounds first, and then the two agree, as above.)
	const throughToFixed = (x: number, decimals: 0 | 1) => {
		if (!Number.isFinite(x) || Object.is(x, -0) || Math.abs(x) >= 1e15) return (decimals ? tenth : count).format(x);
		const [whole, fraction] = Math.abs(x).toFixed(decimals).split('.');
		return `${x < 0 ? '-' : ''}${count.format(Number(whole))}${fraction === undefined ? '' : `.${fraction}`}`;
	};
	const raw: number[] = [...edges, ...randoms];
	for (let i = 0; i < 20_000; i++) {
		const x = (random() - 0.3) * 10 ** (random() * 17 - 2);
		raw.push(x, 9e14 + random() * 1e14, Math.round(x * 100) / 100, Math.round(x * 4) / 4);
	}
	it(`${raw.length} values not rounded first format as through toFixed`, () => {
		const differ = raw.filter((x) => formatRounded(x, 0) !== throughToFixed(x, 0) || formatRounded(x, 1) !== throughToFixed(x, 1));
		expect(differ).toEqual([]);
	});
	const wholes: [number, number, number][] = [[-0, 0, 0], [7, 1, 7], [-12, 2, -12], [999999999999, 0, 999999999999], [1e12, 1, 1e12]];
	for (const [x, decimals, expected] of wholes) it(`roundHalfAway keeps the whole number ${x} to ${decimals} places`, () => expect(Object.is(roundHalfAway(x, decimals), expected)).toBe(true));
});

describe('roundHalfAway shortcuts agree with always rounding through toPrecision(12)', () => {
	const reference = (x: number, decimals: number) => {
		if (!Number.isFinite(x)) return x;
		const factor = 10 ** decimals;
		const rounded = Math.round(Number((Math.abs(x) * factor).toPrecision(12))) / factor;
		return x < 0 ? -rounded : rounded;
	};
	// Deterministic values of every size, many of them halves or a hair off a half.
	let seed = 13;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const values: number[] = [];
	for (let i = 0; i < 20_000; i++) {
		const x = (random() - 0.3) * 10 ** Math.floor(random() * 16 - 3);
		values.push(x, Math.round(x), Math.round(x * 10) / 10 + 0.05, Math.round(x * 100) / 100 + 0.005, (Math.round(x) + 0.5) * (1 + 1e-15));
	}
	for (const decimals of [0, 1, 2]) {
		it(`${values.length} values to ${decimals} places`, () => {
			const differ = values.filter((x) => !Object.is(roundHalfAway(x, decimals), reference(x, decimals)));
			expect(differ).toEqual([]);
		});
	}
});
