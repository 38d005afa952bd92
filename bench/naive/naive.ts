/**
 * The naive page's script (bundled by bench/build.ts into naive.js with the
 * duckdb-wasm JS API; the wasm and worker are the site's own emitted assets,
 * named in ./config.json). Providers within 25 miles of B15 2TH for C_110,
 * shortest median first, the median estimated from the weekly bands.
 *
 * Simplifications (said in the report): provider coordinates come from the
 * site's providers.json (the raw CSV has none), B15 2TH is a fixed point
 * (its sector centroid), and the median is a linear interpolation within the
 * band where half the waiting patients are reached, over all commissioners.
 */
import * as duckdb from '@duckdb/duckdb-wasm';

interface Config { wasm: string; worker: string; csv: string; providers: string; origin: [number, number]; miles: number; treatment: string }

const status = document.getElementById('status')!;
const out = document.getElementById('first-row')!;

async function main() {
	const config = (await (await fetch('./config.json')).json()) as Config;
	const [csvBytes, providers] = await Promise.all([
		fetch(config.csv).then(async (r) => new Uint8Array(await r.arrayBuffer())),
		fetch(config.providers).then((r) => r.json() as Promise<{ providers: { code: string; name: string; lat: number | null; lon: number | null }[] }>),
		(async () => {
			const worker = new Worker(config.worker);
			const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
			await db.instantiate(config.wasm);
			(window as unknown as { db: duckdb.AsyncDuckDB }).db = db;
		})()
	]);
	const db = (window as unknown as { db: duckdb.AsyncDuckDB }).db;
	await db.registerFileBuffer('rtt.csv', csvBytes);
	const connection = await db.connect();
	const located = providers.providers.filter((p) => p.lat !== null && p.lon !== null);
	const values = located.map((p) => `('${p.code}', '${p.name.replace(/'/g, "''")}', ${p.lat}, ${p.lon})`).join(',\n');
	const [lat, lon] = config.origin;
	const sql = `
		WITH raw AS (
			SELECT "Provider Org Code" AS code, COLUMNS('^Gt [0-9]+ (To [0-9]+ )?Weeks SUM 1$')::DOUBLE
			FROM read_csv('rtt.csv')
			WHERE "Treatment Function Code" = '${config.treatment}' AND "RTT Part Type" = 'Part_2'
		),
		bands AS (
			SELECT code, CAST(regexp_extract(band, 'Gt ([0-9]+)', 1) AS INTEGER) AS lower, sum(coalesce(n, 0)) AS n
			FROM (UNPIVOT raw ON COLUMNS(* EXCLUDE (code)) INTO NAME band VALUE n)
			GROUP BY ALL
		),
		cumulative AS (
			SELECT code, lower, n, sum(n) OVER (PARTITION BY code ORDER BY lower) AS upto, sum(n) OVER (PARTITION BY code) AS total
			FROM bands
		),
		medians AS (
			SELECT code, arg_min(lower + (total / 2 - (upto - n)) / n, lower) AS median_weeks, any_value(total) AS waiting
			FROM cumulative WHERE upto >= total / 2 AND n > 0 AND total > 0
			GROUP BY code
		),
		places(code, name, lat, lon) AS (VALUES ${values}),
		nearby AS (
			SELECT p.code, p.name, 3958.8 * 2 * asin(sqrt(
				pow(sin(radians(p.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(p.lat)) * pow(sin(radians(p.lon - ${lon}) / 2), 2)
			)) AS miles
			FROM places p
		)
		SELECT nearby.name, round(nearby.miles, 1) AS miles, round(median_weeks, 1) AS median_weeks, waiting
		FROM medians JOIN nearby USING (code)
		WHERE nearby.miles <= ${config.miles}
		ORDER BY median_weeks, miles
	`;
	const table = await connection.query(sql);
	const rows = table.toArray().map((r) => r.toJSON());
	if (!rows.length) throw new Error('no rows');
	const first = rows[0] as { name: string; miles: number; median_weeks: number; waiting: number };
	out.textContent = `${first.name}: ${first.median_weeks} weeks median wait, ${first.miles} miles (${rows.length} hospitals within ${config.miles} miles)`;
	out.dataset.rows = String(rows.length);
	out.hidden = false;
	status.textContent = 'Done.';
}

main().catch((error) => {
	status.textContent = `Failed: ${error}`;
	status.dataset.failed = '';
	console.error(error);
});
