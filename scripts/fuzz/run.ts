/**
 * One fuzz case: mutate a good file, recognise it as the build does, read it with the
 * matching reader, and classify the outcome. Success must account for every row
 * (rowsRead = rowsAccepted + rowsRejected); failure must be a ReadError whose message
 * names the file and a line. Anything else (TypeError, RangeError, a wrong count, a
 * case slower than the time limit) is a crash, printed with seed, case and mutations.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { notDataReason, SAMPLE_BYTES, type SourceFile } from '../lib/source-files.ts';
import { recogniseFile } from '../readers/index.ts';
import { readRttIntoDuckDB, recogniseRtt } from '../readers/rtt.ts';
import { ReadError, type SourceReport } from '../readers/types.ts';
import type { Base } from './bases.ts';
import { caseRng, mutate } from './mutate.ts';

export type Outcome = 'accepted' | 'rejected' | 'ignored' | 'crash';

export interface CaseResult {
	index: number;
	base: string;
	applied: string[];
	outcome: Outcome;
	detail: string;
	ms: number;
}

export interface FuzzContext {
	connection: DuckDBConnection;
	dir: string;
	/** Unique per RTT read on the shared connection (DuckDB keeps rejects tables by name). */
	sequence: number;
}

/** Share of cases built on the RTT slice: they go through DuckDB and are the slow ones. */
export const RTT_SHARE = 0.08;

export function pickBase(bases: Base[], rng: ReturnType<typeof caseRng>): Base {
	const rtt = bases.filter((b) => b.rtt);
	const others = bases.filter((b) => !b.rtt);
	return rtt.length && (rng.chance(RTT_SHARE) || !others.length) ? rng.pick(rtt) : rng.pick(others);
}

function checkReport(report: SourceReport): string | null {
	const counts = [report.rowsRead, report.rowsAccepted, report.rowsRejected];
	if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return `row counts are not whole numbers ≥ 0: ${counts.join(', ')}`;
	if (report.rowsRead !== report.rowsAccepted + report.rowsRejected) return `rowsRead ${report.rowsRead} ≠ accepted ${report.rowsAccepted} + rejected ${report.rowsRejected}`;
	for (const issue of report.issues) {
		if (!Number.isInteger(issue.line) || issue.line < 0 || !issue.message) return `an issue without a line or message: ${JSON.stringify(issue)}`;
	}
	return null;
}

function checkReadError(error: ReadError, name: string): string | null {
	const prefix = `${name}, line ${error.line}`;
	if (!Number.isInteger(error.line) || error.line < 0 || !error.message.startsWith(prefix) || error.reason.trim() === '') {
		return `a ReadError without file and line: ${error.message}`;
	}
	return null;
}

/** Read `bytes` as the build would (minus the archive layer) and classify what happened. */
export async function readAsBuild(ctx: FuzzContext, name: string, bytes: Uint8Array): Promise<{ outcome: Outcome; detail: string }> {
	const sample = bytes.subarray(0, SAMPLE_BYTES);
	const file: SourceFile = { path: join(ctx.dir, 'case.csv'), name, container: 'plain', entry: null, bytes: bytes.length, sample };
	try {
		const notData = notDataReason(file);
		if (notData) throw new ReadError(name, 1, null, notData);
		let report: SourceReport;
		if (recogniseRtt({ name, bytes: sample })) {
			writeFileSync(file.path, bytes);
			const sequence = ctx.sequence++;
			try {
				report = (await readRttIntoDuckDB(ctx.connection, file, 'fuzz', sequence)).report;
			} finally {
				for (const table of [`rtt_rejects_${sequence}`, `rtt_scan_${sequence}`, 'rtt_detail', 'rtt_problems']) {
					await ctx.connection.run(`DROP TABLE IF EXISTS ${table}`);
				}
			}
		} else {
			const reader = recogniseFile({ name, bytes: sample });
			if (!reader) return { outcome: 'ignored', detail: 'no reader recognises it' };
			report = (await reader.read(name, bytes)).report;
		}
		const wrong = checkReport(report);
		return wrong ? { outcome: 'crash', detail: wrong } : { outcome: 'accepted', detail: `${report.dataset}: ${report.rowsRead} read, ${report.rowsRejected} rejected` };
	} catch (error) {
		if (error instanceof ReadError) {
			const wrong = checkReadError(error, name);
			return wrong ? { outcome: 'crash', detail: wrong } : { outcome: 'rejected', detail: error.message };
		}
		const e = error as Error;
		return { outcome: 'crash', detail: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}\n${e?.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` };
	}
}

export async function runCase(ctx: FuzzContext, bases: Base[], seed: number, index: number, limitMs: number): Promise<CaseResult> {
	const rng = caseRng(seed, index);
	const base = pickBase(bases, rng);
	const { bytes, applied } = mutate(base.bytes, rng);
	const started = performance.now();
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<{ outcome: Outcome; detail: string }>((resolve) => {
		timer = setTimeout(() => resolve({ outcome: 'crash', detail: `no answer within ${limitMs} ms (a hang)` }), limitMs);
	});
	const result = await Promise.race([readAsBuild(ctx, base.name, bytes), timeout]);
	clearTimeout(timer);
	const ms = performance.now() - started;
	// A synchronous reader cannot be interrupted in-process; a slow finish still counts as a hang.
	if (result.outcome !== 'crash' && ms > limitMs) return { index, base: base.name, applied, outcome: 'crash', detail: `took ${Math.round(ms)} ms (limit ${limitMs} ms)`, ms };
	return { index, base: base.name, applied, ...result, ms };
}

export function newContext(connection: DuckDBConnection): FuzzContext {
	return { connection, dir: mkdtempSync(join(tmpdir(), 'openwaits-fuzz-')), sequence: 0 };
}

export function disposeContext(ctx: FuzzContext): void {
	rmSync(ctx.dir, { recursive: true, force: true });
}

export interface Summary {
	cases: number;
	accepted: number;
	rejected: number;
	ignored: number;
	crashes: CaseResult[];
}

export function summaryLine(s: Summary): string {
	return `${s.cases} cases: ${s.accepted} accepted, ${s.rejected} rejected-with-message, ${s.crashes.length} crashes (${s.ignored} recognised by no reader: listed as ignored)`;
}

export function describeCrash(seed: number, c: CaseResult): string {
	return `CRASH seed ${seed} case ${c.index} (${c.base}; ${c.applied.join(' + ')}): ${c.detail}\n  replay: npx tsx scripts/fuzz.ts --seed ${seed} --case ${c.index}`;
}

/** Run cases [from, from + count) in-process. */
export async function runFuzz(opts: { ctx: FuzzContext; bases: Base[]; seed: number; from?: number; count: number; limitMs?: number; onCase?: (c: CaseResult) => void }): Promise<Summary> {
	const summary: Summary = { cases: 0, accepted: 0, rejected: 0, ignored: 0, crashes: [] };
	const from = opts.from ?? 0;
	for (let i = from; i < from + opts.count; i++) {
		const c = await runCase(opts.ctx, opts.bases, opts.seed, i, opts.limitMs ?? 10_000);
		summary.cases++;
		if (c.outcome === 'crash') summary.crashes.push(c);
		else if (c.outcome === 'accepted') summary.accepted++;
		else if (c.outcome === 'rejected') summary.rejected++;
		else summary.ignored++;
		opts.onCase?.(c);
	}
	return summary;
}
