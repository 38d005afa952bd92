/** Saved queries, kept in this browser's localStorage only. */

export interface SavedQuery {
	name: string;
	sql: string;
	savedAt: string; // ISO
}

export const SAVED_KEY = 'openwaits.explore.saved.v1';
export const MAX_SAVED = 50;

/** Whatever is stored (or tampered with), a clean list comes back. */
export function parseSaved(text: string | null): SavedQuery[] {
	if (!text) return [];
	try {
		const value = JSON.parse(text);
		if (!Array.isArray(value)) return [];
		return value
			.filter((q) => q && typeof q.name === 'string' && typeof q.sql === 'string')
			.map((q) => ({ name: q.name.slice(0, 120), sql: q.sql, savedAt: typeof q.savedAt === 'string' ? q.savedAt : '' }))
			.slice(0, MAX_SAVED);
	} catch {
		return [];
	}
}

/** Adds (or replaces by name) a query at the top of the list. */
export function addSaved(list: SavedQuery[], name: string, sql: string, now = new Date()): SavedQuery[] {
	const clean = name.trim() || `Query saved ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
	return [{ name: clean, sql, savedAt: now.toISOString() }, ...list.filter((q) => q.name !== clean)].slice(0, MAX_SAVED);
}

export function removeSaved(list: SavedQuery[], name: string): SavedQuery[] {
	return list.filter((q) => q.name !== name);
}
