/** bench/report.md from one run's figures. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Prepared } from './build.ts';
import type { Summary } from './stats.ts';

export interface Figure {
	key: string;
	label: string;
	unit: string;
	summary: Summary | null;
	goal: number | null;
	better: 'lower' | 'higher';
	/** Report the maximum (a peak), not the median. */
	useMax?: boolean;
	/** Decimal places in results.json and the report (default: 2 for ×, else 0). */
	decimals?: number;
}

export const decimalsOf = (f: Pick<Figure, 'unit' | 'decimals'>) => f.decimals ?? (f.unit === '×' ? 2 : 0);

interface ReportInput {
	figures: Figure[];
	machine: { cpu: string; memory: string; node: string; chromium: string; date: string };
	prepared: Prepared;
	pipeline: PipelinePair[];
	cold: number[];
	naive: number[];
	naiveNote: string;
	/** How the explorer-warm and upload figures were measured, and what was seen (long-task count). */
	notes: Record<string, string>;
	initial: { bytes: number; files: { url: string; gz: number }[]; serviceWorker: number } | null;
	outside: string[];
	pageErrors: string[];
	gzip: boolean;
	seconds: number;
}

/** A child's CPU time over its timed part: in its own code (user) and in the kernel on its behalf (system). */
export interface CpuTime {
	userMs: number;
	systemMs: number;
}

export interface PipelinePair {
	ratio: number;
	pipelineMs: number;
	duckdbMs: number;
	/** DuckDB alone writing the month's detail files as the site serves them (output-floor-child.ts). */
	floorMs: number;
	pipelineRss: number;
	duckdbRss: number;
	pipelineCpu: CpuTime;
	duckdbCpu: CpuTime;
	floorCpu: CpuTime;
	/** Where the pipeline's time went, from its own log lines. */
	stages: { readMs: number; summariseMs: number; writeMs: number };
}

const cpuText = (cpu: CpuTime) => `${(cpu.userMs / 1000).toFixed(1)} + ${(cpu.systemMs / 1000).toFixed(1)} s`;

/** Why a figure misses its goal: the likely causes, from what each measurement does (check against the per-run tables). */
export const WHY = [
	'## Why figures miss their goals (likely causes)',
	'',
	'- **Pipeline peak memory:** the build reads one RTT month at a time into DuckDB (600 MB memory limit, so it can spill to disk), writes that month\'s files and drops its rows before the next; across months only the summaries are kept. Plain DuckDB streams the CSV to Parquet and peaks lower (see the per-pair table).',
	'- **Pipeline ÷ DuckDB (goal ≤ 1.5, from the issue):** the read stage (unzip and check in one streaming pass, then DuckDB\'s parallel CSV reader with the row rules, sorting a clean month\'s rows straight into its detail file, then duplicates and counts; a file with any problem is read again in order, for exact lines) costs a little more than the plain COPY; the rest is work the plain COPY does not do: *summarise* (~15,000 provider × treatment × part summaries: band sums in DuckDB, percentiles and exact median intervals in TypeScript, while the detail file is gzipped and DuckDB writes its Parquet download on a second connection), then *write outputs*: the month\'s summary file (sorted, written by DuckDB, gzipped) and its Parquet download, then the files that cover every month: 4,600 Atom feeds, the patient JSON files, providers, the manifest. The per-pair table splits the time, and gives each side\'s CPU in its own code and in the kernel: the pipeline creates about 4,700 small files. On this machine\'s ext4, creating a file within a minute or so of thousands being deleted costs up to 0.5 ms of kernel time, against about 30 µs otherwise, so each pipeline run writes a folder of its own and the bench deletes them only after the last pair: no run pays for deleting the previous run\'s output. A pair that follows other deletions (the bench\'s own preparation, another build on the machine) can still show it as kernel time. The spread between pairs is mostly the shared machine and that. The third child of each pair (`output_floor_vs_duckdb`) is DuckDB alone writing only the month\'s detail files as the site serves them (sorted into a DuckDB file, gzipped, and its Parquet download) from a bare `read_csv`: when that alone is over 1.5× the plain COPY, no build that writes these files can meet this goal, and `pipeline_vs_output_floor` is what the pipeline adds to them.',
	'- **Warm query:** each search goes through SvelteKit navigation (`goto` with the search in the URL, so it can be shared and reloaded), then the list of results is redrawn; the chart and the map follow in the next task, after the list is on screen. Slow runs coincide with other work on the 2 shared cores.',
	'- **Council page cold:** the page is prerendered with the council\'s figures and every peer group\'s standings already computed, so its summary is in the first HTML; what remains is the site\'s CSS and the start of hydration. It never loads DuckDB-WASM (each run fails if it does).',
	'- **Explorer cold ÷ floor (goal ≤ 1.3):** the floor page pays only for DuckDB-WASM (download, compile, worker, open, SELECT 1); the explorer adds the SvelteKit app and its hydration, the manifest, fetching the month file the first example names (a gzipped DuckDB file over HTTP, registered and attached read-only) and drawing the results table. Both start the same wasm from the same server, so the ratio is the explorer\'s own overhead.',
	'- **Explorer cold:** the first query has to download and instantiate DuckDB-WASM (the 34 MB eh wasm, about 8 MB gzip, plus its worker) and fetch and attach the month file the query names before it can run; that start-up, not the query, is most of the time.',
	''
];

