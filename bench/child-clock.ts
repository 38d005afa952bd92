/**
 * The clock of a measured child process: wall time and CPU time from `startClock()` on,
 * read together by `stop()`. Neither counts the process's start-up (tsx compiling the
 * sources and @duckdb/node-api loading: about 0.8 s of CPU on this machine), which
 * `process.cpuUsage()` alone would add to every side's CPU but not to its time.
 */
export interface ChildTimes {
	ms: number;
	cpu: { userMs: number; systemMs: number };
}

export function startClock(): { started: number; stop: () => ChildTimes } {
	const cpuAtStart = process.cpuUsage();
	const started = performance.now();
	return {
		started,
		stop() {
			const ms = performance.now() - started;
			const { user, system } = process.cpuUsage(cpuAtStart);
			return { ms, cpu: { userMs: user / 1000, systemMs: system / 1000 } };
		}
	};
}

/** Peak memory of this process so far, in MB. */
export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
