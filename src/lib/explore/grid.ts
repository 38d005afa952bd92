/** Sorting, the scrolled window of rows, column widths and formatting for the results grid. */

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
	column: string;
	direction: SortDirection;
}

/** Column types DuckDB/Arrow report that hold numbers. */
export function isNumericType(type: string): boolean {
	return /^(u?int|float|double|decimal|int\d|uint\d|float\d)/i.test(type) || /^(Int|Uint|Float|Decimal)/.test(type);
}

export function isTimeType(type: string): boolean {
	return /^(Date|Timestamp)/.test(type);
}

/** Nulls last in both directions; numbers numerically; text in en-GB collation. */
export function compareValues(a: unknown, b: unknown): number {
	const an = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
	const bn = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
	if (an || bn) return an && bn ? 0 : an ? 1 : -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	return collator.compare(String(a), String(b));
}
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** A sorted copy (stable); nulls stay at the end whichever way. */
export function sortRows<T extends Record<string, unknown>>(rows: T[], sort: SortState | null): T[] {
	if (!sort) return rows;
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const indexed = rows.map((row, i) => [row, i] as const);
	indexed.sort(([a, ai], [b, bi]) => {
		const va = a[sort.column];
		const vb = b[sort.column];
		const aNull = va === null || va === undefined;
		const bNull = vb === null || vb === undefined;
		if (aNull || bNull) return aNull && bNull ? ai - bi : aNull ? 1 : -1;
		return sign * compareValues(va, vb) || ai - bi;
	});
	return indexed.map(([row]) => row);
}

/** Clicking a header: ascending, then descending, then ascending again. */
export function nextSort(current: SortState | null, column: string): SortState {
	if (current?.column === column && current.direction === 'ascending') return { column, direction: 'descending' };
	return { column, direction: 'ascending' };
}

export interface ScrollPosition {
	/** The scrolled box's scrollTop and clientHeight, in pixels. */
	scrollTop: number;
	viewportHeight: number;
	/** Where the first data row starts inside the scrolled box (below caption and header). */
	bodyTop: number;
	rowHeight: number;
	total: number;
	/** Rows drawn beyond each edge, so a quick scroll does not show blank space. */
	overscan?: number;
}

/** The rows to draw, [start, end): those in view and a margin on each side. */
export function visibleWindow({ scrollTop, viewportHeight, bodyTop, rowHeight, total, overscan = 10 }: ScrollPosition): { start: number; end: number } {
	const height = rowHeight > 0 ? rowHeight : 1;
	const first = Math.floor(Math.max(0, scrollTop - bodyTop) / height);
	const inView = Math.ceil(Math.max(0, viewportHeight) / height) + 1;
	const start = Math.min(total, Math.max(0, first - overscan));
	const end = Math.min(total, Math.max(start, first + inView + overscan));
	return { start, end };
}

/**
 * A width for each column, in characters, from its heading and the values of
 * up to `sample` rows spread through the result: fixed once per result, so
 * columns do not jump as other rows scroll into view.
 */
export function columnWidths(columns: { name: string; type: string }[], rows: Record<string, unknown>[], sample = 200, limits = { min: 4, max: 40 }): number[] {
	const step = Math.max(1, Math.floor(rows.length / sample));
	return columns.map(({ name, type }) => {
		let widest = Math.max(name.length + 2, Math.ceil(type.length * 0.8));
		for (let r = 0; r < rows.length; r += step) widest = Math.max(widest, formatCell(rows[r][name], type).length);
		return Math.min(limits.max, Math.max(limits.min, widest));
	});
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** A cell as text: numbers in en-GB, nulls as an em dash, dates as ISO. */
export function formatCell(value: unknown, type = ''): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'NaN';
		if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
		if (isTimeType(type)) return formatTime(value, type);
		return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
	}
	if (typeof value === 'bigint') return integer.format(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'string') return value;
	try {
		return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v)) ?? String(value);
	} catch {
		return String(value);
	}
}

function formatTime(ms: number, type: string): string {
	const iso = new Date(ms).toISOString();
	return type.startsWith('Date') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

export function formatMilliseconds(ms: number): string {
	return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function rowCountText(rows: number): string {
	return `${integer.format(rows)} ${rows === 1 ? 'row' : 'rows'}`;
}