const fmt = (n: number, unit: string, decimals = unit === '×' ? 2 : 0) =>
	unit === '×'
		? `${n.toFixed(decimals)}×`
		: `${n.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${unit === 'bytes' ? 'B' : unit}`;

function verdict(f: Figure): string {
	if (!f.summary) return 'not measured';
	if (f.goal === null) return 'no goal (see notes)';
	const value = f.useMax ? f.summary.max : f.summary.median;
	const met = f.better === 'lower' ? value <= f.goal : value >= f.goal;
	if (met) return 'met';
	const by = f.better === 'lower' ? value / f.goal : f.goal / value;
	return `missed by ${fmt(Math.abs(value - f.goal), f.unit, f.decimals)} (${by.toFixed(1)}× ${f.better === 'lower' ? 'over' : 'short'})`;
}

function tableRow(f: Figure): string {
	const s = f.summary;
	const goal = f.goal === null ? '—' : `${f.better === 'lower' ? '≤' : '≥'} ${fmt(f.goal, f.unit, f.decimals)}`;
	const n = (v: number) => fmt(v, f.unit, f.decimals);
	return `| ${f.label} (\`${f.key}\`) | ${s ? n(s.median) : 'null'} | ${s ? n(s.min) : '—'} | ${s ? n(s.max) : '—'} | ${s?.runs ?? 0} | ${goal} | ${verdict(f)}${f.useMax ? ' (peak over runs)' : ''} |`;
}

const noteLine = (f: Figure, note: string) => `- **${f.label} (\`${f.key}\`):** ${note || '—'}.`;

/**
 * `--only explorer`: puts these figures' rows into an existing report's table
 * (replacing rows with the same key, else after the last row) and their notes
 * under "How each figure is measured", leaving the other figures as they were.
 */
export function mergeIntoReport(path: string, figures: Figure[], notes: Record<string, string>, source: string): void {
	if (!existsSync(path)) {
		writeFileSync(path, `# OpenWaits benchmark\n\n| figure | median | min | max | runs | goal | result |\n|---|---:|---:|---:|---:|---:|---|\n\n## How each figure is measured\n\n`);
	}
	const lines = readFileSync(path, 'utf8').split('\n');
	for (const f of figures) {
		const row = tableRow(f);
		const note = `${noteLine(f, notes[f.key] ?? '')} Measured by ${source}.`;
		const rowAt = lines.findIndex((l) => l.startsWith('| ') && l.includes(`(\`${f.key}\`) |`));
		if (rowAt >= 0) lines[rowAt] = row;
		else {
			const header = lines.findIndex((l) => l.startsWith('| figure |'));
			let end = header + 2;
			while (end < lines.length && lines[end].startsWith('| ')) end++;
			lines.splice(end, 0, row);
		}
		const noteAt = lines.findIndex((l) => l.startsWith(`- **`) && l.includes(`(\`${f.key}\`):**`));
		if (noteAt >= 0) lines[noteAt] = note;
		else {
			const heading = lines.findIndex((l) => l === '## How each figure is measured');
			let end = heading + 2;
			while (end < lines.length && lines[end].startsWith('- ')) end++;
			lines.splice(end, 0, note);
		}
	}
	writeFileSync(path, lines.join('\n'));
}

