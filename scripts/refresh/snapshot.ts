/** Reads the parts of a built data folder that the refresh compares (see changes.ts). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { providersOf, type AeMonthFile, type Manifest, type ProvidersFile, type TreatmentWaitsFile } from '../../src/lib/schema/site-data.ts';
import type { DataSnapshot } from './changes.ts';

async function json<T>(path: string): Promise<T | null> {
	return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as T) : null;
}

export async function readManifest(dir: string): Promise<Manifest | null> {
	return json<Manifest>(join(dir, 'manifest.json'));
}

export async function readSnapshot(dir: string): Promise<DataSnapshot> {
	const manifest = await readManifest(dir);
	if (!manifest) throw new Error(`${dir} has no manifest.json.`);
	const allTreatments = await json<TreatmentWaitsFile>(join(dir, manifest.files.patientTreatments.replace('{treatment}', 'C_999')));
	const providers = await json<ProvidersFile>(join(dir, manifest.files.providers));
	const providerNames = Object.fromEntries((providers ? providersOf(providers) : []).map((p) => [p.code, p.name]));
	const aeMonths: AeMonthFile[] = [];
	for (const period of manifest.aePeriods.slice(-2)) {
		const month = await json<AeMonthFile>(join(dir, manifest.files.aeMonth.replace('{period}', period)));
		if (month) aeMonths.push(month);
	}
	return { manifest, allTreatments, providerNames, aeMonths };
}
