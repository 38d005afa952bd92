/**
 * Runs `work` once the browser has painted what is on screen now: the frame
 * callback comes just before the next paint, the task queued from it just after.
 * A setTimeout alone can run before that paint and hold it back.
 * Returns a cancel function (for an $effect's cleanup).
 */
export function afterPaint(work: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
