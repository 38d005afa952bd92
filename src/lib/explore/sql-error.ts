/**
 * DuckDB's error text turned into plain words. DuckDB writes e.g.
 *   Parser Error: syntax error at or near "SELEC"
 *
 *   LINE 1: SELEC 1
 *           ^
 * and sometimes only a character offset. We keep its message (it is usually
 * precise) and add where in the query the problem is.
 */
import { TableNotFetchedError } from '$lib/data/site-tables';

export interface SqlProblem {
	/** One sentence for the error summary. */
	summary: string;
	/** DuckDB's kind of error, e.g. 'Parser Error', 'Catalog Error'. */
	kind: string | null;
	/** 1-based line and column in the query, when DuckDB said. */
	line: number | null;
	column: number | null;
	/** The line of SQL that holds the problem, and a caret under the spot. */
	excerpt: string | null;
	caret: string | null;
	cancelled: boolean;
}

const PLAIN_KIND: Record<string, string> = {
	'Parser Error': 'The query is not valid SQL',
	'Catalog Error': 'The query names something that does not exist',
	'Binder Error': 'The query refers to a column or value that does not fit',
	'Conversion Error': 'A value could not be converted',
	'Invalid Input Error': 'The input is not valid',
	'Out of Memory Error': 'The query needs more memory than your browser allows',
	'Permission Error': 'That is not allowed here',
	'IO Error': 'That is not allowed here (no files or web addresses can be read)',
	'Interrupt Error': 'The query was cancelled'
};

export function describeSqlError(raw: unknown, sql: string): SqlProblem {
	// Not the SQL's fault: a table it names could not be fetched (offline). The message is already plain words.
	if (raw instanceof TableNotFetchedError) return { summary: raw.message, kind: null, line: null, column: null, excerpt: null, caret: null, cancelled: false };
	let message = (raw instanceof Error ? raw.message : String(raw ?? 'Unknown error')).trim();
	let position: number | null = null;
	// Pending queries report errors as JSON: {"exception_type":"Parser","exception_message":"…","position":"43"}.
	if (message.startsWith('{')) {
		try {
			const parsed = JSON.parse(message) as Record<string, unknown>;
			if (typeof parsed.exception_message === 'string') {
				const type = typeof parsed.exception_type === 'string' ? parsed.exception_type : '';
				message = `${type ? `${type.replace(/ Error$/, '')} Error: ` : ''}${parsed.exception_message}`;
				if (parsed.position !== undefined && Number.isFinite(Number(parsed.position))) position = Number(parsed.position);
			}
		} catch {
			/* not JSON after all: keep the text */
		}
	}
	const kindMatch = /^([A-Z][A-Za-z ]*Error):\s*/.exec(message);
	const kind = kindMatch ? kindMatch[1] : null;
	const cancelled = /^INTERRUPT|Interrupted!|query (?:was|has been) cancell?ed/i.test(message) || /^interrupt/i.test(kind ?? '');
	let body = kindMatch ? message.slice(kindMatch[0].length) : message;
	// Cut DuckDB's own LINE/caret block from the sentence; we draw our own.
	const lineBlock = /\n\s*\nLINE (\d+):[^\n]*\n(\s*)\^/.exec(body) ?? /\nLINE (\d+):[^\n]*\n(\s*)\^/.exec(body);
	body = body.replace(/\n+LINE \d+:[\s\S]*$/, '').trim();

	let line: number | null = null;
	let column: number | null = null;
	const lines = sql.split('\n');
	if (position !== null) {
		({ line, column } = lineAndColumnAt(lines, position));
	} else if (lineBlock) {
		line = Number(lineBlock[1]);
		// Caret indent minus the "LINE n: " prefix gives the column in DuckDB's (possibly trimmed) excerpt.
		const prefix = `LINE ${lineBlock[1]}: `.length;
		const excerptMatch = /LINE \d+: ([^\n]*)\n/.exec(message);
		const shown = excerptMatch ? excerptMatch[1] : '';
		const offsetInShown = lineBlock[2].length - prefix;
		const source = lines[line - 1] ?? '';
		const trimmed = shown.startsWith('...') ? shown.slice(3) : shown;
		const found = trimmed ? source.indexOf(trimmed.replace(/\.\.\.$/, '').slice(0, 40)) : -1;
		const lead = shown.startsWith('...') ? 3 : 0;
		column = Math.max(1, (found >= 0 ? found : 0) + offsetInShown - lead + 1);
	} else {
		const at = /(?:at|near) (?:position|character|offset) (\d+)/i.exec(message);
		if (at) ({ line, column } = lineAndColumnAt(lines, Number(at[1])));
	}
	const excerpt = line !== null ? (lines[line - 1] ?? null) : null;
	const caret = excerpt !== null && column !== null ? ' '.repeat(Math.min(column - 1, excerpt.length)) + '^' : null;
	const lead = cancelled ? 'The query was cancelled' : kind ? (PLAIN_KIND[kind] ?? kind) : 'The query failed';
	const where = line !== null ? ` (line ${line}${column !== null ? `, column ${column}` : ''})` : '';
	const detail = cancelled ? '' : `: ${firstSentence(body)}`;
	return { summary: `${lead}${where}${detail}`, kind, line, column, excerpt, caret, cancelled };
}

function firstSentence(text: string): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > 400 ? `${clean.slice(0, 400)}…` : clean;
}

/** 1-based line and column of a 0-based character offset into the lines of a query. */
function lineAndColumnAt(lines: readonly string[], offset: number): { line: number | null; column: number | null } {
	let rest = offset;
	for (let i = 0; i < lines.length; i++) {
		if (rest <= lines[i].length) return { line: i + 1, column: rest + 1 };
		rest -= lines[i].length + 1;
	}
	return { line: null, column: null };
}
