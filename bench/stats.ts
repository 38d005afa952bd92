/** Small statistics for benchmark figures. */
export interface Summary { median: number; min: number; max: number; runs: number; values: number[] }

export function summarise(values: number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	if (!n) throw new Error('no values');
	const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	return { median, min: sorted[0], max: sorted[n - 1], runs: n, values };
}
