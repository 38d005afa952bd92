import { describe, expect, it } from 'vitest';
import { providersFile, providersOf } from './site-data';
import { providerRecord } from './test-fixtures';

describe('providers.json', () => {
	const providers = [
		providerRecord('R1', null, { region: 'QOP', regionName: 'NHS Greater Manchester Integrated Care Board' }),
		providerRecord('R2', null, { region: 'QOP', regionName: 'NHS Greater Manchester Integrated Care Board' }),
		providerRecord('R3', null, { region: 'QHL', regionName: null }),
		providerRecord('R4', null, { region: null, regionName: null })
	];

	it('names each area once, not on every provider', () => {
		const file = providersFile(providers);
		expect(file.regions).toEqual({ QOP: 'NHS Greater Manchester Integrated Care Board' });
		expect(file.providers.some((p) => 'regionName' in p)).toBe(false);
	});

	it('gives every provider its area name back, and null where there is none', () => {
		expect(providersOf(providersFile(providers))).toEqual(providers);
	});

	it('never takes a name from the object prototype', () => {
		const file = providersFile([providerRecord('R5', null, { region: 'constructor', regionName: null })]);
		expect(providersOf(file)[0].regionName).toBeNull();
	});
});
