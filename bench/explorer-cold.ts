/**
 * The explorer cold (A), DuckDB-WASM's own floor (B, bench/floor: SELECT 1 on
 * the same wasm and worker) and, when built, the explorer on 60 generated
 * months (C), measured A B C A B C … in one loop so the machine's load hits
 * all three alike. Each explorer visit runs the first example query from a
 * share link (#s=…), got by running it once.
 */
import type { Browser } from 'playwright-core';
import { coldVisit, type Session } from './browser.ts';
import { exampleSql, explorerCold, shareLink } from './history-browser.ts';

const FLOOR_RESULT = '#result tbody tr';

export interface ExplorerColdRuns {
	explorer: number[];
	floors: number[];
	overFloor: number[];
	explorer60: number[];
	explorer60Ratio: number[];
	bytes60: number[];
	notes: { explorerNote: string; floorNote: string; explorer60Note: string };
}

/** When the loop never ran (the browser failed before it): no runs, no notes. */
export const NOT_RUN: ExplorerColdRuns = { explorer: [], floors: [], overFloor: [], explorer60: [], explorer60Ratio: [], bytes60: [], notes: { explorerNote: '', floorNote: '', explorer60Note: '' } };

interface Options {
	browser: Browser;
	siteUrl: string;
	site60Url: string | null;
	runs: number;
	log: (line: string) => void;
	/** Closes a session and keeps its outside requests and page errors for the report. */
	done: (session: Session) => Promise<void>;
	/** Why the 60-month site is missing, when it is. */
	historyNote: string;
}

export async function measureExplorerCold({ browser, siteUrl, site60Url, runs, log, done, historyNote }: Options): Promise<ExplorerColdRuns> {
	const r: ExplorerColdRuns = structuredClone(NOT_RUN);
	const floorVisit = () => coldVisit(browser, `${siteUrl}/floor/`, FLOOR_RESULT, { failSelector: '#status[data-failed]' });
	/** Which wasm the floor page's selectBundle chose, for the note (the site's choice is the same code). */
	async function floorBundle(): Promise<string> {
		const { session } = await floorVisit();
		const text = (await session.page.locator('#status').textContent()) ?? '';
		await done(session);
		return `it chose ${/\((.*)\)/.exec(text)?.[1] ?? 'an unknown bundle'}`;
	}
	try {
		const first = (await exampleSql(siteUrl)).first;
		const link = await shareLink(browser, siteUrl, first);
		const link60 = site60Url ? await shareLink(browser, site60Url, (await exampleSql(site60Url)).first) : null;
		await done((await floorVisit()).session); // warm-up: the server compresses floor.js once
		const seen60: string[] = [];
		for (let i = 0; i < runs; i++) {
			const visit = await explorerCold(browser, link);
			r.explorer.push(visit.ms);
			await done(visit.session);
			const floor = await floorVisit();
			r.floors.push(floor.ms);
			r.overFloor.push(visit.ms / floor.ms);
			await done(floor.session);
			let line = `explorer run ${i + 1}: ${visit.ms.toFixed(0)} ms, floor ${floor.ms.toFixed(0)} ms, ratio ${(visit.ms / floor.ms).toFixed(2)}`;
			if (link60) {
				const visit60 = await explorerCold(browser, link60);
				r.explorer60.push(visit60.ms);
				r.explorer60Ratio.push(visit60.ms / visit.ms);
				if (visit60.pageBytes !== null) r.bytes60.push(visit60.pageBytes);
				seen60.push(`${visit60.pageBytes ?? 'not shown'} B by the page, ${visit60.networkDataBytes} B of /data/ on the network`);
				await done(visit60.session);
				line += `; 60 months ${visit60.ms.toFixed(0)} ms (${(visit60.ms / visit.ms).toFixed(2)}×), ${visit60.pageBytes ?? '?'} B fetched`;
			}
			log(line);
		}
		r.notes.explorerNote = `cold visit of a share link (#s=…) for the explorer's first example query (\`${first.split('\n')[0]} …\`), from navigation start to the first row of the results table`;
		r.notes.floorNote =
			`cold visit of the bench-only page /floor/ (bench/floor, served beside the site, not part of it), from navigation start to its one result row painted: it starts the site's own DuckDB-WASM files the way src/lib/data/duckdb.ts does (selectBundle over the same eh and mvp wasm and workers, one worker, instantiate, open, connect) and runs SELECT 1 (${await floorBundle()}); measured in the same run as explorer_cold_ms, alternating explorer, floor, explorer, floor …`;
		r.notes.explorer60Note = link60
			? `the same first example query, cold, on the site built over 60 generated months (.cache/bench/history/site60), in the same loop as explorer_cold_ms (explorer, floor, explorer on 60 months, …); the ratio is per pair. Bytes fetched per run: ${seen60.join('; ')}`
			: `not measured: ${historyNote || 'the history builds were skipped'}`;
	} catch (error) {
		const note = `not measured: ${(error as Error).message.split('\n')[0]}`;
		r.notes = { explorerNote: note, floorNote: note, explorer60Note: note };
		log(`explorer: ${note}`);
	}
	return r;
}
