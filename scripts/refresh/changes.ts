/**
 * What a refresh changed, at a glance: months added since the published data,
 * the national figures for the latest month, and the providers whose figures
 * moved most from one month to the next beyond noise (Wilson 95% ranges apart,
 * the rule of src/lib/stats/change.ts).
 */
import type { AeMonthFile, Manifest, TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';
import type { Movement, NationalFigures } from '../../src/lib/schema/refresh.ts';
import { compareProportions } from '../../src/lib/stats/change.ts';

/** The parts of a built data folder the summary reads. */
export interface DataSnapshot {
	manifest: Manifest;
	/** waits-C_999.json: all treatments, per provider and month. */
	allTreatments: TreatmentWaitsFile | null;
	providerNames: Record<string, string>;
	/** The two latest A&E months, oldest first. */
	aeMonths: AeMonthFile[];
}

export interface Changes {
	monthsAdded: { rtt: string[]; ae: string[] };
	national: NationalFigures | null;
	movements: Movement[];
}

export function nationalFigures(manifest: Manifest): NationalFigures | null {
	const [before, latest] = [manifest.rtt.at(-2), manifest.rtt.at(-1)];
	if (!latest) return null;
	const figures = (m: typeof latest) => ({ period: m.period, waiting: m.incompletePathwaysEngland, medianWeeks: m.englandMedianWeeks, pctWithin18: m.englandPctWithin18 });
	return { ...figures(latest), previous: before ? figures(before) : null };
}

function moved(measure: Movement['measure'], code: string, name: string, before: { period: string; successes: number; trials: number }, after: typeof before): Movement | null {
	const change = compareProportions(before, after);
	if (!change.beyondNoise || change.before === null || change.after === null) return null;
	return { measure, code, name, before: { period: before.period, pct: change.before }, after: { period: after.period, pct: change.after } };
}

/** Providers whose latest month moved beyond noise, biggest change first, at most `limit` per measure. */
export function movements(snapshot: DataSnapshot, limit = 5): Movement[] {
	const rtt: Movement[] = [];
	for (const row of snapshot.allTreatments?.rows ?? []) {
		const [a, b] = row.months.slice(-2);
		if (!a || !b || a.tooFew || b.tooFew || a.pathways === 0 || b.pathways === 0) continue;
		const m = moved('rtt-within-18-weeks', row.provider, snapshot.providerNames[row.provider] ?? row.provider, { period: a.period, successes: a.within18, trials: a.pathways }, { period: b.period, successes: b.within18, trials: b.pathways });
		if (m) rtt.push(m);
	}
	const ae: Movement[] = [];
	const [first, second] = snapshot.aeMonths;
	if (first && second) {
		const earlier = new Map(first.rows.map((r) => [r.code, r]));
		for (const row of second.rows) {
			const was = earlier.get(row.code);
			if (!was || was.attendances === 0 || row.attendances === 0) continue;
			const m = moved('ae-within-4-hours', row.code, row.name, { period: first.period, successes: was.within4h, trials: was.attendances }, { period: second.period, successes: row.within4h, trials: row.attendances });
			if (m) ae.push(m);
		}
	}
	const size = (m: Movement) => Math.abs(m.after.pct - m.before.pct);
	const top = (list: Movement[]) => list.sort((x, y) => size(y) - size(x) || x.code.localeCompare(y.code)).slice(0, limit);
	return [...top(rtt), ...top(ae)];
}

export function whatChanged(previous: Manifest | null, next: DataSnapshot): Changes {
	const added = (now: string[], before: string[] | undefined) => now.filter((p) => !(before ?? []).includes(p));
	return {
		monthsAdded: { rtt: added(next.manifest.periods, previous?.periods), ae: added(next.manifest.aePeriods, previous?.aePeriods) },
		national: nationalFigures(next.manifest),
		movements: movements(next)
	};
}

const count = (n: number) => n.toLocaleString('en-GB');
const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)}%`);
const LABEL: Record<Movement['measure'], string> = { 'rtt-within-18-weeks': 'waiting under 18 weeks', 'ae-within-4-hours': 'A&E within 4 hours' };

/** The lines a person reads at the end of a refresh. */
export function changesText(changes: Changes): string[] {
	const { rtt, ae } = changes.monthsAdded;
	const lines = [`Months added: RTT ${rtt.join(', ') || 'none'}; A&E ${ae.join(', ') || 'none'}.`];
	const n = changes.national;
	if (n) {
		const was = n.previous ? ` (${n.previous.period}: ${count(n.previous.waiting)}, ${pct(n.previous.pctWithin18)})` : '';
		lines.push(`England ${n.period}: ${count(n.waiting)} waiting, ${pct(n.pctWithin18)} within 18 weeks, median ${n.medianWeeks?.toFixed(1) ?? '–'} weeks${was}.`);
	}
	if (changes.movements.length === 0) lines.push('No provider moved beyond noise.');
	else {
		lines.push('Biggest movements beyond noise:');
		for (const m of changes.movements) {
			const delta = m.after.pct - m.before.pct;
			lines.push(`  ${m.name} (${m.code}), ${LABEL[m.measure]}: ${pct(m.before.pct)} in ${m.before.period} → ${pct(m.after.pct)} in ${m.after.period} (${delta > 0 ? '+' : ''}${delta.toFixed(1)} points)`);
		}
	}
	return lines;
}
