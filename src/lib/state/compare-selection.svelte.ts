/**
 * The hospitals ticked for comparing. Kept for the whole page session, not by
 * the results list, so a new search (another postcode, treatment or
 * distance) keeps what was chosen; names are kept so a choice that is not in
 * the new list can still be shown and removed.
 */
export const MAX_COMPARE = 4;

export const compareSelection = $state<{ chosen: { code: string; name: string }[] }>({ chosen: [] });

export function setCompared(code: string, name: string, on: boolean): void {
	const { chosen } = compareSelection;
	if (on && !chosen.some((c) => c.code === code) && chosen.length < MAX_COMPARE) compareSelection.chosen = [...chosen, { code, name }];
	if (!on) compareSelection.chosen = chosen.filter((c) => c.code !== code);
}
