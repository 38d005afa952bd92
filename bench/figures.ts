/**
 * Every figure the bench reports, with its goal, from the raw measurements of
 * one run: the single list results.json and report.md are written from.
 */
import { summarise, type Summary } from './stats.ts';
import type { Figure, PipelinePair } from './report.ts';
import { historyFigures, type HistoryFigures } from './history.ts';
import type { UploadLongTasks } from './explorer-browser.ts';

export interface Measured {
	pipeline: PipelinePair[];
	cold: number[];
	throttled: number[];
	warm: number[];
	explorer: number[];
	floors: number[];
	overFloor: number[];
	council: number[];
	initial: { bytes: number } | null;
	explorerWarm: number[];
	upload: UploadLongTasks | null;
	speedups: number[];
	history: HistoryFigures | null;
	explorer60: number[];
	explorer60Ratio: number[];
	bytes60: number[];
	allMonths: number[];
}

/** The figures `--only explorer` measures and merges into an earlier run's results. */
export const EXPLORER_KEYS = ['explorer_cold_ms', 'explorer_floor_ms', 'explorer_cold_vs_floor', 'explorer_warm_group_by_ms', 'upload_max_main_thread_task_ms', 'explorer_cold_ms_60', 'explorer_cold_60_vs_2', 'explorer_bytes_first_query_60', 'explorer_all_months_ms'];

const s = (values: number[]): Summary | null => (values.length ? summarise(values) : null);

export function benchFigures(m: Measured): Figure[] {
	return [
		{ key: 'pipeline_ratio_vs_duckdb', label: 'Pipeline time ÷ plain DuckDB (one RTT month)', unit: '×', summary: s(m.pipeline.map((p) => p.ratio)), goal: 1.5, better: 'lower' },
		{ key: 'output_floor_vs_duckdb', label: 'DuckDB writing the month\'s detail files as the site serves them ÷ plain DuckDB (per pair)', unit: '×', summary: s(m.pipeline.map((p) => p.floorMs / p.duckdbMs)), goal: null, better: 'lower' },
		{ key: 'pipeline_vs_output_floor', label: 'Pipeline time ÷ DuckDB writing the detail files alone (per pair)', unit: '×', summary: s(m.pipeline.map((p) => p.pipelineMs / p.floorMs)), goal: null, better: 'lower' },
		{ key: 'pipeline_peak_rss_mb', label: 'Pipeline peak memory (maxRSS)', unit: 'MB', summary: s(m.pipeline.map((p) => p.pipelineRss)), goal: 1536, better: 'lower', useMax: true },
		{ key: 'cold_first_result_ms', label: 'Cold first result (click → first card)', unit: 'ms', summary: s(m.cold), goal: 1000, better: 'lower' },
		{ key: 'cold_first_result_throttled_ms', label: 'Cold first result, slow 4G + 4× CPU', unit: 'ms', summary: s(m.throttled), goal: 4000, better: 'lower' },
		{ key: 'warm_query_ms', label: 'Warm query (radius change → new summary)', unit: 'ms', summary: s(m.warm), goal: 50, better: 'lower' },
		{ key: 'explorer_cold_ms', label: 'Explorer cold: navigation → first SQL result', unit: 'ms', summary: s(m.explorer), goal: 2500, better: 'lower' },
		{ key: 'explorer_floor_ms', label: 'DuckDB-WASM floor: navigation → SELECT 1 on the same files', unit: 'ms', summary: s(m.floors), goal: null, better: 'lower' },
		{ key: 'explorer_cold_vs_floor', label: 'Explorer cold ÷ DuckDB-WASM floor (per pair)', unit: '×', summary: s(m.overFloor), goal: 1.3, better: 'lower' },
		{ key: 'council_cold_ms', label: 'Council page cold: navigation → summary (no DuckDB-WASM)', unit: 'ms', summary: s(m.council), goal: 1000, better: 'lower' },
		{ key: 'initial_js_gz_bytes', label: 'Initial JavaScript of / (gzip -9)', unit: 'bytes', summary: m.initial ? s([m.initial.bytes]) : null, goal: 100_000, better: 'lower' },
		{ key: 'explorer_warm_group_by_ms', label: 'Explorer warm GROUP BY over a month of detail (Run → caption)', unit: 'ms', summary: s(m.explorerWarm), goal: 300, better: 'lower' },
		{ key: 'upload_max_main_thread_task_ms', label: 'Longest main-thread task during a 200 MB CSV upload', unit: 'ms', summary: m.upload ? s([m.upload.maxMs]) : null, goal: 200, better: 'lower', useMax: true },
		{ key: 'naive_speedup', label: 'Naive page time ÷ cold first result (per pair)', unit: '×', summary: s(m.speedups), goal: 20, better: 'higher' },
		...historyFigures(m.history, { explorer60: m.explorer60, explorer60Ratio: m.explorer60Ratio, bytes60: m.bytes60, allMonths: m.allMonths })
	];
}