export function writeReport(path: string, r: ReportInput): void {
	const lines: string[] = [];
	lines.push('# OpenWaits benchmark', '');
	lines.push(`Generated by \`npm run bench\` on ${r.machine.date} in ${Math.round(r.seconds)} s. Benchmarks, not tests: nothing here passes or fails.`, '');
	lines.push(`**Data:** ${r.prepared.dataNote}. Pipeline input: \`${r.prepared.monthFile.split('/').pop()}\` alone in a folder (${(r.prepared.monthCsvBytes / 1e6).toFixed(1)} MB of CSV).`, '');
	lines.push(
		`**Machine:** ${r.machine.cpu}, ${r.machine.memory} memory, Node ${r.machine.node}, Chromium ${r.machine.chromium}. ` +
			'The machine is shared (other builds and tests run at the same time), so every comparison is measured side by side in one run (A B A B …); the spread (min–max) shows the noise.',
		''
	);
	lines.push('| figure | median | min | max | runs | goal | result |', '|---|---:|---:|---:|---:|---:|---|');
	for (const f of r.figures) lines.push(tableRow(f));
	lines.push('');
	lines.push('## How each figure is measured', '');
	lines.push(
		`- **Pipeline ÷ DuckDB:** each side in a fresh child process, alternating (pipeline, DuckDB, DuckDB writing the detail files) × ${r.pipeline.length}; each ratio is per pair. Pipeline = \`buildSiteData\` (read, validate, count, aggregate, write the DuckDB month files, Arrow site tables, Parquet, JSON, feeds and manifest; with a fresh empty month cache) on a folder holding only the month's zip. DuckDB = \`COPY (SELECT * FROM read_csv(<the same CSV, extracted once beforehand>)) TO '….parquet'\` with @duckdb/node-api. Third in each pair, DuckDB writing the detail files alone (\`bench/output-floor-child.ts\`): \`CREATE TABLE <a new DuckDB file with the site's storage options>.rtt_detail AS SELECT * FROM read_csv(<the same CSV>) ORDER BY <the detail file's order>\` (as the build loads a clean month), then the build's own \`DuckdbTableFile.publish\` (gzip level 6 on node's thread pool while DuckDB writes the zstd Parquet download); no checks, no summaries, no other file. Each pipeline run writes its own output folder, and all of them are deleted after the last pair (see the notes on kernel time). Times and CPU are taken inside the child, over the same span (process start-up excluded on every side: bench/child-clock.ts); peak memory is the child's \`process.resourceUsage().maxRSS\`.`,
		`- **Browser figures:** Debian Chromium, headless, a new context (empty cache) per cold run, with service workers blocked (CDP throttling does not apply to a worker's own fetches, and a worker that has precached the patient data would answer the "cold" search from its cache), the site served on 127.0.0.1 by \`tests/support/static-server.ts\` ${r.gzip ? 'with gzip (level 6) for HTML/JS/CSS/JSON/wasm/CSV, as real static hosts do' : 'without compression (--no-gzip)'}. Times are read inside the page: the click by a capture-phase listener, "visible" as the animation frame after a MutationObserver first sees the element laid out. One unmeasured warm-up run precedes the measured ones.`,
		'- **Cold first result:** load `/`, wait until the form is hydrated, fill Postcode `B15 2TH`, Treatment "trauma and orthopaedics", 25 miles; time from the click on Search to the first `article.result` painted.',
		'- **Throttled:** the same, with CDP `Network.emulateNetworkConditions` (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up) and `Emulation.setCPUThrottlingRate` 4, applied before loading `/`.',
		'- **Warm query:** in each cold run\'s page after its first result, 6 searches alternating the radius 25 ↔ 50 miles; time from the click on Search to the changed summary sentence painted.',
		...r.figures.filter((f) => r.notes[f.key] !== undefined).map((f) => noteLine(f, r.notes[f.key])),
		'- **Initial JS:** every JavaScript response the page `/` itself loads until network idle (no interaction), each body gzip-compressed at level 9 with Node\'s zlib, summed.' +
			(r.initial ? ` ${r.initial.files.length} files. Not counted: the service worker script (${r.initial.serviceWorker.toLocaleString('en-GB')} B gzip), registered after the page's \`load\` event, and the app chunks it then precaches off the main thread.` : ''),
		`- **Naive speed-up:** \`bench/naive/\` served at /naive/ beside the site, using the site's own emitted DuckDB-WASM eh wasm and worker: it downloads the raw month CSV (${(r.prepared.monthCsvBytes / 1e6).toFixed(1)} MB), \`read_csv\`s it, and in one SQL query unpivots the weekly bands, estimates each provider's median by linear interpolation in the band where half the waiting patients are reached (all commissioners summed; a simpler approximation than the site's), and keeps providers within 25 miles (haversine) of B15 2TH (a fixed point; coordinates from the site's providers.json since the CSV has none); time from navigation start to the first row shown. Pairs alternate (site cold, naive); speed-up = naive ÷ site per pair. First row: ${r.naiveNote || '—'}`,
		''
	);
	if (r.pipeline.length) {
		lines.push('## Pipeline pairs', '', '| pair | pipeline | of which read + validate | summarise | write outputs | DuckDB | ratio | DuckDB writing the detail files | pipeline CPU (user + kernel) | DuckDB CPU (user + kernel) | detail files CPU (user + kernel) | pipeline maxRSS | DuckDB maxRSS |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
		r.pipeline.forEach((p, i) =>
			lines.push(`| ${i + 1} | ${(p.pipelineMs / 1000).toFixed(1)} s | ${(p.stages.readMs / 1000).toFixed(1)} s | ${(p.stages.summariseMs / 1000).toFixed(1)} s | ${(p.stages.writeMs / 1000).toFixed(1)} s | ${(p.duckdbMs / 1000).toFixed(1)} s | ${p.ratio.toFixed(2)} | ${(p.floorMs / 1000).toFixed(1)} s | ${cpuText(p.pipelineCpu)} | ${cpuText(p.duckdbCpu)} | ${cpuText(p.floorCpu)} | ${p.pipelineRss.toFixed(0)} MB | ${p.duckdbRss.toFixed(0)} MB |`)
		);
		lines.push('');
	}
	if (r.naive.length) {
		lines.push('## Cold first result vs naive page, per pair', '', '| pair | site (click → first card) | naive (navigation → first row) | ratio |', '|---:|---:|---:|---:|');
		r.naive.forEach((n, i) => lines.push(`| ${i + 1} | ${r.cold[i].toFixed(0)} ms | ${n.toFixed(0)} ms | ${(n / r.cold[i]).toFixed(1)} |`));
		lines.push('');
	}
	if (r.initial) {
		lines.push('## Initial JavaScript of /', '', '| file | gzip -9 bytes |', '|---|---:|');
		for (const f of [...r.initial.files].sort((a, b) => b.gz - a.gz)) lines.push(`| \`${f.url}\` | ${f.gz.toLocaleString('en-GB')} |`);
		lines.push('');
	}
	lines.push(...WHY, '');
	lines.push('## Checks', '');
	lines.push(`- Requests outside 127.0.0.1 during all browser runs (site and naive page): ${r.outside.length ? r.outside.join(', ') : 'none'}.`);
	lines.push(`- Page errors: ${r.pageErrors.length ? r.pageErrors.join('; ') : 'none'}.`);
	lines.push(
		`- Builds: data ${r.prepared.dataBuildSeconds === null ? 'reused from .cache/bench (input and build scripts unchanged)' : `built in ${r.prepared.dataBuildSeconds.toFixed(0)} s`}, site ${r.prepared.siteBuildSeconds === null ? 'reused (--reuse-site)' : `built in ${r.prepared.siteBuildSeconds.toFixed(0)} s`}.`,
		''
	);
	writeFileSync(path, `${lines.join('\n')}\n`);
}
