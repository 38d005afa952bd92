/**
 * Small files read or written side by side. Each is a few trips to node's thread pool
 * (open, read or write, close); one file at a time, the build waits on every trip in
 * turn, while a few at once keep the pool busy.
 */

/** `task` on every item, at most `limit` running at once; the results in the items' order. */
export async function mapAtOnce<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	if (!(limit >= 1)) throw new RangeError(`mapAtOnce needs a limit of 1 or more, not ${limit}`);
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await task(items[i]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
