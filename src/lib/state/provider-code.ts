/**
 * A provider's ODS code as it arrives in a URL (/provider/[code], ?providers=):
 * NHS trusts have 3 characters, independent providers 5 (checked against every
 * code in the published RTT files). Anything else is not a provider we can
 * show, so it is refused before any data is loaded.
 */

const PROVIDER_CODE = /^[A-Z0-9]{3,6}$/;

/** 'ZA1' → 'ZA1'; anything that is not a code (wrong shape, not a string) → null. */
export function parseProviderCode(text: unknown): string | null {
	return typeof text === 'string' && PROVIDER_CODE.test(text) ? text : null;
}
