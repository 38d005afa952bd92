import { describe, expect, it } from 'vitest';
import { CsvCollector } from './csv-collector';
import { convert, type ColumnType } from './csv-import';

/** Keeps the good rows by column, converted, as the upload writer would receive them. */
function columnsSink() {
	const sink = {
		types: [] as ColumnType[],
		columns: [] as (string | number | boolean | null)[][],
		begin(_headers: string[], types: ColumnType[]) {
			sink.types = types;
			sink.columns = types.map(() => []);
		},
		add(cells: string[]) {
			cells.forEach((cell, i) => sink.columns[i].push(convert(cell, sink.types[i])));
		}
	};
	return sink;
}

describe('CsvCollector', () => {
	it('keeps good rows, lists bad ones with line and column', () => {
		const kept = columnsSink();
		const c = new CsvCollector(kept);
		const rows = [['code', 'note', 'n']];
		for (let i = 0; i < 1000; i++) rows.push([`R${i}`, i === 3 ? '<img src=x onerror=alert(1)>' : '=1+1', String(i)]);
		c.addRows(rows);
		c.addRows([['RX', 'short'], ['RY', 'ok', 'lots'], ['RZ', 'ok', ''], ['']]);
		const out = c.finish();
		expect(out.headers).toEqual(['code', 'note', 'n']);
		expect(out.types).toEqual(['VARCHAR', 'VARCHAR', 'INTEGER']);
		expect(out.rowCount).toBe(1001);
		expect(kept.columns[0].length).toBe(1001);
		expect(kept.columns[1][3]).toBe('<img src=x onerror=alert(1)>');
		expect(kept.columns[2][1000]).toBeNull();
		expect(out.preview.length).toBe(10);
		expect(out.problems).toEqual([
			{ line: 1002, column: 'n', reason: 'has 2 fields but the header has 3: the row stops before this column' },
			{ line: 1003, column: 'n', reason: 'expected a whole number (as in the first rows), found "lots"' }
		]);
		expect(out).toMatchObject({ rowsRead: 1003, problemCount: 2 });
	});
	it('infers from a short file at the end', () => {
		const kept = columnsSink();
		const c = new CsvCollector(kept);
		c.addRows([['a', 'b'], ['1', 'x'], ['2.5', 'y']]);
		const out = c.finish();
		expect(out.types).toEqual(['DOUBLE', 'VARCHAR']);
		expect(kept.columns).toEqual([[1, 2.5], ['x', 'y']]);
	});
	it('tells the sink the types before the first row, once', () => {
		const calls: string[] = [];
		const c = new CsvCollector({ begin: (h, t) => calls.push(`begin ${h.join()} ${t.join()}`), add: (cells) => calls.push(cells.join()) });
		c.addRows([['a', 'ok'], ['1', 'true']]);
		c.addRows([['2', 'false']]);
		c.finish();
		expect(calls).toEqual(['begin a,ok INTEGER,BOOLEAN', '1,true', '2,false']);
	});

	it('leaves a row out once, for its first problem, however many it has', () => {
		const c = new CsvCollector(columnsSink());
		// PapaParse reports both for a value whose quote is never closed; the row is also short.
		const errors = [
			{ row: 2, code: 'InvalidQuotes', message: 'Trailing quote on quoted field is malformed' },
			{ row: 2, code: 'MissingQuotes', message: 'Quoted field unterminated' }
		];
		c.addRows([['a', 'b', 'c'], ['1', '2', '3'], ['4', 'x"y\n5,6,7\n']], errors);
		const out = c.finish();
		expect(out).toMatchObject({ rowsRead: 2, rowCount: 1, problemCount: 1 });
		expect(out.problems).toEqual([{ line: 3, column: 'b', reason: 'a quoted value has a stray quote (") inside it; a quote inside a quoted value must be doubled ("")' }]);
	});
	it('names the column an unclosed quote starts in, and the last column of a row too long', () => {
		const c = new CsvCollector(columnsSink());
		c.addRows([['a', 'b', 'c'], ['1', '2', '3', '4'], ['5', 'open…']], [{ row: 2, code: 'MissingQuotes', message: 'Quoted field unterminated' }]);
		expect(c.finish().problems).toEqual([
			{ line: 2, column: 'c', reason: 'has 4 fields but the header has 3: there is 1 value after this, the last column (a separator inside a value may have shifted the columns)' },
			{ line: 3, column: 'b', reason: 'a quoted value starts in this column but its closing quote (") never comes; the file may be cut short' }
		]);
	});
	it('counts lines inside quoted values, unless the text had no quotes', () => {
		const c = new CsvCollector(columnsSink());
		c.addRows([['a', 'b'], ['1', 'two\r\nlines'], ['2', 'three\nline\rbreaks']]);
		c.addRows([['3', 'x'], ['bad']]);
		expect(c.finish().problems).toEqual([{ line: 8, column: 'b', reason: 'has 1 field but the header has 2: the row stops before this column' }]);
		const unquoted = new CsvCollector(columnsSink());
		unquoted.addRows([['a', 'b'], ['1', 'not\nlooked at'], ['bad']], [], false);
		expect(unquoted.finish().problems[0].line).toBe(3);
	});
});
