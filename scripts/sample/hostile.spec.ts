import { strFromU8, gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PROVIDER_NAMES, HOSTILE_SITE_NAMES, generateHostile } from './hostile.ts';
import { PROVIDERS } from './providers.ts';

/** Every file as text (Latin-1 is enough to find ASCII payloads), archives opened. */
function texts(files: Map<string, Uint8Array>): Map<string, string> {
	const out = new Map<string, string>();
	for (const [path, bytes] of files) {
		if (path.endsWith('.gz')) out.set(path, strFromU8(gunzipSync(bytes), true));
		else if (path.endsWith('.zip')) for (const [name, inner] of Object.entries(unzipSync(bytes))) out.set(`${path}!${name}`, strFromU8(inner, true));
		else out.set(path, strFromU8(bytes, true));
	}
	return out;
}

describe('demonstration data with hostile names', () => {
	const before = JSON.stringify(PROVIDERS);
	const files = texts(generateHostile());

	it('puts the demonstration names back afterwards', () => {
		expect(JSON.stringify(PROVIDERS)).toBe(before);
	});

	it('writes each hostile provider name into every RTT month and (for trusts) the trust list', () => {
		const rtt = [...files].filter(([path]) => path.startsWith('rtt/') && !path.includes('__MACOSX'));
		expect(rtt.length).toBe(3);
		for (const name of Object.values(HOSTILE_PROVIDER_NAMES)) {
			const upper = name.toUpperCase().replaceAll('"', '""');
			for (const [path, text] of rtt) expect(text, path).toContain(upper);
		}
		const trusts = files.get('organisations/etr.csv')!;
		for (const [code, name] of Object.entries(HOSTILE_PROVIDER_NAMES)) {
			if (code.length === 3) expect(trusts).toContain(`"${code}","${name.toUpperCase().replaceAll('"', '""')}"`);
		}
	});

	it('writes the hostile hospital names into the hospital list', () => {
		const sites = files.get('organisations/hospital-sites/Hospital_demo.csv')!;
		for (const name of Object.values(HOSTILE_SITE_NAMES)) expect(sites).toContain(`¬${name}¬`);
	});

	it('is the same every time', () => {
		const again = texts(generateHostile());
		expect([...again.keys()]).toEqual([...files.keys()]);
		for (const [path, text] of again) expect(text === files.get(path), path).toBe(true);
	});
});
