import { describe, expect, it } from 'vitest';
import { Z_95, normalQuantile, zForConfidence } from './normal.ts';

describe('normalQuantile', () => {
	// Reference values from standard normal tables (e.g. R's qnorm).
	const cases: [number, number][] = [
		[0.5, 0],
		[0.975, 1.959963985],
		[0.025, -1.959963985],
		[0.95, 1.644853627],
		[0.995, 2.575829304],
		[0.841344746, 1],
		[0.001, -3.090232306],
		[1e-10, -6.361340902]
	];
	for (const [p, z] of cases) it(`p = ${p} → ${z}`, () => expect(normalQuantile(p)).toBeCloseTo(z, 6));
	for (const p of [0, 1, -1, Number.NaN]) it(`rejects ${p}`, () => expect(() => normalQuantile(p)).toThrow(RangeError));
});

describe('zForConfidence', () => {
	const cases: [number, number][] = [[0.95, Z_95], [0.9, 1.644853627], [0.99, 2.575829304]];
	for (const [level, z] of cases) it(`${level} → ${z}`, () => expect(zForConfidence(level)).toBeCloseTo(z, 6));
	it('uses the conventional constant for 95%', () => expect(zForConfidence(0.95)).toBe(1.959964));
	it('rejects 1', () => expect(() => zForConfidence(1)).toThrow(RangeError));
});
