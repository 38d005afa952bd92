import { describe, expect, it } from 'vitest';
import { describeSqlError } from './sql-error';
import { TableNotFetchedError } from '$lib/data/site-tables';

describe('describeSqlError', () => {
	it('reads the LINE / caret block', () => {
		const sql = 'SELECT 1\nFROM providers\nWHER code = 1';
		const message = 'Parser Error: syntax error at or near "WHER"\n\nLINE 3: WHER code = 1\n        ^';
		const p = describeSqlError(new Error(message), sql);
		expect(p.kind).toBe('Parser Error');
		expect(p.line).toBe(3);
		expect(p.column).toBe(1);
		expect(p.excerpt).toBe('WHER code = 1');
		expect(p.caret).toBe('^');
		expect(p.summary).toBe('The query is not valid SQL (line 3, column 1): syntax error at or near "WHER"');
	});

	it('finds the column inside a line', () => {
		const sql = 'SELECT nme FROM providers';
		const message = 'Binder Error: Referenced column "nme" not found in FROM clause!\nCandidate bindings: "name"\n\nLINE 1: SELECT nme FROM providers\n               ^';
		const p = describeSqlError(message, sql);
		expect(p.line).toBe(1);
		expect(p.column).toBe(8);
		expect(p.caret).toBe('       ^');
		expect(p.summary).toContain('Referenced column "nme" not found');
		expect(p.summary).toContain('Candidate bindings');
	});

	it('works without position', () => {
		const p = describeSqlError(new Error('Catalog Error: Table with name nope does not exist!'), 'SELECT * FROM nope');
		expect(p.line).toBeNull();
		expect(p.summary).toBe('The query names something that does not exist: Table with name nope does not exist!');
	});

	it('handles a character offset', () => {
		const p = describeSqlError('Parser Error: unterminated quoted string at or near position 9', "SELECT 1,\n'abc");
		expect(p.line).toBe(1);
		expect(p.column).toBe(10);
	});

	it('reads the JSON form pending queries use', () => {
		const sql = 'SELECT provider_code\nFROM rtt_summary\nWHER period = 1';
		const message = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "period"\n\nLINE 3: WHER period = 1\n ^', error_subtype: 'SYNTAX_ERROR', position: '43' });
		const p = describeSqlError(new Error(message), sql);
		expect(p.kind).toBe('Parser Error');
		expect([p.line, p.column]).toEqual([3, 6]);
		expect(p.caret).toBe('     ^');
		expect(p.summary).toBe('The query is not valid SQL (line 3, column 6): syntax error at or near "period"');
	});

	it('reads JSON errors of other kinds', () => {
		const p = describeSqlError(JSON.stringify({ exception_type: 'Catalog', exception_message: 'Table with name nope does not exist!' }), 'SELECT * FROM nope');
		expect(p.summary).toBe('The query names something that does not exist: Table with name nope does not exist!');
	});

	it('recognises cancellation', () => {
		const p = describeSqlError(new Error('INTERRUPT Error: Interrupted!'), 'SELECT 1');
		expect(p.cancelled).toBe(true);
		expect(p.summary).toBe('The query was cancelled');
	});

	it('copes with anything', () => {
		expect(describeSqlError(undefined, '').summary).toBe('The query failed: Unknown error');
		expect(describeSqlError({}, '').summary).toContain('The query failed');
	});

	it('passes on, as it is, why a table could not be fetched (offline), without pointing into the query', () => {
		const message = 'The table rtt_summary_2026_01 has not been downloaded to this browser yet, and fetching it needs a connection to this site.';
		const p = describeSqlError(new TableNotFetchedError(message), 'SELECT * FROM rtt_summary_2026_01');
		expect(p).toEqual({ summary: message, kind: null, line: null, column: null, excerpt: null, caret: null, cancelled: false });
	});
});
