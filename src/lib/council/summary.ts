/**
 * The plain-English summary at the top of a council's page. It names the measures where
 * the council is clearly better or clearly worse than similar councils, and nothing else:
 * no "within the range" roll-call, and never a combined score.
 */
import type { Position } from './compare.ts';

export interface SummaryItem {
	title: string;
	position: Position;
}

/** 'a', 'a and b', 'a, b and c'. */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const lower = (title: string) => title.charAt(0).toLowerCase() + title.slice(1);

export function councilSummary(name: string, items: readonly SummaryItem[]): string {
	const better = items.filter((i) => i.position === 'clearly-better').map((i) => lower(i.title));
	const worse = items.filter((i) => i.position === 'clearly-worse').map((i) => lower(i.title));
	if (better.length === 0 && worse.length === 0) {
		const compared = items.filter((i) => i.position === 'within').length;
		return compared === 0
			? `${name} has no measure we can compare with similar councils.`
			: `${name} is not clearly better or worse than similar councils on any of the ${compared === 1 ? 'measure' : `${compared} measures`} we compare.`;
	}
	const parts = [better.length ? `clearly better on ${listWords(better)}` : null, worse.length ? `clearly worse on ${listWords(worse)}` : null].filter((p) => p !== null);
	return `Compared with similar councils, ${name} is ${parts.join(', and ')}.`;
}
