/**
 * `npm run summarise -- <RTT file>`: waiting-time figures for one month of the
 * RTT full extract, with the same reader and statistics as the site build.
 * Figures go to stdout; anything about the file (rows rejected) to stderr.
 */
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { RTT_PARTS, RTT_PART_WORDS, type RttPart } from '../../src/lib/schema/rtt.ts';
import { MIN_PATHWAYS } from '../../src/lib/stats/wait-summary.ts';
import { readRttIntoDuckDB } from '../readers/rtt.ts';
import { issueText } from '../readers/types.ts';
import { sha256OfFile } from '../lib/source-files.ts';
import { toCsv, toJson, toRecord } from './format.ts';
import { BANDED_PARTS, GROUPINGS, summariseGroups, type Grouping } from './groups.ts';
import { openRttFile } from './open.ts';

export const USAGE = `Usage: npm run summarise -- <file> [--part Part_2] [--by provider] [--format csv]

Summarises one month of NHS England's RTT full extract (the 121-column CSV,
plain, .gz, or inside the published .zip).

  --part <part>    ${BANDED_PARTS.map((p) => `${p}: ${RTT_PART_WORDS[p]}`).join('\n                   ')}
                   default Part_2
  --by <grouping>  provider            each provider (C_999 total rows, all commissioners)
                   provider,treatment  each provider × treatment function (treatment rows,
                                       all commissioners)
                   treatment           England by treatment function (treatment rows,
                                       excluding commissioner NONC)
                   region              each provider parent organisation, i.e. integrated
                                       care board (C_999 rows, all commissioners)
                   england             England (C_999 rows, excluding commissioner NONC,
                                       non-English commissioners, as NHS England's
                                       headline figure does)
                   default provider
  --format <fmt>   csv (RFC 4180, with a header) or json; default csv
  -h, --help       this text

Bands are summed over commissioners first and the figures computed from the
sum. C_999 rows are the sum of the treatment rows, so a grouping uses one or
the other, never both. Columns: code, name, treatment_code, treatment_name,
pathways (known clock start: the sum of the week bands), unknown_clock_start,
total_all (published Total All summed: pathways + unknown), median_weeks,
p92_weeks, p95_weeks, pct_within_18 with its 95% Wilson interval
(pct_within_18_low/high), over_52, over_104, flags (too_few: fewer than
${MIN_PATHWAYS} pathways, figures left empty; median/p92/p95_over_104: that
percentile lies in the open band over 104 weeks).`;

export interface SummariseIo {
	stdout: { write(text: string): unknown };
	stderr: { write(text: string): unknown };
}

export async function runSummarise(argv: string[], io: SummariseIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				part: { type: 'string', default: 'Part_2' },
				by: { type: 'string', default: 'provider' },
				format: { type: 'string', default: 'csv' },
				help: { type: 'boolean', short: 'h', default: false }
			},
			allowPositionals: true,
			strict: true
		});
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (values.help) {
		io.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const problem =
		positionals.length !== 1 ? `give exactly one RTT file (got ${positionals.length}).`
		: !(RTT_PARTS as readonly string[]).includes(values.part) ? `unknown --part "${values.part}"; expected one of ${BANDED_PARTS.join(', ')}.`
		: !BANDED_PARTS.includes(values.part as RttPart) ? `${values.part} (${RTT_PART_WORDS[values.part as RttPart].toLowerCase()}) has no week bands to summarise.`
		: !(GROUPINGS as readonly string[]).includes(values.by) ? `unknown --by "${values.by}"; expected one of ${GROUPINGS.join(', ')}.`
		: values.format !== 'csv' && values.format !== 'json' ? `unknown --format "${values.format}"; expected csv or json.`
		: null;
	if (problem) {
		io.stderr.write(`${problem}\n\n${USAGE}\n`);
		return 2;
	}

	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const connection = await instance.connect();
	try {
		const source = await openRttFile(positionals[0]);
		const { report, period } = await readRttIntoDuckDB(connection, source, await sha256OfFile(source.path), 1);
		if (report.rowsRejected > 0) {
			// The figures are still given, from the rows that passed; say plainly what was left out.
			io.stderr.write(`warning: ${report.rowsRejected} of ${report.rowsRead} rows of ${source.name} were rejected and left out:\n`);
			for (const issue of report.issues) io.stderr.write(`  ${issueText(issue)}\n`);
		}
		const groups = await summariseGroups(connection, values.by as Grouping, values.part as RttPart);
		const records = groups.map(toRecord);
		io.stdout.write(values.format === 'json' ? toJson(records) : toCsv(records));
		io.stderr.write(`${source.name}: ${period}, ${values.part}, by ${values.by}: ${records.length} groups\n`);
		return 0;
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n`);
		return 1;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
