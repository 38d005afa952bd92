import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint.ts';

describe('afterPaint', () => {
	let frames: FrameRequestCallback[] = [];
	const paint = () => {
		const due = frames;
		frames = [];
		for (const f of due) f(0);
	};
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		frames = [];
	});
	function setUp() {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
		vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => {}));
	}

	it('waits for the next frame and then for a task after it', () => {
		setUp();
		const work = vi.fn();
		afterPaint(work);
		vi.runAllTimers();
		expect(work).not.toHaveBeenCalled();
		paint();
		expect(work).not.toHaveBeenCalled();
		vi.runAllTimers();
		expect(work).toHaveBeenCalledOnce();
	});

	const cancelAt: [string, boolean][] = [
		['before the frame', false],
		['between the frame and the task', true]
	];
	it.each(cancelAt)('cancelled %s, it never runs', (_, afterFrame) => {
		setUp();
		const work = vi.fn();
		const cancel = afterPaint(work);
		if (afterFrame) paint();
		cancel();
		paint();
		vi.runAllTimers();
		expect(work).not.toHaveBeenCalled();
	});
});
