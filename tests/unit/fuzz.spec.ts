/**
 * A few hundred fuzz cases with a fixed seed, on the demonstration files (so the result
 * does not depend on this machine having the real data). Every case must be accepted
 * with its rows accounted for, or refused with a message naming file and line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadBases } from '../../scripts/fuzz/bases.ts';
import { MUTATIONS, MUTATION_NAMES, Prng, caseRng, mutate } from '../../scripts/fuzz/mutate.ts';
import { describeCrash, disposeContext, newContext, runFuzz, summaryLine, type FuzzContext } from '../../scripts/fuzz/run.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let ctx: FuzzContext;

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	connection = await instance.connect();
	ctx = newContext(connection);
});
afterAll(() => {
	disposeContext(ctx);
	connection.closeSync();
	instance.closeSync();
});

describe('mutations', () => {
	it('are reproducible from seed and case number', () => {
		const bytes = new TextEncoder().encode('a,b,c\n1,2,3\n4,5,6\n');
		const one = mutate(bytes, caseRng(7, 42));
		const two = mutate(bytes, caseRng(7, 42));
		expect(two.applied).toEqual(one.applied);
		expect(Buffer.compare(two.bytes, one.bytes)).toBe(0);
	});
	it('each mutation copes with an empty and a one-line file', () => {
		for (const name of MUTATION_NAMES) {
			for (const text of ['', 'x', 'a,b\n']) expect(() => MUTATIONS[name](new TextEncoder().encode(text), new Prng(1))).not.toThrow();
		}
	});
});

describe('fuzzing the readers (demonstration files, seed 1)', () => {
	it('300 cases: no crash, every row accounted for', async () => {
		// A 300-row RTT slice keeps the DuckDB cases quick.
		const { bases } = loadBases('demo', 300);
		const summary = await runFuzz({ ctx, bases, seed: 1, count: 300, limitMs: 10_000 });
		expect(summary.crashes.map((c) => describeCrash(1, c))).toEqual([]);
		expect(summary.accepted + summary.rejected + summary.ignored).toBe(300);
		expect(summary.accepted).toBeGreaterThan(50);
		expect(summary.rejected).toBeGreaterThan(10);
		console.log(summaryLine(summary));
	});
});
